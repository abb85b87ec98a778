// Casework pages: print button, confirmation before signing or submitting a list (no inline handlers: CSP), and the
// discovery-staff field shown only for a 路面查处 case.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (evt) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { evt.preventDefault(); }
    });
  });
  var source = document.getElementById('source');
  var staff = document.getElementById('discovery-staff-group');
  if (source && staff) {
    var roadside = staff.getAttribute('data-roadside');
    var sync = function () { staff.hidden = source.value !== roadside; };
    source.addEventListener('change', sync);
    sync();
  }
});
