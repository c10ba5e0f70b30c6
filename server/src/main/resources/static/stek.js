/* Stek: progressive enhancement only. Every page works without this file.
   With it, answering a vignette question or a branching step shows the feedback without a page reload.
   ES5 on purpose: no build step, and older phone browsers run it. */
(function () {
  'use strict';

  function submitInPlace(form, event) {
    var container = document.getElementById('attempt');
    if (!container || !window.XMLHttpRequest) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector('button[type=submit]');
    if (button) {
      button.disabled = true;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('X-Stek-Fragment', '1');
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    xhr.onload = function () {
      if (xhr.status === 200) {
        container.outerHTML = xhr.responseText;
        enhance();
        var target = document.getElementById('current') || document.querySelector(focusTarget(form));
        if (target) {
          target.setAttribute('tabindex', '-1');
          target.focus();
        }
      } else {
        form.submit();
      }
    };
    xhr.onerror = function () {
      form.submit();
    };
    xhr.send(encode(form));
  }

  /* The form as application/x-www-form-urlencoded: Stek takes multipart bodies only where a file is uploaded. */
  function encode(form) {
    var parts = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled || ((el.type === 'radio' || el.type === 'checkbox') && !el.checked)
          || el.type === 'submit' || el.type === 'button' || el.type === 'file') {
        continue;
      }
      parts.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(el.value).replace(/%20/g, '+'));
    }
    return parts.join('&');
  }

  function focusTarget(form) {
    var section = form.parentNode;
    return section && section.id ? '#' + section.id : '#attempt';
  }

  function enhance() {
    var forms = document.querySelectorAll('form[data-enhance=answer]');
    for (var i = 0; i < forms.length; i++) {
      if (!forms[i].getAttribute('data-enhanced')) {
        forms[i].setAttribute('data-enhanced', '1');
        forms[i].addEventListener('submit', function (e) {
          submitInPlace(this, e);
        });
      }
    }
  }

  /* A form that came back with errors: its summary has autofocus; this also focuses it where autofocus on a
     non-field is not honoured, unless the visitor already moved on. */
  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (summary && (document.activeElement === document.body || document.activeElement === null)) {
      summary.focus();
    }
  }

  function start() {
    enhance();
    focusErrorSummary();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
