// Interactive parts of the SCIM conformance report: filtering by outcome, level and text,
// coverage bars, and JSON syntax highlighting. Everything is built with DOM nodes and
// textContent, never innerHTML, so text recorded from the target stays text.
(function () {
  'use strict';
  var OUTCOMES = ['passed', 'failed', 'warning', 'skipped', 'error'];
  var form = document.getElementById('filters');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var checks = Array.prototype.slice.call(document.querySelectorAll('#check-list .check'));

  function checkedValues(name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]:checked');
    return Array.prototype.map.call(boxes, function (b) { return b.value; });
  }

  function applyFilters() {
    var outcomes = checkedValues('outcome');
    var levels = checkedValues('level');
    var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var visible = 0;
    checks.forEach(function (el) {
      var text = el.getAttribute('data-search') + ' ' + el.getAttribute('data-section');
      var match = outcomes.indexOf(el.getAttribute('data-outcome')) >= 0 &&
          levels.indexOf(el.getAttribute('data-level')) >= 0 &&
          terms.every(function (t) { return text.indexOf(t) >= 0; });
      el.hidden = !match;
      if (match) visible++;
    });
    shown.textContent = 'Showing ' + visible + ' of ' + checks.length + ' checks';
  }

  function drawBars() {
    document.querySelectorAll('.section-row').forEach(function (row) {
      var total = Number(row.getAttribute('data-total')) || 0;
      var bar = row.querySelector('.bar');
      if (!bar || total === 0) return;
      OUTCOMES.forEach(function (outcome) {
        var n = Number(row.getAttribute('data-' + outcome)) || 0;
        if (n === 0) return;
        var part = document.createElement('span');
        part.className = 'part ' + outcome;
        part.style.width = (100 * n / total) + '%';
        part.title = n + ' ' + outcome;
        bar.appendChild(part);
      });
    });
  }

  // Tokens of pretty-printed JSON: strings (keys when followed by a colon), literals, numbers.
  var TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

  function span(cls, text) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function highlight(pre) {
    var text = pre.textContent;
    var out = document.createDocumentFragment();
    var last = 0;
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      out.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) {
        out.appendChild(span(m[2] ? 'j-key' : 'j-str', m[1]));
        if (m[2]) out.appendChild(document.createTextNode(m[2]));
      } else if (m[3] !== undefined) {
        out.appendChild(span('j-lit', m[3]));
      } else {
        out.appendChild(span('j-num', m[4]));
      }
      last = TOKEN.lastIndex;
    }
    out.appendChild(document.createTextNode(text.slice(last)));
    pre.textContent = '';
    pre.appendChild(out);
    pre.classList.add('highlighted');
  }

  function setAll(open) {
    checks.forEach(function (el) { if (!el.hidden) el.open = open; });
  }

  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  search.addEventListener('input', applyFilters);
  document.getElementById('expand').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse').addEventListener('click', function () { setAll(false); });
  document.querySelectorAll('.section-link').forEach(function (link) {
    link.addEventListener('click', function () {
      search.value = link.getAttribute('data-section');
      applyFilters();
    });
  });
  // A link from a root cause to a check opens it, even when a filter had hidden it.
  document.querySelectorAll('.check-link').forEach(function (link) {
    link.addEventListener('click', function () {
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (target) { target.hidden = false; target.open = true; }
    });
  });
  document.querySelectorAll('pre.body.json').forEach(highlight);
  drawBars();
  applyFilters();
  document.body.setAttribute('data-ready', 'true');
})();
