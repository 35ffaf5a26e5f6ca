// Browser code inlined into index.html after uPlot's IIFE build: draws every chart spec found in
// the #chart-data JSON into its #chart-<id> element. No imports, no network.
(function () {
  'use strict';
  var dataEl = document.getElementById('chart-data');
  var specs = dataEl ? JSON.parse(dataEl.textContent || '[]') : [];
  var rendered = 0;

  function markPlugin(marks, levels) {
    return {
      hooks: {
        draw: [function (u) {
          var ctx = u.ctx;
          levels.forEach(function (l) {
            var y = Math.round(u.valToPos(l.y, 'y', true));
            ctx.save();
            ctx.strokeStyle = '#d62728';
            ctx.lineWidth = 1.5 * devicePixelRatio;
            ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = '#d62728';
            ctx.font = (12 * devicePixelRatio) + 'px sans-serif';
            ctx.fillText(l.label, u.bbox.left + 6 * devicePixelRatio, y - 4 * devicePixelRatio);
            ctx.restore();
          });
          marks.forEach(function (m) {
            var x = Math.round(u.valToPos(m.x, 'x', true));
            ctx.save();
            ctx.strokeStyle = '#d62728';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = '#d62728';
            ctx.font = (12 * devicePixelRatio) + 'px sans-serif';
            ctx.fillText(m.label, x + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
            ctx.restore();
          });
        }],
      },
    };
  }

  specs.forEach(function (spec) {
    var el = document.getElementById('chart-' + spec.id);
    if (!el) return;
    try {
      var hasY2 = spec.series.some(function (s) { return s.scale === 'y2'; });
      var axes = [{ label: spec.xLabel }, { label: spec.yLabel, scale: 'y' }];
      if (hasY2) axes.push({ label: spec.y2Label || '', scale: 'y2', side: 1, grid: { show: false } });
      var opts = {
        width: Math.max(360, Math.min(el.clientWidth || 900, 1100)),
        height: 280,
        title: spec.title,
        scales: { x: { time: spec.xTime }, y: { auto: true }, y2: { auto: true } },
        axes: axes,
        series: [{ label: spec.xLabel }].concat(spec.series.map(function (s) {
          return { label: s.label, stroke: s.color, width: 2, scale: s.scale || 'y', spanGaps: true, points: { show: !spec.xTime } };
        })),
        plugins: [markPlugin(spec.marks || [], spec.levels || [])],
      };
      var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
      new uPlot(opts, data, el);
      el.setAttribute('data-rendered', 'true');
      el.setAttribute('data-points', String(spec.x.length));
      el.setAttribute('data-series', String(spec.series.length));
      rendered += 1;
    } catch (err) {
      el.setAttribute('data-error', String(err && err.message || err));
      el.textContent = 'chart could not be drawn: ' + (err && err.message || err);
    }
  });
  document.body.setAttribute('data-charts-rendered', String(rendered));
  document.body.setAttribute('data-charts-expected', String(specs.length));
})();
