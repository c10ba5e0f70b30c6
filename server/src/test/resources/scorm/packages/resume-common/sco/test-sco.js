/* A small SCO for Stek's tests, for SCORM 1.2 and 2004 (body data-version). Shows what the LMS handed it at
   launch; buttons bookmark, save 64,000 characters of suspend_data, answer a question and report a score. On
   leaving it sets session time and exit=suspend (unless finished) and terminates. */
(function () {
  var v12 = false, api = null, started = new Date().getTime(), finished = false, closed = false;
  function find(name) {
    var w = window;
    for (var i = 0; i < 10 && w; i++) {
      if (w[name]) { return w[name]; }
      if (w.parent === w) { break; }
      w = w.parent;
    }
    return null;
  }
  function get(e12, e2004) { return String(v12 ? api.LMSGetValue(e12) : api.GetValue(e2004)); }
  function set(e12, e2004, value) {
    var ok = String(v12 ? api.LMSSetValue(e12, value) : api.SetValue(e2004, value));
    if (ok !== 'true') { log('SetValue ' + (v12 ? e12 : e2004) + ' failed: ' + (v12 ? api.LMSGetLastError() : api.GetLastError())); }
    return ok;
  }
  function commit() { return String(v12 ? api.LMSCommit('') : api.Commit('')); }
  function log(text) { document.getElementById('log').textContent += text + ' '; }
  function show(id, text) { document.getElementById(id).textContent = text; }
  /** Exactly 64,000 characters, with quotes, ampersands, angle brackets and accents that must survive. */
  function bigState() {
    var s = '', chunk = 'stek-0123456789-"&<>-\u00e9\u00e8\u00eb-';
    while (s.length < 64000) { s += chunk; }
    return s.substring(0, 63997) + 'END';
  }
  function render() {
    var sd = get('cmi.suspend_data', 'cmi.suspend_data');
    show('entry', get('cmi.core.entry', 'cmi.entry'));
    show('location', get('cmi.core.lesson_location', 'cmi.location'));
    show('suspend-length', String(sd.length));
    show('suspend-intact', sd === bigState() ? 'yes' : sd === '' ? 'empty' : 'other');
    show('total-time', get('cmi.core.total_time', 'cmi.total_time'));
    show('interactions', get('cmi.interactions._count', 'cmi.interactions._count'));
    show('learner', get('cmi.core.student_name', 'cmi.learner_name'));
  }
  function span(ms) {
    var s = ms / 1000;
    if (!v12) { return 'PT' + s.toFixed(2) + 'S'; }
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = (s % 60).toFixed(2);
    return (h < 10 ? '000' : h < 100 ? '00' : h < 1000 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m + ':'
      + (parseFloat(sec) < 10 ? '0' : '') + sec;
  }
  function finish() {
    if (closed) { return; }
    closed = true;
    set('cmi.core.session_time', 'cmi.session_time', span(new Date().getTime() - started));
    set('cmi.core.exit', 'cmi.exit', finished ? (v12 ? '' : 'normal') : 'suspend');
    if (v12) { api.LMSFinish(''); } else { api.Terminate(''); }
  }
  document.addEventListener('DOMContentLoaded', function () {
    v12 = document.body.getAttribute('data-version') === '1.2';
    api = find(v12 ? 'API' : 'API_1484_11');
    if (!api) { log('no API'); return; }
    if (String(v12 ? api.LMSInitialize('') : api.Initialize('')) !== 'true') { log('Initialize failed'); }
    render();
    document.getElementById('answer').addEventListener('click', function () {
      var n = get('cmi.interactions._count', 'cmi.interactions._count');
      var base = 'cmi.interactions.' + n + '.';
      set(base + 'id', base + 'id', 'vraag-1');
      set(base + 'type', base + 'type', 'choice');
      if (!v12) { set(base + 'description', base + 'description', 'Wat doet Ines als Mona huilt?'); }
      set(base + 'student_response', base + 'learner_response', 'b');
      set(base + 'result', base + 'result', 'correct');
      set(base + 'latency', base + 'latency', v12 ? '0000:00:04.50' : 'PT4.5S');
      log('answered ' + commit());
    });
    document.getElementById('page-3').addEventListener('click', function () {
      set('cmi.core.lesson_location', 'cmi.location', 'page-3');
      set('cmi.core.lesson_status', 'cmi.completion_status', 'incomplete');
      log('bookmarked ' + commit());
    });
    document.getElementById('big-state').addEventListener('click', function () {
      set('cmi.suspend_data', 'cmi.suspend_data', bigState());
      log('saved ' + commit());
    });
    document.getElementById('score').addEventListener('click', function () {
      finished = true;
      set('cmi.core.score.raw', 'cmi.score.raw', '90');
      set('cmi.core.score.min', 'cmi.score.min', '0');
      set('cmi.core.score.max', 'cmi.score.max', '100');
      if (!v12) { set('', 'cmi.score.scaled', '0.9'); set('', 'cmi.completion_status', 'completed'); }
      else { set('cmi.core.lesson_status', '', 'completed'); }
      log('scored ' + commit());
    });
    window.addEventListener('beforeunload', finish);
    window.addEventListener('pagehide', finish);
  });
}());
