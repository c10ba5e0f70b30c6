/*
 * Stek's vignette engine for exported courses (SCORM 1.2 and 2004). ES5, no dependencies.
 *
 * index.html is the SCO: the Shell finds the LMS's run-time API, restores the bookmark and the answers from
 * suspend_data, shows one page at a time in a frame and reports progress, status and score. Each page under pages/
 * draws its activities (vignettes, branching vignettes, reflections) and hands every answer to the Shell, which
 * stores it as a cmi.interactions entry with the question text. Scoring is the same as Stek's own QuizGrader:
 * single and graded questions score the weight of the chosen option, multiple response scores
 * (right ticks - wrong ticks) / right options (never below 0), a vignette scores the mean of its questions and a
 * branching vignette the mean of the choices on its path. The course score is the mean of the graded activities,
 * each counting with its best attempt (a learner may try an activity again; a retry never lowers the score).
 *
 * What other LMSs insist on: every SetValue's result is checked (a refusal shows as "niet bewaard"); scores are
 * rounded (0.571, not 0.5710000000000001); interaction ids are letters and digits only; SCORM 1.2 choice responses
 * are single characters (a-z, 0-9, by the option's place in the question); SCORM 1.2 suspend_data stays within its
 * 4,096 characters; and the attempt is left suspended (so reopening resumes it) until the learner closes the
 * course on its result panel.
 */
(function () {
  'use strict';
  var C = window.STEK_COURSE;

  /* ---------------------------------------------------------------- scoring (as be.stek.quiz.QuizGrader) */

  function optionById(q, id) {
    for (var i = 0; i < q.options.length; i++) {
      if (q.options[i].id === id) {
        return q.options[i];
      }
    }
    return null;
  }

  function scoreQuestion(q, chosen) {
    if (q.type !== 'multiple') {
      var o = optionById(q, chosen[0]);
      return o ? o.weight : 0;
    }
    var right = 0, wrong = 0, total = 0;
    for (var i = 0; i < q.options.length; i++) {
      var opt = q.options[i], ticked = chosen.indexOf(opt.id) >= 0;
      if (opt.correct) {
        total++;
        right += ticked ? 1 : 0;
      } else {
        wrong += ticked ? 1 : 0;
      }
    }
    return total === 0 ? 0 : Math.max(0, (right - wrong) / total);
  }

  function mean(xs) {
    if (!xs.length) {
      return 0;
    }
    var sum = 0;
    for (var i = 0; i < xs.length; i++) {
      sum += xs[i];
    }
    return sum / xs.length;
  }

  function correctIds(q) {
    var ids = [];
    for (var i = 0; i < q.options.length; i++) {
      var o = q.options[i];
      if (o.correct || (q.type !== 'multiple' && o.weight >= 1)) {
        ids.push(o.id);
      }
    }
    return ids;
  }

  function percent(x) {
    return Math.round(x * 100);
  }

  function label(key, args) {
    var text = (C.labels && C.labels[key]) || key;
    for (var i = 0; args && i < args.length; i++) {
      text = text.split('{' + i + '}').join(String(args[i]));
    }
    return text;
  }

  /* ---------------------------------------------------------------- the LMS */

  function findApi(name) {
    var win = window, tries = 0;
    while (win && tries < 10) {
      if (win[name]) {
        return win[name];
      }
      if (win.parent && win.parent !== win) {
        win = win.parent;
      } else if (win.opener && tries === 0) {
        win = win.opener;
      } else {
        break;
      }
      tries++;
    }
    return null;
  }

  function Lms(v12) {
    this.v12 = v12;
    this.api = findApi(v12 ? 'API' : 'API_1484_11');
    this.active = false;
  }

  Lms.prototype.call = function (name12, name2004, a, b) {
    if (!this.api) {
      return '';
    }
    var fn = this.v12 ? name12 : name2004;
    return b === undefined ? this.api[fn](a) : this.api[fn](a, b);
  };

  Lms.prototype.start = function () {
    this.active = String(this.call('LMSInitialize', 'Initialize', '')) === 'true';
    return this.active;
  };

  Lms.prototype.get = function (element) {
    return this.active ? String(this.call('LMSGetValue', 'GetValue', element)) : '';
  };

  /** Sets a value; a refusal is remembered (element and error code) until the next save reports it. */
  Lms.prototype.set = function (element, value) {
    if (!this.active) {
      return 'false';
    }
    var result = String(this.call('LMSSetValue', 'SetValue', element, String(value)));
    if (result !== 'true') {
      this.refused = element + ' (' + this.call('LMSGetLastError', 'GetLastError', '') + ')';
    }
    return result;
  };

  Lms.prototype.commit = function () {
    return this.active ? String(this.call('LMSCommit', 'Commit', '')) === 'true' : false;
  };

  Lms.prototype.finish = function () {
    if (this.active) {
      this.active = false;
      this.call('LMSFinish', 'Terminate', '');
    }
  };

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) {
      s = '0' + s;
    }
    return s;
  }

  /** A time span in the version's format: 1.2 HHHH:MM:SS.SS, 2004 PT#S. */
  function span(ms, v12) {
    var cs = Math.round(ms / 10), s = cs / 100;
    if (!v12) {
      return 'PT' + (Math.round(s * 100) / 100) + 'S';
    }
    var h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, rest = (cs % 6000) / 100;
    var sec = rest.toFixed(2);
    return pad(h, 4) + ':' + pad(m, 2) + ':' + (rest < 10 ? '0' : '') + sec;
  }

  function stamp(v12) {
    var d = new Date();
    if (v12) {
      return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2);
    }
    return d.toISOString().replace(/\.(\d{2})\d*Z$/, '.$1Z');
  }

  /** A number with at most {@code digits} decimals, as SCORM text: 0.571, never 0.5710000000000001. */
  function decimal(x, digits) {
    var f = Math.pow(10, digits);
    return String(Math.round(x * f) / f);
  }

  /** Letters and digits only, as SCORM 1.2 identifiers must be in every LMS. */
  function alnum(text) {
    return String(text).replace(/[^A-Za-z0-9]/g, '');
  }

  /** SCORM 1.2's choice response for the option at {@code index}: a-z, then 0-9; null past 36 options. */
  function letter(index) {
    if (index < 26) {
      return String.fromCharCode(97 + index);
    }
    return index < 36 ? String(index - 26) : null;
  }

  /**
   * The question of a branching step first, then the story: its last sentence that asks something, else "what do
   * you do?", so that the 250 characters of a description start with what was asked.
   */
  function stepQuestion(story) {
    var plain = String(story).replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '');
    var asked = plain.match(/[^.!?]*\?/g);
    var question = asked ? asked[asked.length - 1].replace(/^\s+/, '') : label('branching.whatDoYouDo');
    return question + ' \u2014 ' + plain;
  }

  /** Question text as a 2004 description: one line (the type allows no line breaks), at most 250 characters. */
  function description(text) {
    var line = String(text).replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '').replace(/^\{/, '(');
    return line.length > 250 ? line.substring(0, 249) + '\u2026' : line;
  }

  /* ---------------------------------------------------------------- the shell (index.html, the SCO) */

  function Shell(body) {
    this.v12 = body.getAttribute('data-scorm') === '1.2';
    this.lms = new Lms(this.v12);
    this.frame = document.getElementById('shell-frame');
    this.status = document.getElementById('shell-status');
    this.state = { v: 1, visited: {}, acts: {} };
    this.current = null;
    this.started = new Date().getTime();
    this.closed = false;
  }

  Shell.prototype.start = function () {
    var self = this;
    if (this.lms.start()) {
      this.restore();
    } else {
      this.say(label('scorm.export.noLms'));
    }
    this.drawContents();
    this.drawResult(this.outcome());
    this.frame.addEventListener('load', function () { self.arrived(); });
    document.getElementById('shell-previous').addEventListener('click', function () { self.step(-1); });
    document.getElementById('shell-next').addEventListener('click', function () { self.step(1); });
    document.getElementById('shell-finish').addEventListener('click', function () { self.close(); });
    var toc = document.getElementById('shell-toc');
    if (toc && window.matchMedia && window.matchMedia('(max-width: 40rem)').matches) {
      toc.open = false;
    }
    var finish = function () { self.finish(); };
    window.addEventListener('pagehide', finish);
    window.addEventListener('beforeunload', finish);
    var bookmark = this.lms.get(this.v12 ? 'cmi.core.lesson_location' : 'cmi.location');
    this.frame.src = 'pages/' + (this.pageIndex(bookmark) >= 0 ? bookmark : C.pages[0].file);
  };

  Shell.prototype.restore = function () {
    var saved = this.lms.get('cmi.suspend_data');
    if (saved) {
      try {
        var parsed = JSON.parse(saved);
        if (parsed && parsed.v === 1) {
          this.state = parsed;
        }
      } catch (e) {
        this.state = { v: 1, visited: {}, acts: {} };
      }
    }
    if (!this.v12 && this.lms.get('cmi.completion_status') === 'unknown') {
      this.lms.set('cmi.completion_status', 'incomplete');
    }
    if (this.v12 && this.lms.get('cmi.core.lesson_status') === 'not attempted') {
      this.lms.set('cmi.core.lesson_status', 'incomplete');
    }
  };

  Shell.prototype.pageIndex = function (file) {
    for (var i = 0; i < C.pages.length; i++) {
      if (C.pages[i].file === file) {
        return i;
      }
    }
    return -1;
  };

  Shell.prototype.drawContents = function () {
    var list = document.getElementById('shell-pages');
    list.innerHTML = '';
    for (var i = 0; i < C.pages.length; i++) {
      var p = C.pages[i], li = document.createElement('li'), a = document.createElement('a');
      a.href = 'pages/' + p.file;
      a.target = 'shell-frame';
      a.textContent = p.title;
      if (p.file === this.current) {
        a.setAttribute('aria-current', 'page');
      }
      li.appendChild(a);
      if (p.counts && this.state.visited[p.file]) {
        var mark = document.createElement('span');
        mark.className = 'visited';
        mark.textContent = ' (' + label('scorm.export.visited') + ')';
        li.appendChild(mark);
      }
      list.appendChild(li);
    }
  };

  Shell.prototype.arrived = function () {
    var path = '';
    try {
      path = this.frame.contentWindow.location.pathname;
    } catch (e) {
      return;
    }
    var file = path.substring(path.lastIndexOf('/') + 1);
    var index = this.pageIndex(file);
    if (index < 0) {
      return;
    }
    this.current = file;
    if (C.pages[index].counts) {
      this.state.visited[file] = 1;
    }
    this.lms.set(this.v12 ? 'cmi.core.lesson_location' : 'cmi.location', file);
    document.getElementById('shell-previous').disabled = index === 0;
    document.getElementById('shell-next').disabled = index === C.pages.length - 1;
    this.drawContents();
    this.save();
  };

  Shell.prototype.step = function (delta) {
    var i = this.pageIndex(this.current) + delta;
    if (i >= 0 && i < C.pages.length) {
      this.frame.src = 'pages/' + C.pages[i].file;
    }
  };

  /** The stored state of an activity, with its plan (drawn questions, option order) made on first sight. */
  Shell.prototype.activity = function (id) {
    var st = this.state.acts[id];
    if (!st) {
      st = { ans: {}, path: [] };
      var act = C.activities[id];
      if (act && act.questions) {
        st.plan = plan(act);
      }
      this.state.acts[id] = st;
    }
    return st;
  };

  /**
   * One answer from a page: stored, reported as an interaction, statuses updated, committed. {@code a.options}
   * lists the ids of the question's options in their declared order (SCORM 1.2 reports places, not ids).
   */
  Shell.prototype.answer = function (a) {
    var n = parseInt(this.lms.get('cmi.interactions._count'), 10) || 0, base = 'cmi.interactions.' + n + '.';
    var v12 = this.v12, sep = v12 ? ',' : '[,]', chosen = a.chosen, correct = a.correct, type = 'choice';
    if (v12) {
      chosen = places(a.chosen, a.options);
      correct = places(a.correct, a.options);
      if (chosen === null || correct === null) {
        type = 'fill-in';
        chosen = a.chosen;
        correct = [];
      }
    }
    this.lms.set(base + 'id', alnum(a.activity) + a.kind + alnum(a.part));
    this.lms.set(base + 'type', type);
    if (!v12) {
      this.lms.set(base + 'description', description(a.text));
    }
    this.lms.set(base + (v12 ? 'student_response' : 'learner_response'), chosen.join(sep));
    if (correct.length) {
      this.lms.set(base + 'correct_responses.0.pattern', correct.join(sep));
    }
    this.lms.set(base + 'result', a.score >= 1 ? 'correct' : a.score <= 0 ? (v12 ? 'wrong' : 'incorrect')
      : decimal(a.score, 3));
    this.lms.set(base + 'weighting', '1');
    this.lms.set(base + 'latency', span(a.latency, v12));
    this.lms.set(base + (v12 ? 'time' : 'timestamp'), stamp(v12));
    this.save();
  };

  /** The SCORM 1.2 characters of chosen option ids, or null when an option is past the 36th. */
  function places(ids, options) {
    var out = [];
    for (var i = 0; i < ids.length; i++) {
      var c = letter(options.indexOf(ids[i]));
      if (c === null || options.indexOf(ids[i]) < 0) {
        return null;
      }
      out.push(c);
    }
    return out;
  }

  Shell.prototype.outcome = function () {
    var lessons = 0, read = 0, done = 0, scores = [];
    for (var i = 0; i < C.pages.length; i++) {
      if (C.pages[i].counts) {
        lessons++;
        read += this.state.visited[C.pages[i].file] ? 1 : 0;
      }
    }
    for (var g = 0; g < C.graded.length; g++) {
      var result = activityResult(C.activities[C.graded[g]], this.state.acts[C.graded[g]]);
      if (result !== null) {
        done++;
        scores.push(result);
      }
    }
    var complete = read === lessons && done === C.graded.length;
    var score = C.graded.length && done === C.graded.length ? mean(scores) : null;
    var passed = C.mastery === null || C.mastery === undefined || score === null ? null
      : Math.round(score * 1000) >= C.mastery * 10;
    return { lessons: lessons, read: read, done: done, complete: complete, score: score, passed: passed,
      measure: (read + done) / Math.max(1, lessons + C.graded.length) };
  };

  Shell.prototype.save = function () {
    var o = this.outcome(), v12 = this.v12, raw = o.score === null ? null : Math.round(o.score * 1000) / 10;
    this.lms.refused = null;
    if (raw !== null) {
      this.lms.set(v12 ? 'cmi.core.score.min' : 'cmi.score.min', '0');
      this.lms.set(v12 ? 'cmi.core.score.max' : 'cmi.score.max', '100');
      this.lms.set(v12 ? 'cmi.core.score.raw' : 'cmi.score.raw', decimal(raw, 1));
      if (!v12) {
        this.lms.set('cmi.score.scaled', decimal(raw / 100, 3));
      }
    }
    if (v12) {
      this.lms.set('cmi.core.lesson_status', !o.complete ? 'incomplete'
        : o.passed === null ? 'completed' : o.passed ? 'passed' : 'failed');
    } else {
      this.lms.set('cmi.progress_measure', decimal(o.measure, 3));
      this.lms.set('cmi.completion_status', o.complete ? 'completed' : 'incomplete');
      if (o.passed !== null) {
        this.lms.set('cmi.success_status', o.passed ? 'passed' : 'failed');
      }
    }
    var state = this.suspendData();
    if (state !== null) {
      this.lms.set('cmi.suspend_data', state);
    } else {
      this.lms.refused = 'cmi.suspend_data (> 4096)';
    }
    var saved = this.lms.commit() && !this.lms.refused;
    this.drawResult(o);
    this.say((o.complete ? label('scorm.export.complete') : label('scorm.export.progress', [o.read, o.lessons]))
      + (!this.lms.active ? '' : ' \u00b7 ' + (saved ? label('scorm.export.saved') : label('scorm.export.notSaved'))));
  };

  /**
   * The state as suspend_data. SCORM 1.2 allows 4,096 characters: past that, the option orders of answered
   * questions go first (their results show in the question's own order), then all of them; null if still too long.
   */
  Shell.prototype.suspendData = function () {
    var text = JSON.stringify(this.state);
    if (!this.v12 || text.length <= 4096) {
      return text;
    }
    var copy = JSON.parse(text), id, q;
    for (id in copy.acts) {
      if (copy.acts[id].plan) {
        for (q in copy.acts[id].plan.o) {
          if (copy.acts[id].ans[q]) {
            delete copy.acts[id].plan.o[q];
          }
        }
      }
    }
    text = JSON.stringify(copy);
    if (text.length > 4096) {
      for (id in copy.acts) {
        if (copy.acts[id].plan) {
          copy.acts[id].plan.o = {};
        }
      }
      text = JSON.stringify(copy);
    }
    return text.length <= 4096 ? text : null;
  };

  /** The result panel: score, pass mark and verdict, in words. */
  Shell.prototype.drawResult = function (o) {
    var verdict = document.getElementById('shell-verdict');
    if (!verdict) {
      return;
    }
    var mark = C.mastery === null || C.mastery === undefined ? null : C.mastery;
    var words = o.score === null ? label('scorm.export.notYet')
      : o.passed === null ? label('scorm.export.noMark') : o.passed ? label('scorm.export.passed')
      : label('scorm.export.failed');
    verdict.textContent = label('scorm.export.verdict', [o.score === null ? '\u2013' : percent(o.score),
      mark === null ? '\u2013' : mark, words]);
  };

  /** The learner closes the course: the attempt ends normally (a new launch starts a new attempt). */
  Shell.prototype.close = function () {
    this.closed = true;
    this.finish();
    this.say(label('scorm.export.closed'));
    document.getElementById('shell-finish').disabled = true;
  };

  Shell.prototype.finish = function () {
    if (!this.lms.active) {
      return;
    }
    this.lms.set(this.v12 ? 'cmi.core.session_time' : 'cmi.session_time',
      span(new Date().getTime() - this.started, this.v12));
    this.lms.set(this.v12 ? 'cmi.core.exit' : 'cmi.exit', this.closed ? (this.v12 ? '' : 'normal') : 'suspend');
    this.lms.finish();
  };

  Shell.prototype.say = function (text) {
    if (this.status) {
      this.status.textContent = text;
    }
  };

  /** Questions drawn for this attempt (N of M when the author set draw) and the order of their options. */
  function plan(act) {
    var ids = [], i;
    for (i = 0; i < act.questions.length; i++) {
      ids.push(act.questions[i].id);
    }
    if (act.draw && act.draw < ids.length) {
      var pool = shuffled(ids).slice(0, act.draw), kept = [];
      for (i = 0; i < ids.length; i++) {
        if (pool.indexOf(ids[i]) >= 0) {
          kept.push(ids[i]);
        }
      }
      ids = kept;
    }
    var order = {};
    for (i = 0; i < act.questions.length; i++) {
      var q = act.questions[i], opts = [];
      for (var k = 0; k < q.options.length; k++) {
        opts.push(q.options[k].id);
      }
      order[q.id] = act.shuffle === false ? opts : shuffled(opts);
    }
    return { q: ids, o: order };
  }

  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }

  /** An activity's score: the best of its finished attempts (this one and earlier ones), or null. */
  function activityResult(act, st) {
    var now = attemptResult(act, st);
    if (!st || st.best === undefined || st.best === null) {
      return now;
    }
    return now === null ? st.best : Math.max(now, st.best);
  }

  /** The score of the activity's current attempt once finished, or null. */
  function attemptResult(act, st) {
    if (!act || !st) {
      return null;
    }
    if (act.kind === 'branching') {
      return st.end ? mean(pathScores(st)) : null;
    }
    if (!act.questions || !st.plan) {
      return null;
    }
    var scores = [];
    for (var i = 0; i < st.plan.q.length; i++) {
      var a = st.ans[st.plan.q[i]];
      if (!a) {
        return null;
      }
      scores.push(a.s);
    }
    return mean(scores);
  }

  function pathScores(st) {
    var out = [];
    for (var i = 0; i < st.path.length; i++) {
      out.push(st.path[i].s);
    }
    return out;
  }

  /* ---------------------------------------------------------------- a page (pages/*.html) */

  function Page() {
    var parentShell = null;
    try {
      parentShell = window.parent !== window ? window.parent.StekShell : null;
    } catch (e) {
      parentShell = null;
    }
    this.shell = parentShell || new Shell(document.createElement('div'));
    this.shown = {};
  }

  Page.prototype.start = function () {
    var sections = document.querySelectorAll('.stek-activity');
    for (var i = 0; i < sections.length; i++) {
      this.draw(sections[i]);
    }
  };

  Page.prototype.draw = function (section, focusId) {
    var id = section.getAttribute('data-activity'), act = C.activities[id];
    if (!act) {
      return;
    }
    var body = section.querySelector('.activity-body');
    if (!body) {
      body = el('div', 'activity-body');
      section.appendChild(body);
    }
    body.innerHTML = '';
    if (act.kind === 'reflection') {
      this.reflection(body, act);
    } else if (act.kind === 'branching') {
      this.branching(body, act, this.shell.activity(id));
    } else {
      this.vignette(body, act, this.shell.activity(id));
    }
    var focus = focusId ? document.getElementById(focusId) : null;
    if (focus) {
      focus.setAttribute('tabindex', '-1');
      focus.focus();
    }
  };

  Page.prototype.vignette = function (body, act, st) {
    if (act.caseHtml) {
      body.appendChild(html('div', 'prose case', act.caseHtml));
    }
    if (act.imageUrl) {
      var img = el('img');
      img.src = act.imageUrl;
      img.alt = act.imageAlt || '';
      body.appendChild(img);
    }
    if (act.audioUrl) {
      var audio = el('audio');
      audio.controls = true;
      audio.src = act.audioUrl;
      body.appendChild(audio);
      var details = el('details');
      details.appendChild(text('summary', label('quiz.transcript')));
      details.appendChild(html('div', 'prose', act.transcriptHtml || ''));
      body.appendChild(details);
    }
    var all = true;
    for (var i = 0; i < st.plan.q.length; i++) {
      var q = questionById(act, st.plan.q[i]);
      if (q) {
        body.appendChild(this.question(act, st, q, i + 1));
        all = all && !!st.ans[q.id];
      }
    }
    if (all) {
      var done = el('div', 'summary');
      done.id = 'sum-' + act.id;
      done.appendChild(text('h3', label('quiz.done')));
      done.appendChild(text('p', label('scorm.export.activityScore', [percent(activityResult(act, st))]), 'score'));
      if (!act.graded) {
        done.appendChild(text('p', label('activity.practiceNote')));
      }
      done.appendChild(this.retryButton(act, st));
      body.appendChild(done);
    }
  };

  /** Try the activity again: its best score so far is kept, the next attempt can only raise it. */
  Page.prototype.retryButton = function (act, st) {
    var self = this, button = text('button', label('scorm.export.retry'), 'secondary');
    button.type = 'button';
    button.addEventListener('click', function () {
      st.best = activityResult(act, st);
      st.tries = (st.tries || 1) + 1;
      st.ans = {};
      st.path = [];
      st.end = null;
      if (act.questions) {
        st.plan = plan(act);
      }
      self.shell.save();
      self.draw(document.getElementById('a-' + act.id));
    });
    return button;
  };

  Page.prototype.question = function (act, st, q, number) {
    var self = this, box = el('div', 'question'), answer = st.ans[q.id], domId = 'q-' + act.id + '-' + q.id;
    box.id = domId;
    box.setAttribute('data-question', q.id);
    box.appendChild(text('h3', label('quiz.question', [number, st.plan.q.length])));
    box.appendChild(html('div', 'prose prompt', q.promptHtml));
    if (q.nuance) {
      box.appendChild(text('p', label('quiz.nuance'), 'nuance'));
    }
    var options = orderedOptions(q, st.plan.o[q.id]);
    if (answer) {
      box.appendChild(this.result(q, options, answer));
      return box;
    }
    box.appendChild(this.choiceForm(domId, label(q.type === 'multiple' ? 'quiz.pickAll' : 'quiz.pickOne'),
      q.type === 'multiple' ? 'checkbox' : 'radio', 'option', options, label('quiz.submit'),
      function (chosen, latency) {
        var score = scoreQuestion(q, chosen);
        st.ans[q.id] = { c: chosen, s: score };
        self.shell.answer({ activity: act.id, kind: 'Q', part: q.id, text: q.prompt, chosen: chosen,
          correct: correctIds(q), options: optionIds(q.options), score: score, latency: latency });
        self.draw(document.getElementById('a-' + act.id), domId);
      }));
    return box;
  };

  /**
   * A form of choices (radio or checkbox) with a legend, an error line and a button. On a valid submit,
   * onChosen(chosen ids, milliseconds since the form was shown) runs; without a choice the error line says so.
   */
  Page.prototype.choiceForm = function (domId, legend, type, name, items, button, onChosen) {
    var self = this, form = el('form', 'answer-form'), fieldset = el('fieldset');
    fieldset.appendChild(text('legend', legend));
    for (var i = 0; i < items.length; i++) {
      fieldset.appendChild(choice(type, domId + '-' + items[i].id, name, items[i].id, items[i].html));
    }
    var error = text('p', '', 'error');
    error.setAttribute('role', 'alert');
    fieldset.appendChild(error);
    form.appendChild(fieldset);
    form.appendChild(text('button', button));
    this.shown[domId] = new Date().getTime();
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var chosen = checked(form);
      if (!chosen.length) {
        error.textContent = label('quiz.chooseFirst');
        return;
      }
      onChosen(chosen, new Date().getTime() - self.shown[domId]);
    });
    return form;
  };

  Page.prototype.result = function (q, options, answer) {
    var wrap = el('div', 'answered'), list = el('ul', 'options result');
    for (var i = 0; i < options.length; i++) {
      var o = options[i], li = el('li', 'option' + (answer.c.indexOf(o.id) >= 0 ? ' chosen' : ''));
      var head = el('p', 'option-head');
      if (answer.c.indexOf(o.id) >= 0) {
        head.appendChild(text('span', label('quiz.yourChoice') + ' ', 'you'));
      }
      head.appendChild(text('span', o.label, 'label'));
      li.appendChild(head);
      li.appendChild(html('div', 'option-text', o.html));
      li.appendChild(html('div', 'feedback', o.feedbackHtml || ''));
      list.appendChild(li);
    }
    wrap.appendChild(list);
    var score = text('p', label('quiz.questionScore', [percent(answer.s)]), 'score');
    score.setAttribute('role', 'status');
    wrap.appendChild(score);
    var why = el('div', 'explanation');
    why.appendChild(text('h4', label('quiz.explanation')));
    why.appendChild(html('div', 'prose', q.explanationHtml || ''));
    if (q.source) {
      why.appendChild(text('p', label('quiz.source') + ': ' + q.source, 'source'));
    }
    wrap.appendChild(why);
    return wrap;
  };

  Page.prototype.branching = function (body, act, st) {
    var self = this;
    if (act.introHtml) {
      body.appendChild(html('div', 'prose case', act.introHtml));
    }
    if (st.path.length) {
      var path = el('ol', 'path');
      path.setAttribute('aria-label', label('branching.pathSoFar'));
      for (var i = 0; i < st.path.length; i++) {
        var taken = st.path[i], stepDef = act.steps[taken.step], ch = choiceById(stepDef, taken.c), li = el('li');
        li.appendChild(html('div', 'prose', stepDef ? stepDef.html : ''));
        li.appendChild(text('p', label('quiz.yourChoice') + ': ' + (ch ? ch.text : taken.c), 'you'));
        li.appendChild(html('div', 'feedback', ch ? ch.feedbackHtml || '' : ''));
        path.appendChild(li);
      }
      body.appendChild(path);
    }
    if (st.end) {
      var ending = act.endings[st.end] || { title: st.end, debriefHtml: '' }, box = el('div', 'summary');
      box.id = 'end-' + act.id;
      box.appendChild(text('h3', label('branching.ending') + ': ' + ending.title));
      box.appendChild(html('div', 'prose', ending.debriefHtml));
      box.appendChild(text('p', label('branching.pathScore', [percent(mean(pathScores(st))), st.path.length]),
        'score'));
      box.appendChild(this.retryButton(act, st));
      body.appendChild(box);
      return;
    }
    var last = st.path[st.path.length - 1];
    var stepId = last ? choiceById(act.steps[last.step], last.c).next : act.start;
    var step = act.steps[stepId], domId = 's-' + act.id + '-' + stepId;
    var box2 = el('div', 'question step');
    box2.id = domId;
    box2.setAttribute('data-step', stepId);
    box2.appendChild(text('h3', label('branching.step', [st.path.length + 1])));
    box2.appendChild(html('div', 'prose', step.html));
    box2.appendChild(this.choiceForm(domId, label('branching.whatDoYouDo'), 'radio', 'choice', step.choices,
      label('branching.choose'), function (chosen, latency) {
        var ch = choiceById(step, chosen[0]), best = [], max = -1;
        for (var k = 0; k < step.choices.length; k++) {
          max = Math.max(max, step.choices[k].weight);
        }
        for (k = 0; k < step.choices.length; k++) {
          if (step.choices[k].weight === max) {
            best.push(step.choices[k].id);
          }
        }
        st.path.push({ step: stepId, c: ch.id, s: ch.weight });
        if (act.endings[ch.next]) {
          st.end = ch.next;
        }
        self.shell.answer({ activity: act.id, kind: 'S', part: stepId, text: stepQuestion(step.text),
          chosen: [ch.id], correct: best, options: optionIds(step.choices), score: ch.weight, latency: latency });
        self.draw(document.getElementById('a-' + act.id), st.end ? 'end-' + act.id : null);
      }));
    body.appendChild(box2);
  };

  Page.prototype.reflection = function (body, act) {
    body.appendChild(html('div', 'prose prompt', act.promptHtml));
    var id = 'r-' + act.id, lab = el('label');
    lab.setAttribute('for', id);
    lab.textContent = act.title;
    lab.className = 'visually-hidden';
    var area = el('textarea');
    area.id = id;
    area.rows = 5;
    body.appendChild(lab);
    body.appendChild(area);
    var key = 'stek:' + C.slug + ':' + act.id, store = deviceStorage();
    if (store) {
      area.value = store.getItem(key) || '';
      area.addEventListener('input', function () {
        try {
          store.setItem(key, area.value);
        } catch (e) {
          area.setAttribute('data-unsaved', 'true');
        }
      });
    }
    body.appendChild(text('p', label(store ? 'scorm.export.reflectionKept' : 'scorm.export.reflectionNotKept'),
      'hint'));
  };

  /** This browser's local storage when it can be used (not in every LMS frame or private window), else null. */
  function deviceStorage() {
    try {
      var s = window.localStorage, probe = 'stek:probe';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function optionIds(options) {
    var out = [];
    for (var i = 0; i < options.length; i++) {
      out.push(options[i].id);
    }
    return out;
  }

  function questionById(act, id) {
    for (var i = 0; i < act.questions.length; i++) {
      if (act.questions[i].id === id) {
        return act.questions[i];
      }
    }
    return null;
  }

  function choiceById(step, id) {
    for (var i = 0; step && i < step.choices.length; i++) {
      if (step.choices[i].id === id) {
        return step.choices[i];
      }
    }
    return null;
  }

  function orderedOptions(q, order) {
    var out = [], i;
    for (i = 0; order && i < order.length; i++) {
      var o = optionById(q, order[i]);
      if (o) {
        out.push(o);
      }
    }
    for (i = 0; i < q.options.length; i++) {
      if (out.indexOf(q.options[i]) < 0) {
        out.push(q.options[i]);
      }
    }
    return out;
  }

  function checked(form) {
    var inputs = form.querySelectorAll('input'), out = [];
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) {
        out.push(inputs[i].value);
      }
    }
    return out;
  }

  function choice(type, id, name, value, labelHtml) {
    var wrap = el('div', 'choice'), input = el('input'), lab = el('label');
    input.type = type;
    input.name = name;
    input.value = value;
    input.id = id;
    lab.setAttribute('for', id);
    lab.innerHTML = labelHtml;
    wrap.appendChild(input);
    wrap.appendChild(lab);
    return wrap;
  }

  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    return node;
  }

  function text(tag, content, className) {
    var node = el(tag, className);
    node.textContent = content;
    return node;
  }

  function html(tag, className, content) {
    var node = el(tag, className);
    node.innerHTML = content || '';
    return node;
  }

  /* ---------------------------------------------------------------- start */

  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.className.indexOf('stek-shell') >= 0) {
      var shell = new Shell(document.body);
      window.StekShell = shell;
      shell.start();
    } else if (document.body.className.indexOf('stek-page') >= 0) {
      new Page().start();
    }
  });
}());
