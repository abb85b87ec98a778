// Recording pages: the inquiry form's "elsewhere" fields, and the
// compliance chart whose bars link to the gaps behind them. No inline script or handler (CSP: script-src 'self').
document.addEventListener('DOMContentLoaded', function () {

  // the place and the body-camera number matter only for an inquiry outside the inquiry room.
  var elsewhere = document.getElementById('where-elsewhere');
  if (elsewhere) {
    var toggle = function () {
      document.querySelectorAll('[data-elsewhere]').forEach(function (el) {
        el.classList.toggle('d-none', !elsewhere.checked);
      });
    };
    document.querySelectorAll('input[name="where"]').forEach(function (r) { r.addEventListener('change', toggle); });
    toggle();
  }

  var el = document.getElementById('compliance-chart');
  if (!el || typeof echarts === 'undefined') { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#summary-table tr.summary-row'));
  var kinds = el.dataset.kinds.split(',');
  var labels = el.dataset.labels.split('|');
  var units = rows.map(function (r) { return r.dataset.unitName; });
  var series = kinds.map(function (kind, i) {
    return {
      name: labels[i], type: 'bar', stack: 'gaps', kind: kind,
      data: rows.map(function (r) {
        var cell = r.querySelector('td[data-kind="' + kind + '"]');
        return cell ? Number(cell.dataset.count) : 0;
      }),
      label: { show: true, position: 'inside', formatter: function (p) { return p.value > 0 ? p.value : ''; } }
    };
  });
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series
  });
  // Each bar segment opens the list of that squad's gaps of that kind.
  chart.on('click', function (p) {
    var row = rows[p.dataIndex];
    if (!row || !p.value) { return; }
    var link = row.dataset.link;
    window.location.href = link + (link.indexOf('?') >= 0 ? '&' : '?') + 'kind=' + encodeURIComponent(kinds[p.seriesIndex]) + '#gaps';
  });
  window.addEventListener('resize', function () { chart.resize(); });
  window.addEventListener('beforeprint', function () { chart.resize(); });
  window.addEventListener('afterprint', function () { chart.resize(); });
});
