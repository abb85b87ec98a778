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

// Print buttons (data-print) of every page, delegated so buttons swapped in by htmx print too (CSP: no inline handler).
document.addEventListener('click', function (evt) {
  var button = evt.target.closest && evt.target.closest('[data-print]');
  if (button) { evt.preventDefault(); window.print(); }
});

// data-confirm="…": asks with the page's own words (from messages) and cancels when refused. A plain form asks on
// submit (the text on the pressed button wins over the form's); a form or button that htmx sends asks through
// htmx:confirm instead, so the same text guards an hx-post and nothing asks twice. Irreversible steps also hold
// without script (a required box or a second step, refused by the server without confirmed=true, issue 13 item 7).
(function () {
  function confirmText(el, submitter) {
    var own = submitter && submitter.getAttribute && submitter.getAttribute('data-confirm');
    if (own) { return own; }
    var marked = el && el.closest && el.closest('[data-confirm]');
    return marked ? marked.getAttribute('data-confirm') : null;
  }
  function sentByHtmx(el) {
    return !!(el && el.matches && el.matches('[hx-post],[hx-put],[hx-patch],[hx-delete],[hx-get],[data-hx-post]'));
  }
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (sentByHtmx(evt.submitter) || sentByHtmx(form)) { return; }
    var question = confirmText(form, evt.submitter);
    if (question && !window.confirm(question)) { evt.preventDefault(); evt.stopImmediatePropagation(); }
  }, true);
  document.addEventListener('htmx:confirm', function (evt) {
    var question = confirmText(evt.detail.elt, evt.detail.triggeringEvent && evt.detail.triggeringEvent.submitter);
    if (question && !window.confirm(question)) { evt.preventDefault(); }
  });
})();
