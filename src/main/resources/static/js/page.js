// The one script a page runs before its first paint, deferred (it never holds the parser): the scanner's timing,
// which must be there from the first character a scanner types, and the loader of every other script, which waits
// for the paint.

// Keyboard-wedge scanners type a whole code in a few milliseconds and usually end with Enter, which submits the
// form by itself. Some send no Enter: when characters arrive faster than a person types and then stop for 80 ms,
// the scan is complete and the form is submitted. A person typing by hand still ends with Enter. Listened for on the
// document, so that a scan box htmx puts in the page later (the bench's container box) is timed as well.
(function scannerTiming() {
  const WEDGE_GAP_MS = 35;
  const IDLE_MS = 80;
  const MIN_FAST_KEYS = 4;
  const typing = new WeakMap();

  function isScanBox(element) {
    return element instanceof HTMLInputElement && element.classList.contains('scan-input');
  }
  document.addEventListener('input', function (event) {
    const input = event.target;
    if (!isScanBox(input)) {
      return;
    }
    const keys = typing.get(input) || { last: 0, fast: 0, timer: null };
    typing.set(input, keys);
    const now = performance.now();
    keys.fast = now - keys.last < WEDGE_GAP_MS ? keys.fast + 1 : 0;
    keys.last = now;
    clearTimeout(keys.timer);
    if (keys.fast >= MIN_FAST_KEYS) {
      keys.timer = setTimeout(function () { input.form.requestSubmit(); }, IDLE_MS);
    }
  });
  document.addEventListener('submit', function (event) {
    const form = event.target;
    const input = Array.prototype.find.call(form.elements, isScanBox);
    if (!input) {
      return;
    }
    clearTimeout((typing.get(input) || {}).timer);
    if (form.dataset.submitting === 'true' || input.value.trim() === '') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
  });
  // Coming back to the page (Back button) must not leave a form thinking it is still submitting.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitting]').forEach(function (form) { form.dataset.submitting = 'false'; });
  });
  // The dashboard's scan box keeps the focus, so a scan always lands in it.
  window.addEventListener('focus', function () {
    const main = document.querySelector('input.scan-input[autofocus]');
    if (main) {
      main.focus();
    }
  });
})();

// PrepBench's scripts run once the page has been painted, so that none of them stands between a scan and the page a
// technician sees (issue 16): everything a page shows is rendered on the server, the scripts only add to it (the
// live weight, htmx's in-place answers, the idle warning). The page names them in data-scripts (and htmx in
// data-htmx, loaded first when the page has an element that uses it); they are inserted in that order and run in it
// (async = false). A page's first paint holds only what comes first on it: what is marked "later" (the bench's steps
// table and the panels below the active step) is shown as soon as the first paint is on screen, while the
// <html> element is "painting"; the scripts follow in the next frame.
(function afterPaint() {
  const loader = document.currentScript;
  const sources = (loader.dataset.scripts || '').split(' ').filter(Boolean);
  // htmx only where the page asks something of it (most pages do not: 16 KB less to fetch and run)
  if (document.querySelector('[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete]')) {
    sources.unshift(loader.dataset.htmx);
  }
  // Once the last of them has run, <html data-scripts="ready"> says the page does all it can (tests wait for it).
  function insert() {
    let last = null;
    sources.forEach(function (source) {
      last = document.createElement('script');
      last.src = source;
      last.async = false;
      document.head.appendChild(last);
    });
    if (last === null) {
      document.documentElement.dataset.scripts = 'ready';
    } else {
      last.addEventListener('load', function () { document.documentElement.dataset.scripts = 'ready'; });
    }
  }
  let done = false;
  function revealAndInsert() {
    if (!done) {
      done = true;
      document.documentElement.classList.remove('painting');
      requestAnimationFrame(function () { setTimeout(insert, 0); });
    }
  }
  // The first contentful paint is reported once its frame is on screen, its tiles rasterised: in a fresh renderer
  // that is most of the time to a first paint, and whatever the main thread does meanwhile (the rest of the page laid
  // out, scripts fetched and run) comes before the page is seen. So all of it waits for that report and for the load
  // event (by then the document is complete, which htmx needs). A page that never paints (a tab opened in the
  // background) is completed a second after its load event.
  function whenPainted(then) {
    if ((window.PerformanceObserver && PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0) {
      new PerformanceObserver(function (entries, observer) {
        if (entries.getEntriesByName('first-contentful-paint').length > 0) {
          observer.disconnect();
          then();
        }
      }).observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(then);
    }
  }
  function afterLoad() {
    whenPainted(function () { setTimeout(revealAndInsert, 0); });
    setTimeout(revealAndInsert, 1000);
  }
  if (document.readyState === 'complete') {
    afterLoad();
  } else {
    window.addEventListener('load', afterLoad);
  }
})();
