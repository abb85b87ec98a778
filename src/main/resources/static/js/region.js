// The comparison of bureaus as bars (issue 16 item 3), drawn from the table's data-* attributes (CSP: script-src
// 'self'); a click on a bureau's bars opens its drill-down. Drawn again when htmx swaps in another quarter.
(function () {
  var chart = null;

  function draw() {
    var el = document.getElementById('region-chart');
    if (chart) { chart.dispose(); chart = null; }
    if (!el || typeof echarts === 'undefined') { return; }
    var list = Array.prototype.slice.call(document.querySelectorAll('#region-table tr.bureau-row'));
    var links = list.map(function (r) { return r.querySelector('td a'); });
    var names = links.map(function (a) { return a ? a.textContent : ''; });
    var num = function (name) { return list.map(function (r) { return Number(r.dataset[name]); }); };
    // a phone or many bureaus: the names turn so that they do not run into each other
    var crowded = el.clientWidth / Math.max(1, names.length) < 120;
    chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: el.clientWidth < 576 ? 80 : 50, bottom: crowded ? 110 : 40 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: crowded ? 40 : 0 } },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [
        { name: el.dataset.labelStandards, type: 'bar', cursor: 'pointer', data: num('standards') },
        { name: el.dataset.labelCoverage, type: 'bar', cursor: 'pointer', data: num('coverage') },
        { name: el.dataset.labelReview, type: 'bar', cursor: 'pointer', data: num('review') },
        { name: el.dataset.labelTraining, type: 'bar', cursor: 'pointer', data: num('training') }
      ]
    });
    chart.on('click', function (params) {
      var link = links[params.dataIndex];
      if (link) { window.location.href = link.href; }
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
})();
