/* Stek: live team sessions. The facilitator's page and the projector view poll the session's JSON every few seconds
   and update the count, the anonymous distribution (or texts) and the open/closed state in place. A button pauses
   the updates (a screen reader user may want the page to hold still); a polite live region announces only what
   matters: a new number of answers, the distribution appearing, the session closing. Without this file the page
   shows what the server rendered, with a refresh link. ES5 on purpose, like stek.js. */
(function () {
  'use strict';
  var INTERVAL = 4000;

  function Live(root) {
    this.root = root;
    this.url = root.getAttribute('data-live-url');
    this.count = parseInt(root.getAttribute('data-count'), 10);
    this.enough = root.getAttribute('data-enough') === 'true';
    this.open = root.getAttribute('data-open') === 'true';
    this.paused = false;
    this.timer = null;
    this.button = null;
  }

  Live.prototype.part = function (name) {
    return this.root.querySelector('[data-live="' + name + '"]');
  };

  Live.prototype.msg = function (name) {
    return this.root.getAttribute('data-msg-' + name);
  };

  Live.prototype.start = function () {
    var self = this;
    var controls = this.part('controls');
    if (!this.open || !controls) {
      return;
    }
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'secondary small';
    this.button.textContent = this.msg('pause');
    this.button.addEventListener('click', function () {
      self.paused = !self.paused;
      self.button.textContent = self.msg(self.paused ? 'resume' : 'pause');
      self.say(self.msg(self.paused ? 'paused' : 'resumed'));
      if (self.paused) {
        clearTimeout(self.timer);
      } else {
        self.poll();
      }
    });
    controls.appendChild(this.button);
    this.schedule();
  };

  Live.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      self.poll();
    }, INTERVAL);
  };

  Live.prototype.poll = function () {
    var self = this;
    if (this.paused) {
      return;
    }
    if (document.hidden) {
      this.schedule();
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('GET', this.url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      var data = null;
      try {
        data = xhr.status === 200 ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        data = null;
      }
      if (data) {
        self.show(data);
      } else {
        self.part('updated').textContent = self.msg('failed');
      }
      if (!data || data.open) {
        self.schedule();
      }
    };
    xhr.onerror = function () {
      self.part('updated').textContent = self.msg('failed');
      self.schedule();
    };
    xhr.send();
  };

  Live.prototype.show = function (data) {
    var news = [];
    if (data.count !== this.count) {
      news.push(data.countText);
    }
    if (data.enough && !this.enough) {
      news.push(this.msg('shown'));
    }
    if (!data.open && this.open) {
      news.push(data.statusText);
    }
    this.part('count').textContent = data.countText;
    this.part('waiting').textContent = data.waitingText;
    this.part('updated').textContent = data.updatedText;
    this.showBars(data);
    this.showTexts(data);
    var notes = this.part('notes');
    if (notes) {
      notes.hidden = !data.enough;
    }
    if (!data.open) {
      this.close(data);
    }
    this.count = data.count;
    this.enough = data.enough;
    this.open = data.open;
    if (news.length) {
      this.say(news.join(' '));
    }
  };

  Live.prototype.showBars = function (data) {
    var list = this.part('bars');
    if (!list) {
      return;
    }
    var items = list.children;
    for (var i = 0; i < items.length && i < data.bars.length; i++) {
      var bar = data.bars[i];
      items[i].querySelector('[data-live="n"]').textContent = String(bar.count);
      items[i].querySelector('[data-live="p"]').textContent = String(bar.percent);
      var progress = items[i].querySelector('progress');
      progress.value = bar.percent;
      progress.textContent = bar.percent + '%';
    }
    list.hidden = !data.enough;
  };

  Live.prototype.showTexts = function (data) {
    var list = this.part('texts');
    if (!list) {
      return;
    }
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    for (var i = 0; i < data.texts.length; i++) {
      var li = document.createElement('li');
      li.className = 'pre';
      li.textContent = data.texts[i];
      list.appendChild(li);
    }
    list.hidden = !data.enough;
  };

  Live.prototype.close = function (data) {
    var join = this.part('joinblock');
    var state = this.part('state');
    if (join) {
      join.hidden = true;
    }
    if (state) {
      state.textContent = data.statusText;
      state.hidden = false;
    }
    if (this.button) {
      this.button.parentNode.removeChild(this.button);
      this.button = null;
    }
  };

  /* Emptied first, then filled a moment later, so that the same sentence twice is announced twice. */
  Live.prototype.say = function (text) {
    var region = this.part('announce');
    if (!region || !text) {
      return;
    }
    region.textContent = '';
    setTimeout(function () {
      region.textContent = text;
    }, 100);
  };

  function init() {
    var roots = document.querySelectorAll('[data-live-url]');
    for (var i = 0; i < roots.length; i++) {
      new Live(roots[i]).start();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
