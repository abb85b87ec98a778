// R-34 coverage chart: covered domains against the target per squad. Reads the table rows' data-* attributes,
// so the page needs no inline script (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('coverage-chart');
  if (!el || typeof echarts === 'undefined') { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#coverage-table tr.coverage-row'));
  var units = rows.map(function (r) { return r.dataset.unit; });
  var num = function (name) { return rows.map(function (r) { return Number(r.dataset[name]); }); };
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: el.dataset.labelCovered, type: 'bar', data: num('covered'), label: { show: true, position: 'top' } },
      { name: el.dataset.labelTarget, type: 'bar', data: num('target'), label: { show: true, position: 'top' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
  // Printing resizes the page: redraw to fit the paper.
  window.addEventListener('beforeprint', function () { chart.resize(); });
  window.addEventListener('afterprint', function () { chart.resize(); });
});
