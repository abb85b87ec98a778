// Import page: uploads the chosen file with XMLHttpRequest to show the upload progress, then an indeterminate bar
// while the server checks and imports, then the result fragment the server renders. Without script the form posts
// normally and the whole page comes back. Large files are imported one at a time (issue 11): each upload carries a
// random ticket, and while the server works the page asks every 2 s how many imports are ahead of it and shows the
// server's text ("排队中：前面还有 N 个导入…" or the processing message).
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var fileInput = document.getElementById('import-file');
  var progress = document.getElementById('import-progress');
  var bar = document.getElementById('import-progress-bar');
  var status = document.getElementById('import-status');
  var submit = document.getElementById('import-submit');

  function showBar(percent, indeterminate) {
    progress.classList.remove('d-none');
    progress.setAttribute('aria-valuenow', String(percent));
    bar.style.width = percent + '%';
    bar.textContent = indeterminate ? '' : percent + '%';
    bar.classList.toggle('progress-bar-striped', indeterminate);
    bar.classList.toggle('progress-bar-animated', indeterminate);
  }

  var polling = null;

  function newTicket() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function watchQueue(ticket) {
    var url = form.dataset.queueUrl;
    if (!url) {
      return;
    }
    polling = window.setInterval(function () {
      var q = new XMLHttpRequest();
      q.open('GET', url + '?ticket=' + encodeURIComponent(ticket));
      q.addEventListener('load', function () {
        if (q.status !== 200 || polling === null) {
          return;
        }
        try {
          var answer = JSON.parse(q.responseText);
          if (answer && answer.message) {
            status.textContent = answer.message;
          }
        } catch (ignored) {
          // keep the last text
        }
      });
      q.send();
    }, 2000);
  }

  function done() {
    if (polling !== null) {
      window.clearInterval(polling);
      polling = null;
    }
    submit.disabled = false;
    progress.classList.add('d-none');
  }

  function failure(xhr) {
    var text = form.dataset.msgFailed;
    try {
      var body = JSON.parse(xhr.responseText);
      if (body && body.errors && body.errors.length && body.errors[0].message) {
        text = body.errors[0].message;
      }
    } catch (ignored) {
      // not JSON: keep the general message
    }
    status.textContent = text;
    status.classList.add('text-danger');
  }

  form.addEventListener('submit', function (evt) {
    evt.preventDefault();
    status.classList.remove('text-danger');
    if (!fileInput.files || fileInput.files.length === 0) {
      status.textContent = form.dataset.msgChoose;
      status.classList.add('text-danger');
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      xhr.setRequestHeader(header.content, token.content);
    }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        showBar(Math.round(e.loaded * 100 / e.total), false);
      }
    });
    var ticket = newTicket();
    xhr.upload.addEventListener('load', function () {
      showBar(100, true);
      status.textContent = form.dataset.msgProcessing;
      watchQueue(ticket);
    });
    xhr.addEventListener('load', function () {
      done();
      if (xhr.status === 200) {
        status.textContent = '';
        var result = document.getElementById('import-result');
        result.outerHTML = xhr.responseText;
        result = document.getElementById('import-result');
        if (result && window.htmx) {
          window.htmx.process(result); // the mapping step's form posts with htmx (issue 14 item 2)
        }
        if (result && result.scrollIntoView) {
          result.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }
      } else {
        failure(xhr);
      }
    });
    xhr.addEventListener('error', function () {
      done();
      failure(xhr);
    });
    submit.disabled = true;
    showBar(0, false);
    status.textContent = form.dataset.msgUploading;
    var data = new FormData(form);
    data.append('ticket', ticket);
    xhr.send(data);
  });
})();
