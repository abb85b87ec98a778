// The dashboard's charts, drawn from the tables' data-* attributes (CSP: script-src 'self'). A click on a bar opens
// the page behind the figure (the row's data-href): every figure drills down to its records.
(function () {
  var charts = [];

  function rows(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function draw(el, option, rowList) {
    var chart = echarts.init(el);
    chart.setOption(option);
    chart.on('click', function (params) {
      var row = rowList[params.dataIndex];
      if (row && row.dataset.href) { window.location.href = row.dataset.href; }
    });
    charts.push(chart);
  }

  function leaders() {
    var el = document.getElementById('leaders-chart');
    if (!el) { return; }
    var list = rows('#leaders-table tr.leader-row');
    draw(el, {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 80, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: list.map(function (r) { return r.dataset.name; }) },
      series: [{ name: el.dataset.label, type: 'bar', cursor: 'pointer',
        // the exact points as the server wrote them (two places, R-24), not as a binary number
        label: { show: true, position: 'right', formatter: function (p) { return list[p.dataIndex].dataset.points; } },
        data: list.map(function (r) { return Number(r.dataset.points); }) }]
    }, list);
  }

  function squads() {
    var el = document.getElementById('squads-chart');
    if (!el) { return; }
    var list = rows('#squads-table tr.squad-row');
    var units = list.map(function (r) { return r.dataset.unit; });
    var num = function (name) { return list.map(function (r) { return Number(r.dataset[name]); }); };
    draw(el, {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 } },
      yAxis: [{ type: 'value', max: 100, name: '%' }, { type: 'value', minInterval: 1 }],
      series: [
        { name: el.dataset.labelStandards, type: 'bar', cursor: 'pointer', data: num('standards') },
        { name: el.dataset.labelCoverage, type: 'bar', yAxisIndex: 1, cursor: 'pointer', data: num('covered') },
        { name: el.dataset.labelHours, type: 'line', yAxisIndex: 1, data: num('hours') }
      ]
    }, list);
  }

  function reviews() {
    var el = document.getElementById('review-chart');
    if (!el) { return; }
    var list = rows('#review-table tr.review-row');
    var units = list.map(function (r) { return r.dataset.unit; });
    var num = function (name) { return list.map(function (r) { return Number(r.dataset[name]); }); };
    draw(el, {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: units, axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 } },
      yAxis: [{ type: 'value', max: 100, name: '%' }, { type: 'value', minInterval: 1 }],
      series: [
        { name: el.dataset.labelReview, type: 'bar', cursor: 'pointer', data: num('review') },
        { name: el.dataset.labelSameDay, type: 'bar', cursor: 'pointer', data: num('sameDay') },
        { name: el.dataset.labelGaps, type: 'line', yAxisIndex: 1, data: num('gaps') }
      ]
    }, list);
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') { return; }
    leaders();
    squads();
    reviews();
    var resize = function () { charts.forEach(function (c) { c.resize(); }); };
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
  });
})();
