// Scoring pages: the period chooser and the small ranking charts (data comes from data-* attributes; no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  if (typeof echarts === 'undefined') { return; }
  var charts = [];
  // a chart in a hidden tab has no width yet: draw it again when its tab is shown
  document.addEventListener('shown.bs.tab', function () { charts.forEach(function (c) { c.resize(); }); });
  document.querySelectorAll('.ranking-chart').forEach(function (el) {
    var names = JSON.parse(el.dataset.names || '[]');
    var totals = JSON.parse(el.dataset.totals || '[]');
    if (names.length === 0) { el.classList.add('d-none'); return; }
    var chart = echarts.init(el);
    charts.push(chart);
    chart.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names.slice().reverse() },
      // totals arrive as exact decimal strings; the chart only draws them
      series: [{ type: 'bar', data: totals.slice().reverse(), label: { show: true, position: 'right' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
