/* What a hostile package would try once it knows Stek's address; each result is written into the page. */
(function () {
  function report(id, text) {
    document.getElementById(id).textContent = text;
  }

  function read(url) {
    return fetch(url, { credentials: 'include' }).then(function (r) { return r.text(); })
      .then(function (t) { return 'read ' + t.length + ' characters'; }, function () { return 'blocked'; });
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body })
      .then(function () { return 'sent'; }, function () { return 'failed'; });
  }

  /** A real form posted into a hidden frame, as a page that cannot use fetch would. */
  function submitForm(url, fields) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = url;
    form.target = 'sink';
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  function attempt(what) {
    try {
      return what();
    } catch (e) {
      return 'blocked';
    }
  }

  function attack() {
    var stek = document.getElementById('stek').value;
    var learner = document.getElementById('learner').value;
    var facilitator = document.getElementById('facilitator').value;
    var cookieText = document.cookie;
    report('cookies', cookieText === '' ? 'none' : cookieText);
    report('player', attempt(function () {
      return 'read ' + window.top.document.body.innerHTML.length + ' characters, cookies: ' + window.top.document.cookie;
    }));
    submitForm(stek + '/admin/users/' + facilitator + '/password', { _csrf: 'guessed' });
    Promise.all([
      read(stek + '/me/data/export').then(function (r) { report('export', r); }),
      read(stek + '/admin/users').then(function (r) { report('csrf', r); }),
      Promise.all([
        post(stek + '/admin/users/' + learner + '/role', 'role=admin'),
        post(stek + '/admin/users/' + learner + '/role', 'role=admin&_csrf=guessed'),
        post(stek + '/admin/users/' + facilitator + '/password', '')
      ]).then(function (r) { report('forms', r.join(', ')); })
    ]).then(function () { report('done', 'yes'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var w = window;
    while (!w.API_1484_11 && w.parent !== w) {
      w = w.parent;
    }
    w.API_1484_11.Initialize('');
    document.getElementById('go').addEventListener('click', attack);
  });
}());
