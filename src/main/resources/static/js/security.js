// Asks before submitting a form marked data-confirm="…" (reset password, disable, open accounts for everyone).
// No inline handlers: the CSP allows only same-origin script files.
document.addEventListener('submit', function (evt) {
  var form = evt.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { evt.preventDefault(); }
}, true);
