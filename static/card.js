/* Finding cards: the colour scheme the embed code chose (?scheme=light|dark), and the
   card's height for the embedding page (our own message, pym.js, AMP), sent whenever
   it changes. Messages from the parent are only read when they have the expected shape. */
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var scheme = query.get('scheme');
  if (scheme === 'light' || scheme === 'dark') document.documentElement.setAttribute('data-color-scheme', scheme);
  if (window.parent === window) return;
  var childId = query.get('childId');
  var id = query.get('id');
  var safe = /^[A-Za-z0-9._:-]{1,100}$/;
  if (childId && !safe.test(childId)) childId = null;
  if (id && !safe.test(id)) id = null;
  var last = -1;
  function height() {
    var card = document.querySelector('.ef-card');
    return card ? Math.ceil(card.getBoundingClientRect().bottom + window.scrollY) : 0;
  }
  function post(force) {
    var h = height();
    if (!force && h === last) return;
    last = h;
    window.parent.postMessage({ type: 'encryption-framing:height', height: h, id: id }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    if (childId) window.parent.postMessage('pymxPYMx' + childId + 'xPYMxheightxPYMx' + h, '*');
  }
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (d && typeof d === 'object' && d.type === 'encryption-framing:ping') post(true);
    if (childId && typeof d === 'string' && d.indexOf('pymxPYMx' + childId + 'xPYMxwidthxPYMx') === 0) post(true);
  });
  // The observer's first call, on layout, sends the first height: one message per change.
  document.addEventListener('DOMContentLoaded', function () {
    new ResizeObserver(function () { post(false); }).observe(document.documentElement);
  });
})();
