// Legal review and case-file evaluation pages: the ECharts bar charts, drawn from the
// tables' data-* attributes so the pages need no inline script (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }

  function bars(chartId, rowSelector, series, max) {
    var el = document.getElementById(chartId);
    if (!el) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll(rowSelector));
    var labels = rows.map(function (r) { return r.dataset.label; });
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: max },
      series: series.map(function (s) {
        return {
          name: el.dataset[s.label], type: 'bar', stack: s.stack,
          data: rows.map(function (r) { var v = r.dataset[s.field]; return v === '' ? null : Number(v); }),
          label: { show: !s.stack, position: 'top' }
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
    window.addEventListener('afterprint', function () { chart.resize(); });
  }

  bars('rates-chart', '#rates-table tr.rate-row', [{ field: 'rate', label: 'labelRate' }], 100);
  bars('results-chart', '#results-table tr.result-row', [
    { field: 'excellent', label: 'labelExcellent', stack: 'g' },
    { field: 'qualified', label: 'labelQualified', stack: 'g' },
    { field: 'failed', label: 'labelFailed', stack: 'g' }
  ], null);
});
