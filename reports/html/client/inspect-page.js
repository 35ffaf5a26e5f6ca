// Browser code evaluated by browser-check.ts in the report page: reads back what the page drew.
// A single function expression taking {colours: {<chart id>: [[r,g,b], ...]}}.
(function inspect(args) {
  function near(r, g, b, colours) {
    for (var i = 0; i < colours.length; i += 1) {
      var c = colours[i];
      if (Math.abs(c[0] - r) + Math.abs(c[1] - g) + Math.abs(c[2] - b) < 40) return true;
    }
    return false;
  }
  var charts = Object.keys(args.colours).map(function (id) {
    var el = document.getElementById('chart-' + id);
    var canvas = el ? el.querySelector('canvas') : null;
    var seriesPixels = 0;
    if (canvas) {
      var ctx = canvas.getContext('2d');
      var data = ctx ? ctx.getImageData(0, 0, canvas.width, canvas.height).data : [];
      for (var i = 0; i < data.length; i += 4) {
        if (data[i + 3] >= 128 && near(data[i], data[i + 1], data[i + 2], args.colours[id])) seriesPixels += 1;
      }
    }
    return {
      id: id,
      rendered: !!el && el.getAttribute('data-rendered') === 'true' && !!canvas,
      points: Number(el ? el.getAttribute('data-points') || 0 : 0),
      series: Number(el ? el.getAttribute('data-series') || 0 : 0),
      seriesPixels: seriesPixels,
      error: el && el.getAttribute('data-error') ? el.getAttribute('data-error') : undefined,
    };
  });
  var first = document.body.querySelector('section');
  var list = document.getElementById('failures');
  return {
    charts: charts,
    firstSectionId: first ? first.id : undefined,
    verdict: first ? first.getAttribute('data-verdict') || undefined : undefined,
    failures: list ? Array.prototype.map.call(list.querySelectorAll('li'), function (li) { return li.textContent || ''; }) : [],
    failuresTop: list ? list.getBoundingClientRect().top + window.scrollY : undefined,
    chartsExpected: Number(document.body.getAttribute('data-charts-expected')),
    chartsRendered: Number(document.body.getAttribute('data-charts-rendered')),
  };
})
