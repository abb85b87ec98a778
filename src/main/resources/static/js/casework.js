// Casework pages: the discovery-staff field shown only for a 路面查处 case; print and confirm are app.js's.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.getElementById('source');
  var staff = document.getElementById('discovery-staff-group');
  if (source && staff) {
    var roadside = staff.getAttribute('data-roadside');
    var sync = function () { staff.hidden = source.value !== roadside; };
    source.addEventListener('change', sync);
    sync();
  }
});
