/* PlanWatch charts: ECharts over the JSON block a page embeds (#chart-data).
   Served from /static like echarts.min.js itself: no inline script, no request elsewhere.
   Every point carries the id of its fact; clicking it opens the fact in its document (a bar of
   the project totals carries the URL of the project list filtered to it). */
(function () {
  'use strict';
  var el = document.getElementById('chart');
  var dataEl = document.getElementById('chart-data');
  if (!el || !dataEl || typeof echarts === 'undefined') { return; }
  var d = JSON.parse(dataEl.textContent);
  var esc = echarts.format.encodeHTML;
  var chart = echarts.init(el, null, { renderer: 'canvas' });

  function open(p) {
    if (p && p.data && p.data.url) {
      window.location.href = p.data.url;  // a link the server built (the project list filtered)
    } else if (p && p.data && p.data.fact) {
      window.location.href = d.factUrl.replace('{id}', String(p.data.fact));
    }
  }

  function num(v) {
    return (Math.round(v * 10000) / 10000).toString();
  }

  function seriesOption() {
    var L = d.labels;
    var pct = d.measure !== 'level' && d.measure !== 'change_pp';
    var unit = pct ? '%' : d.unit;
    var series = [
      { name: L.actual, type: 'line', data: d.observed.map(function (p) {
          return Object.assign({}, p, { symbol: p.kind === 'estimate' ? 'emptyCircle' : 'circle' });
        }), symbolSize: 9, lineStyle: { width: 2.5 }, itemStyle: { color: '#1f5fa8' }, z: 3 },
      { name: L.estimate, type: 'scatter', data: d.estimates, symbol: 'emptyCircle', symbolSize: 14,
        itemStyle: { color: '#e08a00' }, z: 4 },
      { name: L.target, type: 'scatter', data: d.targets, symbol: 'diamond', symbolSize: 16,
        itemStyle: { color: '#c0392b' }, z: 5 },
      { name: L.other, type: 'scatter', data: d.others, symbolSize: 7, itemStyle: { color: '#8a94a6', opacity: 0.8 } }
    ];
    d.paths.forEach(function (path) {
      series.push({ name: L.path, type: 'line', symbol: 'none', z: 2,
        data: path.points.map(function (pt) { return { value: pt, fact: path.fact }; }),
        lineStyle: { type: 'dashed', width: 2, color: '#c0392b' }, itemStyle: { color: '#c0392b' } });
    });
    return {
      animation: false,
      color: ['#1f5fa8', '#e08a00', '#c0392b', '#8a94a6', '#c0392b'],
      tooltip: { trigger: 'item', formatter: function (p) {
        var v = p.data.value;
        var head = esc(p.seriesName) + ' · ' + esc(p.data.period || String(v[0]));
        var body = num(v[1]) + ' ' + esc(unit);
        var text = p.data.text ? '<br>' + esc(p.data.text) : '';
        return head + '<br><b>' + body + '</b>' + text;
      } },
      legend: { top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1, name: '',
        min: function (r) { return Math.floor(r.min) - 1; }, max: function (r) { return Math.ceil(r.max) + 1; },
        axisLabel: { formatter: function (v) { return String(v); } } },
      yAxis: { type: 'value', name: unit, scale: true },
      series: series
    };
  }

  function compareOption() {
    var rows = d.rows.slice().reverse();
    return {
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        return esc(p.name) + '<br><b>' + num(p.value) + ' ' + esc(d.unit) + '</b><br>' + esc(p.data.text || '');
      } },
      grid: { left: 120, right: 60, top: 20, bottom: 30 },
      xAxis: { type: 'value', name: d.unit },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.region; }) },
      series: [{ type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1f5fa8' },
        label: { show: true, position: 'right', formatter: function (p) { return num(p.value); } },
        data: rows.map(function (r) { return { value: r.value, fact: r.fact, text: r.text, name: r.region }; }) }]
    };
  }

  function projectsOption() {
    // Key projects by sector: how many (left axis) and their summed investment in 亿元 (right axis).
    var L = d.labels;
    var names = d.buckets.map(function (b) { return b.label; });
    function bars(key) {
      return d.buckets.map(function (b) { return { value: b[key], url: b.url, name: b.label }; });
    }
    return {
      animation: false,
      color: ['#1f5fa8', '#e08a00'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
        var lines = [esc(ps[0].name)];
        ps.forEach(function (p) { lines.push(esc(p.seriesName) + ': <b>' + num(p.value) + '</b>'); });
        return lines.join('<br>');
      } },
      legend: { top: 0 },
      grid: { left: 50, right: 60, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: [{ type: 'value', name: L.n, minInterval: 1 }, { type: 'value', name: L.investment, splitLine: { show: false } }],
      series: [
        { name: L.n, type: 'bar', barMaxWidth: 26, data: bars('n') },
        { name: L.investment, type: 'bar', barMaxWidth: 26, yAxisIndex: 1, data: bars('investment') }
      ]
    };
  }

  chart.setOption(d.buckets ? projectsOption() : d.rows ? compareOption() : seriesOption());
  chart.on('click', open);
  window.addEventListener('resize', function () { chart.resize(); });
  el.setAttribute('data-ready', '1');
}());
