// Calendar page: print button and confirmation before removing an exception (no inline handlers: CSP).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (evt) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { evt.preventDefault(); }
    });
  });
});
