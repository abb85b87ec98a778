// Print buttons of the standards and coverage pages (no inline handlers: CSP allows only same-origin scripts).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
