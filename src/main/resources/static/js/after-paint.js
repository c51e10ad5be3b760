// PrepBench's scripts run once the page has been painted, so that none of them stands between a scan and the page a
// technician sees (issue 16): everything a page shows is rendered on the server, the scripts only add to it (the
// live weight, htmx's in-place answers, the scanner's timing). The page names them in data-scripts (and htmx in
// data-htmx, loaded first when the page has an element that uses it); they are
// inserted in that order and run in it (async = false), after the load event and the next frame. By then the
// document is complete, which htmx needs in order to start on a page it was not parsed with.
(function () {
  const loader = document.currentScript;
  const sources = (loader.dataset.scripts || '').split(' ').filter(Boolean);
  // htmx only where the page asks something of it (most pages do not: 16 KB less to fetch and run)
  if (document.querySelector('[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete]')) {
    sources.unshift(loader.dataset.htmx);
  }
  function insert() {
    sources.forEach(function (source) {
      const script = document.createElement('script');
      script.src = source;
      script.async = false;
      document.head.appendChild(script);
    });
  }
  function afterPaint() {
    // the frame the load event comes before is painted first: its animation frame callback runs before that paint,
    // a task queued from there after it (an idle callback may come before the first paint, and does not do)
    requestAnimationFrame(function () { setTimeout(insert, 0); });
  }
  if (document.readyState === 'complete') {
    afterPaint();
  } else {
    window.addEventListener('load', afterPaint);
  }
})();
