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
