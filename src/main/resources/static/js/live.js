// The weighing panel of the preparation page, kept true by the live readings: the net weight, the stable sign, a
// marker on the tolerance bar, what is left to pour, the one next thing to do, and which action is the default
// (Capture only when the reading can be captured; "Over target" above the upper limit). One EventSource per bench;
// it reconnects by itself when the stream drops. htmx may replace the panel at any time, so every reading looks the
// panel up again. Every sentence it shows comes from the panel (data-say-*, data-todo-*, in the reader's language),
// its {0}, {1}… replaced here; a name (data) is put in a <bdi>, so it reads in its own direction.
(function () {
  const streams = {};
  const latest = {};

  function panel() {
    return document.querySelector('.live[data-bench]');
  }

  function decimals(text) {
    const point = String(text).indexOf('.');
    return Math.max(3, point < 0 ? 0 : String(text).replace(/0+$/, '').length - point - 1);
  }

  // the same scale as the page's bar: 0 g at 0 %, the lower limit at band-start, the upper at band-end, and as far
  // again past the upper limit at 100 %
  function position(grams, live) {
    const lower = Number(live.dataset.lower);
    const upper = Number(live.dataset.upper);
    const start = Number(live.dataset.bandStart);
    const end = Number(live.dataset.bandEnd);
    const width = upper - lower;
    let at;
    if (grams <= lower) {
      at = lower <= 0 ? 0 : grams / lower * start;
    } else if (grams <= upper || width === 0) {
      at = start + (width === 0 ? 0 : (grams - lower) / width * (end - start));
    } else {
      at = end + (grams - upper) / width * (100 - end);
    }
    return Math.min(100, Math.max(0, at));
  }

  function setText(element, text) {
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  // a sentence of the panel with its values in place; the values whose index is in names are data
  function words(template, values) {
    return String(template).replace(/\{(\d)\}/g, function (all, index) {
      return values[index] === undefined ? all : String(values[index]);
    });
  }

  function setWords(element, template, values, names) {
    if (!element || element.textContent === words(template, values)) {
      return;
    }
    element.textContent = '';
    String(template).split(/(\{\d\})/).forEach(function (part) {
      const index = /^\{(\d)\}$/.test(part) ? Number(part.charAt(1)) : -1;
      if (index < 0 || values[index] === undefined) {
        if (part) {
          element.appendChild(document.createTextNode(part));
        }
      } else if (names && names.indexOf(index) >= 0) {
        const name = document.createElement('bdi');
        name.textContent = String(values[index]);
        element.appendChild(name);
      } else {
        element.appendChild(document.createTextNode(String(values[index])));
      }
    });
  }

  // a message disappears once it is no longer true
  function clearStale(zone, reading, replayed) {
    document.querySelectorAll('.action-message[data-clear-when]').forEach(function (message) {
      const when = message.dataset.clearWhen;
      const live = reading.state !== 'offline';
      let moved = false;
      // the baseline is the first reading that arrives after the message, never one replayed from before it
      if (when === 'moved' && !replayed && reading.grams !== null && reading.grams !== undefined) {
        if (message.dataset.firstGrams === undefined) {
          message.dataset.firstGrams = String(reading.grams);
        }
        moved = Math.abs(Number(reading.grams) - Number(message.dataset.firstGrams)) >= 1;
      }
      if ((when === 'live' && live) || (when === 'stable' && reading.stable) || (when === 'in-band' && (zone === 'in-band' || zone === 'over'))
          || (when === 'not-over' && zone !== 'over') || moved) {
        message.remove();
      }
    });
  }

  function show(reading, replayed) {
    const live = panel();
    if (!live || live.dataset.bench !== reading.bench) {
      return;
    }
    latest[reading.bench] = reading;
    const body = live.closest('.active-panel') || document;
    const grams = live.querySelector('.live-grams');
    const state = live.querySelector('.live-state');
    const diff = live.querySelector('.live-diff');
    const remaining = live.querySelector('.live-remaining');
    const bar = live.querySelector('.tol-bar');
    const marker = live.querySelector('.tol-marker');
    const next = body.querySelector('.next-action');
    const capture = body.querySelector('.capture-button');
    const captureForm = body.querySelector('.capture-form');
    const over = body.querySelector('.over-button');
    const confirm = body.querySelector('.over-confirm');
    const named = live.querySelector('.live-ingredient');
    const ingredient = named ? named.value : '';
    const places = decimals(live.dataset.target);
    const tared = live.dataset.tared === 'true';
    const say = live.dataset;
    live.classList.remove('stale', 'in-band', 'over', 'under');
    // when the balance took this reading (milliseconds since the epoch): tests wait for a reading newer than an action
    live.dataset.at = reading.at ? String(Date.parse(reading.at)) : '';
    live.dataset.stable = String(Boolean(reading.stable) && reading.state === 'ok');
    const labels = { ok: reading.stable ? say.sayStable : say.sayMoving, unstable: say.sayMoving, overload: say.sayOverload,
      underload: say.sayUnderload, offline: say.sayOffline };
    setText(state, labels[reading.state] || reading.state);
    state.className = 'live-state badge ' + (reading.stable && reading.state === 'ok' ? 'text-bg-success' : 'text-bg-warning');
    let zone = 'none';
    let todo;
    let values = [];
    let names = [];
    if (reading.grams === null || reading.grams === undefined) {
      setText(grams, '—');
      setText(diff, '—');
      setText(remaining, '—');
      marker.classList.add('d-none');
      bar.setAttribute('aria-valuetext', say.sayNoReading);
      todo = reading.state === 'offline' ? say.todoOffline
        : reading.state === 'overload' ? say.todoOverload
          : reading.state === 'underload' ? say.todoUnderload
            : say.todoNoGrams;
    } else {
      const value = Number(reading.grams);
      const target = Number(live.dataset.target);
      const lower = Number(live.dataset.lower);
      const upper = Number(live.dataset.upper);
      zone = value > upper ? 'over' : value >= lower ? 'in-band' : 'under';
      live.classList.add(zone);
      setText(grams, value.toFixed(places));
      const delta = value - target;
      setText(diff, (delta >= 0 ? '+' : '−') + Math.abs(delta).toFixed(places) + ' g');
      setText(remaining, Math.max(0, target - value).toFixed(places) + ' g');
      marker.classList.remove('d-none');
      marker.style.insetInlineStart = position(value, live) + '%';
      bar.setAttribute('aria-valuenow', String(value));
      bar.setAttribute('aria-valuetext', words(zone === 'over' ? say.sayOver
        : zone === 'in-band' ? say.sayInBand : say.sayUnder, [value.toFixed(places)]));
      if (!tared) {
        todo = say.todoPutVessel;
      } else if (zone === 'under') {
        todo = say.todoPourMore;
        values = [Math.max(0, target - value).toFixed(places), ingredient];
        names = [1];
      } else if (zone === 'over') {
        const failsAfter = Number(live.dataset.overFailsAfter || 0);
        todo = failsAfter > 0 ? say.todoOverFailsAfter : say.todoOverAsk;
        values = [(value - upper).toFixed(places), failsAfter];
      } else if (!reading.stable) {
        todo = say.todoWaitStable;
      } else {
        todo = say.todoCapture;
      }
    }
    setWords(next, todo, values, names);
    const capturable = tared && zone === 'in-band' && reading.stable && reading.state === 'ok';
    if (captureForm && over) {
      const isOver = tared && zone === 'over';
      captureForm.classList.toggle('d-none', isOver);
      over.classList.toggle('d-none', !isOver);
      if (!isOver && confirm) {
        confirm.classList.add('d-none');
        over.setAttribute('aria-expanded', 'false');
      }
    }
    if (capture) {
      capture.classList.toggle('btn-success', capturable);
      capture.classList.toggle('btn-outline-secondary', !capturable);
      // Capture becomes the default the moment the reading can be captured (unless someone is typing)
      if (capturable && live.dataset.capturable !== 'true' && document.activeElement
          && !document.activeElement.matches('input, textarea, select')) {
        capture.focus();
      }
    }
    live.dataset.capturable = String(capturable);
    clearStale(zone, reading, replayed);
  }

  function connect() {
    const live = panel();
    if (!live) {
      return;
    }
    const bench = live.dataset.bench;
    if (latest[bench]) {
      // a freshly swapped panel shows the last reading at once instead of a dash until the next one
      show(latest[bench], true);
    }
    if (streams[bench]) {
      return;
    }
    const source = new EventSource('/benches/' + encodeURIComponent(bench) + '/stream');
    streams[bench] = source;
    source.addEventListener('reading', function (event) { show(JSON.parse(event.data)); });
    source.onerror = function () {
      const current = panel();
      if (current) {
        current.classList.add('stale');
        current.querySelector('.live-state').textContent = current.dataset.sayReconnecting;
      }
    };
  }

  document.addEventListener('click', function (event) {
    const over = event.target.closest('.over-button');
    const cancel = event.target.closest('.over-cancel');
    const confirm = document.querySelector('.over-confirm');
    if (over && confirm) {
      confirm.classList.remove('d-none');
      over.setAttribute('aria-expanded', 'true');
      confirm.querySelector('button[type=submit]').focus();
    } else if (cancel && confirm) {
      confirm.classList.add('d-none');
      const button = document.querySelector('.over-button');
      if (button) {
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    }
  });
  document.addEventListener('htmx:afterSettle', connect);
  // this script runs after the page's first paint (page.js), so the stream opens only then: opening it never
  // delays what the technician sees first
  connect();
})();
