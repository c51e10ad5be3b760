// Live balance readings on the preparation page. One EventSource per bench; it reconnects by itself when the
// stream drops, and the panel says so meanwhile. The panel may be replaced by htmx at any time, so every reading
// looks the panel up again.
(function () {
  const streams = {};

  function panel() {
    return document.querySelector('.live[data-bench]');
  }

  function show(reading) {
    const live = panel();
    if (!live || live.dataset.bench !== reading.bench) {
      return;
    }
    const grams = live.querySelector('.live-grams');
    const state = live.querySelector('.live-state');
    const diff = live.querySelector('.live-diff');
    live.classList.remove('stale', 'in-band', 'over');
    // when the balance took this reading (milliseconds since the epoch): tests wait for a reading newer than an action
    live.dataset.at = reading.at ? String(Date.parse(reading.at)) : '';
    if (reading.grams === null || reading.grams === undefined) {
      grams.textContent = '—';
      diff.textContent = '—';
    } else {
      const value = Number(reading.grams);
      const target = Number(live.dataset.target);
      grams.textContent = value.toFixed(3);
      const delta = value - target;
      diff.textContent = (delta >= 0 ? '+' : '−') + Math.abs(delta).toFixed(3) + ' g';
      if (value > Number(live.dataset.upper)) {
        live.classList.add('over');
      } else if (value >= Number(live.dataset.lower)) {
        live.classList.add('in-band');
      }
    }
    const labels = { ok: reading.stable ? 'stable' : 'moving', unstable: 'moving', overload: 'overload',
      underload: 'underload', offline: 'offline' };
    state.textContent = labels[reading.state] || reading.state;
    state.className = 'live-state badge fs-5 ' + (reading.stable && reading.state === 'ok' ? 'text-bg-success' : 'text-bg-warning');
  }

  function connect() {
    const live = panel();
    if (!live || streams[live.dataset.bench]) {
      return;
    }
    const bench = live.dataset.bench;
    const source = new EventSource('/benches/' + encodeURIComponent(bench) + '/stream');
    streams[bench] = source;
    source.addEventListener('reading', function (event) { show(JSON.parse(event.data)); });
    source.onerror = function () {
      const current = panel();
      if (current) {
        current.classList.add('stale');
        current.querySelector('.live-state').textContent = 'reconnecting…';
      }
    };
  }

  document.addEventListener('DOMContentLoaded', connect);
  document.addEventListener('htmx:afterSettle', connect);
  connect();
})();
