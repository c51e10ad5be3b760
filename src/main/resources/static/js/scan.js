// Keyboard-wedge scanners type a whole code in a few milliseconds and usually end with Enter, which submits the
// form by itself. Some send no Enter: when characters arrive faster than a person types and then stop for 80 ms,
// the scan is complete and the form is submitted. A person typing by hand still ends with Enter.
(function () {
  const WEDGE_GAP_MS = 35;
  const IDLE_MS = 80;
  const MIN_FAST_KEYS = 4;

  document.querySelectorAll('input.scan-input').forEach(function (input) {
    let last = 0;
    let fastKeys = 0;
    let timer = null;
    input.addEventListener('input', function () {
      const now = performance.now();
      fastKeys = now - last < WEDGE_GAP_MS ? fastKeys + 1 : 0;
      last = now;
      clearTimeout(timer);
      if (fastKeys >= MIN_FAST_KEYS) {
        timer = setTimeout(function () { input.form.requestSubmit(); }, IDLE_MS);
      }
    });
    input.form.addEventListener('submit', function (event) {
      clearTimeout(timer);
      if (input.form.dataset.submitting === 'true' || input.value.trim() === '') {
        event.preventDefault();
        return;
      }
      input.form.dataset.submitting = 'true';
    });
    // Coming back to the page (Back button) must not leave the form thinking it is still submitting.
    window.addEventListener('pageshow', function () { input.form.dataset.submitting = 'false'; });
  });
  // The dashboard's scan box keeps the focus, so a scan always lands in it.
  const main = document.querySelector('input.scan-input[autofocus]');
  if (main) {
    window.addEventListener('focus', function () { main.focus(); });
  }
})();
