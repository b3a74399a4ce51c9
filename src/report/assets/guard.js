/* guard.js - runs first: any script error or blocked request (the page's CSP forbids every
 * fetch) is written into <html data-errors>, where a headless browser test reads it. */
(function () {
  var root = document.documentElement;
  root.setAttribute('data-t0', Math.round(performance.now()));
  function note(text) {
    root.setAttribute('data-errors', (root.getAttribute('data-errors') || '') + text + '\n');
  }
  window.addEventListener('error', function (e) {
    if (e.target && e.target !== window)   /* an element that failed to load */
      note('load error: <' + e.target.tagName.toLowerCase() + '> ' + (e.target.src || ''));
    else
      note('script error: ' + e.message + ' (line ' + e.lineno + ')');
  }, true);
  document.addEventListener('securitypolicyviolation', function (e) {
    note('blocked request: ' + e.blockedURI + ' (' + e.violatedDirective + ')');
  });
})();
