/* Encryption framing: auto-height for plain iframes (no pym.js needed).
   Include once on the article page, after or before the iframe(s):
     <script src="https://your-host/encryption-framing/embed-parent.js" defer></script>
   Each widget iframe posts {type: "encryption-framing:height", height, id} when its
   content changes size; this sets that iframe's height. Messages from other frames
   or of any other shape are ignored. */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'encryption-framing:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 0 || height > 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
  // Ask frames that loaded before this script for their height.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    try { frames[i].contentWindow.postMessage({ type: 'encryption-framing:ping' }, '*'); } catch (e) { /* not ready */ }
  }
})();
