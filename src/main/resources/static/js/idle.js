// Page sessions end after prepbench.session.idle-minutes without a request (bench PCs are shared). A minute before,
// the page says so and offers to stay signed in; at the end it reloads, so the server asks for a sign-in and, once
// signed in again, brings the person back to this page. Any request of the page (htmx actions) counts as activity.
(function () {
  const seconds = Number(document.body.dataset.idleSeconds || 0);
  const warning = document.querySelector('.idle-warning');
  if (!seconds || !warning) {
    return;
  }
  const left = warning.querySelector('.idle-left');
  const GRACE_SECONDS = 3;
  let lastActivity = Date.now();

  function active() {
    lastActivity = Date.now();
    warning.classList.add('d-none');
  }

  document.body.addEventListener('htmx:afterRequest', active);
  warning.querySelector('.idle-stay').addEventListener('click', function () {
    fetch('/session', { credentials: 'same-origin' }).then(function (response) {
      if (response.ok) {
        active();
      } else {
        window.location.reload();
      }
    });
  });

  setInterval(function () {
    const remaining = Math.ceil(seconds - (Date.now() - lastActivity) / 1000);
    if (remaining <= -GRACE_SECONDS) {
      // a little after the server's end of the session, so this reload cannot be the request that keeps it open
      window.location.reload();
    } else if (remaining <= 60) {
      left.textContent = String(Math.max(0, remaining));
      warning.classList.remove('d-none');
    }
  }, 1000);
})();
