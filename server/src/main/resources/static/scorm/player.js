/*
 * Stek's SCORM player page. The run-time and the SCO run in the frame, on the package content origin (see
 * runtime.js); this page only listens to what that frame tells it by postMessage, and only to that origin: whether
 * a commit was saved (shown in the status line) and where a SCORM 2004 navigation request leads (the next or
 * previous item, a chosen item, or back to the package). ES5, no dependencies.
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

  function navigate(request, target) {
    var back = root.getAttribute('data-back');
    if (request === 'continue') {
      go(root.getAttribute('data-next') || back);
    } else if (request === 'previous') {
      go(root.getAttribute('data-previous'));
    } else if ((request === 'choice' || request === 'jump') && typeof target === 'string' && target) {
      go(itemUrl(target));
    } else if (request === 'exit' || request === 'exitAll') {
      go(back);
    }
  }

  window.addEventListener('message', function (event) {
    var m = event.data;
    if (event.origin !== origin || !m || m.stek !== 1) {
      return;
    }
    if (m.type === 'status') {
      say(m.state, m.message);
    } else if (m.type === 'nav') {
      navigate(m.request, m.target);
    } else if (m.type === 'reload') {
      window.location.reload();
    }
  });
}());
