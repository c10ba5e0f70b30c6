/*
 * Stek's SCORM run-time page, on the package content origin (never on Stek's own). Creates the run-time API
 * (scorm-again) in this page, where the SCO in the frame below finds it (window.API for 1.2, window.API_1484_11 for
 * 2004), seeds it with what Stek stored before the SCO starts, and sends every commit to this origin's commit
 * endpoint, authorised by the launch token in its address (no cookie: Stek's session means nothing here). Terminate
 * sends its commit as a beacon, which survives a closing tab; if the tab closes while the SCO has not terminated,
 * this page sends the current data itself. The Stek page around this one hears about saves and navigation
 * requests by postMessage ({stek: 1, type: 'status' | 'nav' | 'reload', ...}); frame-ancestors makes sure that the
 * page around this one is Stek's player.
 *
 * A beacon carries at most 64 KiB, less than 64,000 characters of suspend_data can take. So every request from
 * this page carries its own sequence number (Stek applies only newer ones), and a beacon leaves out suspend_data
 * and interactions that Stek already confirmed; when a final commit is still too big, it goes first as an ordinary
 * request. Opening the page stores nothing; the first commit creates the attempt and session. ES5, no dependencies.
 */
(function () {
  'use strict';
  var BEACON_LIMIT = 60000;
  var root = document.getElementById('scorm-runtime');
  if (!root) {
    return;
  }
  var v12 = root.getAttribute('data-version') === '1.2';
  var commitUrl = root.getAttribute('data-commit');
  var sequence = Number(root.getAttribute('data-sequence')) || 0;
  var sent = null;
  var refused = null;
  var confirmed = { suspend: null, interactions: null };
  var adl = v12 ? {} : JSON.parse(root.getAttribute('data-adl') || '{}');
  var choiceValid = (adl.requestValid && adl.requestValid.choice) || {};
  var settings = {
    // adl.nav.request_valid.choice.{target=…} (and jump: scorm-again 3.4.3 asks this one validator for both)
    scoItemIdValidator: function (target) {
      return choiceValid[target] === 'true';
    },
    lmsCommitUrl: commitUrl,
    autocommit: true,
    autocommitSeconds: 30,
    includeCommitSequence: true,
    terminateCommitParam: 'final',
    dataCommitFormat: 'json',
    sendFullCommit: true,
    logLevel: 4,
    xhrResponseHandler: answered,
    requestHandler: function (payload, meta) {
      var body = numbered(payload);
      if (shared && api.adl.captureWritableSharedDataSnapshot) {
        body.adlData = api.adl.captureWritableSharedDataSnapshot();
      }
      if (meta && meta.isTerminateCommit) {
        body = fitForBeacon(body);
      }
      sent = body.cmi ? { suspend: body.cmi.suspend_data, interactions: json(body.cmi.interactions) } : null;
      return body;
    }
  };

  /**
   * Stek's answer to a commit: {result, errorCode}, and when it refused the commit (too much data, for example) an
   * error message for the learner, shown by the Commit listener below.
   */
  function answered(xhr) {
    var reply = null;
    try {
      reply = JSON.parse(xhr.responseText);
    } catch (e) {
      reply = null;
    }
    var ok = xhr.status >= 200 && xhr.status < 300 && reply !== null && (reply.result === true || reply.result === 'true');
    refused = !ok && reply && reply.error ? reply.error : null;
    if (ok || (reply && typeof reply.errorCode === 'number')) {
      return { result: ok ? 'true' : 'false', errorCode: ok ? 0 : reply.errorCode };
    }
    return { result: 'false', errorCode: v12 ? 101 : 391 };
  }

  function json(value) {
    return value === undefined ? undefined : JSON.stringify(value);
  }

  function numbered(payload) {
    var body = JSON.parse(JSON.stringify(payload || {}));
    sequence += 1;
    body.commitSequence = sequence;
    return body;
  }

  /** Leaves out what Stek already has; a body still too big for a beacon is sent now, while the page lives. */
  function fitForBeacon(body) {
    slim(body);
    if (utf8Length(JSON.stringify(body)) <= BEACON_LIMIT) {
      return body;
    }
    try {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', commitUrl, false);
      xhr.setRequestHeader('Content-Type', 'application/json;charset=UTF-8');
      xhr.send(JSON.stringify(body));
      if (xhr.status >= 200 && xhr.status < 300) {
        confirmed = { suspend: body.cmi.suspend_data, interactions: json(body.cmi.interactions) };
        body = numbered(body);
        slim(body);
      }
    } catch (e) {
      body.undelivered = true;
    }
    return body;
  }

  function utf8Length(text) {
    return unescape(encodeURIComponent(text)).length;
  }

  function slim(body) {
    if (!body.cmi) {
      return;
    }
    if (body.cmi.suspend_data !== undefined && body.cmi.suspend_data === confirmed.suspend) {
      delete body.cmi.suspend_data;
    }
    if (body.cmi.interactions !== undefined && json(body.cmi.interactions) === confirmed.interactions) {
      delete body.cmi.interactions;
    }
  }

  var api = v12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  api.loadFromJSON(JSON.parse(root.getAttribute('data-seed')), '');
  var shared = null;
  if (!v12) {
    seedAdl(adl);
  }

  /**
   * adl.nav.request_valid as Stek's sequencer answers it at launch (continue, previous, choice and jump per
   * target), and the adl.data buckets the item maps (adlcp:map) with what the learner's SCOs stored in them.
   */
  function seedAdl(values) {
    var nav = api.adl && api.adl.nav;
    var valid = values.requestValid;
    if (nav && valid) {
      try {
        nav.request_valid.continue = valid.continue;
        nav.request_valid.previous = valid.previous;
        if (nav.request_valid.choice && nav.request_valid.choice.setAll) {
          nav.request_valid.choice.setAll(valid.choice || {});
        }
        if (nav.request_valid.jump && nav.request_valid.jump.setAll) {
          nav.request_valid.jump.setAll(valid.jump || {});
        }
      } catch (e) {
        window.console && window.console.warn('adl.nav.request_valid', e);
      }
    }
    if (values.data && api.adl && api.adl.configureSharedDataMaps) {
      shared = values.data;
      api.adl.configureSharedDataMaps(values.data.maps);
      api.adl.restoreSharedDataSnapshot(values.data.stores || {});
    }
  }
  if (v12) {
    window.API = api;
  } else {
    window.API_1484_11 = api;
  }

  /** Tells the Stek page around this one; its origin is checked by frame-ancestors, so '*' reaches only Stek. */
  function tell(message) {
    message.stek = 1;
    if (window.parent !== window) {
      window.parent.postMessage(message, '*');
    }
  }

  function say(state, text) {
    tell({ type: 'status', state: state, message: text || null });
  }

  if (root.getAttribute('data-closed') === 'true') {
    tell({ type: 'reload' });
    return;
  }
  tell({ type: 'ready' });
  api.on(v12 ? 'LMSInitialize' : 'Initialize', function () {
    tell({ type: 'started' });
  });

  api.on(v12 ? 'LMSCommit' : 'Commit', function () {
    var ok = String(api.lastErrorCode) === '0';
    if (ok && sent) {
      confirmed = { suspend: sent.suspend !== undefined ? sent.suspend : confirmed.suspend,
        interactions: sent.interactions !== undefined ? sent.interactions : confirmed.interactions };
    }
    say(ok ? 'saved' : 'failed', ok ? null : refused);
  });

  api.on(v12 ? 'LMSFinish' : 'Terminate', function () {
    say('closed');
  });

  /**
   * SCORM 2004 navigation requests, which the run-time announces once the SCO terminated: the Stek page moves on.
   * scorm-again 3.4.3 hands a choice or jump listener the target alone; older versions passed the element first.
   */
  function nav(request) {
    return function (first, second) {
      tell({ type: 'nav', request: request, target: second !== undefined ? second : first });
    };
  }
  if (!v12) {
    // scorm-again names no event for suspendAll: the request the SCO set is remembered and told at Terminate.
    var pending = null;
    api.on('SetValue.adl.nav.request', function (element, value) {
      pending = typeof value === 'string' ? value : element;
    });
    api.on('Terminate', function () {
      if (pending === 'suspendAll') {
        tell({ type: 'nav', request: 'suspendAll' });
      }
    });
    api.on('SequenceAbandon', nav('abandon'));
    api.on('SequenceAbandonAll', nav('abandonAll'));
    api.on('SequenceNext', nav('continue'));
    api.on('SequencePrevious', nav('previous'));
    api.on('SequenceChoice', nav('choice'));
    api.on('SequenceJump', nav('jump'));
    api.on('SequenceExit', nav('exit'));
    api.on('SequenceExitAll', nav('exitAll'));
  }

  /** The tab closes (or the learner leaves) before the SCO terminated: keep what it has so far. */
  window.addEventListener('pagehide', function () {
    if (!api.isInitialized() || api.isTerminated() || !navigator.sendBeacon) {
      return;
    }
    var body = numbered(api.renderCommitCMI(false));
    body.abandon = true;
    slim(body);
    navigator.sendBeacon(commitUrl + '&abandon=true',
      new Blob([JSON.stringify(body)], { type: 'text/plain;charset=UTF-8' }));
  });

  /**
   * Opening the player stores nothing: the SCO's first commit creates the attempt. An asset never talks to the
   * run-time and counts once opened, so for an asset this page sends that first (empty) commit when it has loaded.
   */
  var frame = document.getElementById('scorm-frame');
  if (root.getAttribute('data-asset') === 'true') {
    var reported = false;
    frame.addEventListener('load', function () {
      if (reported) {
        return;
      }
      reported = true;
      tell({ type: 'started' });
      var xhr = new XMLHttpRequest();
      xhr.open('POST', commitUrl, true);
      xhr.setRequestHeader('Content-Type', 'application/json;charset=UTF-8');
      xhr.send(JSON.stringify(numbered({ cmi: {} })));
    });
  }
  frame.src = root.getAttribute('data-src');
}());
