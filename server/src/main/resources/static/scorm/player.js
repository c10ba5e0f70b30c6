/*
 * Stek's SCORM player page. The run-time and the SCO run in the frame, on the package content origin (see
 * runtime.js); this page only listens to what that frame tells it by postMessage, and only to that origin: whether
 * a commit was saved (shown in the status line) and where a SCORM 2004 navigation request leads (the next or
 * previous item, a chosen item, or back to the package). For a package with sequencing, navigation requests go to
 * Stek's sequencer (a form post) and, after each save, the buttons and the table of contents are refreshed from
 * what the sequencer allows now. When the SCO has not started (called Initialize) within
 * data-start-seconds, it says so, with the likely cause and a link back. ES5, no dependencies.
 */
(function () {
  'use strict';
  var root = document.getElementById('scorm-player');
  if (!root) {
    return;
  }
  var origin = root.getAttribute('data-content-origin');
  var status = document.getElementById('player-status');

  function say(state, text) {
    if (status) {
      status.textContent = text || status.getAttribute('data-' + state) || '';
    }
  }

  function go(target) {
    if (target) {
      window.location.href = target;
    }
  }

  function itemUrl(id) {
    return window.location.pathname.replace(/\/play\/[^/]+$/, '/play/') + encodeURIComponent(id);
  }

  var navForm = document.getElementById('player-nav-form');

  /** A sequenced package: the request goes to Stek's sequencer, which answers with the page to go to. */
  function sequenced(request, target) {
    var fields = { request: request, target: typeof target === 'string' ? target : '' };
    for (var name in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, name)) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = fields[name];
        navForm.appendChild(input);
      }
    }
    navForm.submit();
  }

  /** After a save the sequencer may allow more (or less): refresh the buttons and the table of contents. */
  function refresh() {
    var url = root.getAttribute('data-nav-state');
    if (!url || !window.fetch) {
      return;
    }
    window.fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) {
        if (!state) {
          return;
        }
        var previous = document.getElementById('player-previous');
        var next = document.getElementById('player-next');
        if (previous) {
          previous.hidden = !state.previous;
        }
        if (next) {
          next.hidden = !state.continue;
        }
        var items = document.querySelectorAll('#player-toc [data-item]');
        for (var i = 0; i < items.length; i++) {
          var open = state.items[items[i].getAttribute('data-item')];
          var link = items[i].querySelector('a');
          var closed = items[i].querySelector('.toc-closed');
          if (link && closed) {
            link.hidden = !open;
            closed.hidden = !!open;
          }
        }
      })
      .catch(function () { return null; });
  }

  function navigate(request, target) {
    if (navForm) {
      sequenced(request, target);
      return;
    }
    var back = root.getAttribute('data-back');
    if (request === 'continue') {
      go(root.getAttribute('data-next') || back);
    } else if (request === 'previous') {
      go(root.getAttribute('data-previous'));
    } else if ((request === 'choice' || request === 'jump') && typeof target === 'string' && target) {
      go(itemUrl(target));
    } else if (request === 'exit' || request === 'exitAll' || request === 'suspendAll' || request === 'abandon'
        || request === 'abandonAll') {
      go(back);
    }
  }

  var ready = false;
  var started = false;
  function problem(which) {
    var box = document.getElementById('player-problem');
    if (!box) {
      return;
    }
    var items = box.querySelectorAll('[data-problem]');
    for (var i = 0; i < items.length; i++) {
      items[i].hidden = items[i].getAttribute('data-problem') !== which;
    }
    box.hidden = which === null;
  }
  window.setTimeout(function () {
    if (!started) {
      problem(ready ? 'not-started' : 'no-runtime');
    }
  }, (Number(root.getAttribute('data-start-seconds')) || 10) * 1000);

  window.addEventListener('message', function (event) {
    var m = event.data;
    if (event.origin !== origin || !m || m.stek !== 1) {
      return;
    }
    if (m.type === 'ready') {
      ready = true;
    } else if (m.type === 'started') {
      started = true;
      problem(null);
    } else if (m.type === 'status') {
      say(m.state, m.message);
      if (m.state === 'saved' || m.state === 'closed') {
        refresh();
      }
    } else if (m.type === 'nav') {
      navigate(m.request, m.target);
    } else if (m.type === 'reload') {
      window.location.reload();
    }
  });
}());
