/* A SCO that completes and passes on one click, then asks the LMS to continue to the next item. */
(function () {
  var api = null, w = window;
  for (var i = 0; i < 10 && w; i++) {
    if (w.API_1484_11) { api = w.API_1484_11; break; }
    if (w.parent === w) { break; }
    w = w.parent;
  }
  document.addEventListener('DOMContentLoaded', function () {
    api.Initialize('');
    document.getElementById('query').textContent = window.location.search;
    document.getElementById('done').addEventListener('click', function () {
      api.SetValue('cmi.completion_status', 'completed');
      api.SetValue('cmi.success_status', 'passed');
      api.SetValue('cmi.score.scaled', document.body.getAttribute('data-score'));
      api.SetValue('cmi.session_time', 'PT3S');
      api.SetValue('cmi.exit', 'normal');
      api.SetValue('adl.nav.request', 'continue');
      api.Terminate('');
    });
  });
}());
