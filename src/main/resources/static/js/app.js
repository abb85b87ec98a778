// Sends the CSRF token with every htmx request (Spring Security needs it on POST).
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { evt.detail.headers[header.content] = token.content; }
});

// A form with data-busy shows its message and disables its button while the server works (more than a second).
document.addEventListener('submit', function (evt) {
  var form = evt.target;
  if (form && form.dataset && form.dataset.busy) {
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.insertAdjacentHTML('beforebegin', '<span class="spinner-border spinner-border-sm me-2" role="status"></span>');
      button.textContent = form.dataset.busy;
    }
  }
});

// A checkbox with data-select-all="name" ticks every checkbox of that name on the page (e.g. 全选本页 of the case
// list's 导出所选); an element with data-chosen-count shows how many are ticked (its data-template, {n} replaced).
document.addEventListener('change', function (evt) {
  var box = evt.target;
  if (!box || box.type !== 'checkbox') { return; }
  var name = box.dataset && box.dataset.selectAll;
  if (name) {
    document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (b) { b.checked = box.checked; });
  }
  var group = name || box.name;
  document.querySelectorAll('[data-chosen-count]').forEach(function (out) {
    var n = document.querySelectorAll('input[type="checkbox"][name="' + group + '"]:checked').length;
    if (out.dataset.template && out.dataset.group === group) { out.textContent = out.dataset.template.replace('{n}', n); }
  });
});
