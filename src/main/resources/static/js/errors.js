// A request sent by htmx (a filter, a panel refreshing, a form answered in place) that fails is not swapped into
// the page: its answer is an error page or a refused fragment. Say in place what it says, at the top of the page,
// and take the message away when the next request starts. The words are the page's own (its language).
(function () {
  const box = document.getElementById('request-error');
  if (!box) {
    return;
  }
  function show(text) {
    box.textContent = text;
    box.hidden = false;
  }
  function messageOf(xhr) {
    const answer = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
    const title = answer.querySelector('[data-testid="error-title"]');
    const message = answer.querySelector('[data-testid="error-message"]') || answer.querySelector('.alert');
    if (message) {
      return (title ? title.textContent.trim() + ': ' : '') + message.textContent.trim();
    }
    return box.dataset.refused.replace('{0}', xhr.status);
  }
  document.body.addEventListener('htmx:beforeRequest', function () { box.hidden = true; });
  document.body.addEventListener('htmx:responseError', function (event) { show(messageOf(event.detail.xhr)); });
  document.body.addEventListener('htmx:sendError', function () {
    show(box.dataset.unreachable);
  });
})();
