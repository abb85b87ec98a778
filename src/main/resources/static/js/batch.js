// Batch pages of issue 13 item 5 (the legal officer's review table, the squad leader's assignment of new cases, the
// legal-review queue). No inline script (CSP). Event delegation on the document, so rows swapped in by htmx work too.
(function () {
  // a 否 always with a note — the note of a row becomes required (and says so) as soon as a 否 is chosen there.
  function syncRow(row) {
    var note = row.querySelector('[data-note]');
    if (!note) { return; }
    var anyNo = row.querySelector('input[data-check="no"]:checked') !== null;
    note.required = anyNo;
    note.setAttribute('aria-required', anyNo ? 'true' : 'false');
    note.classList.toggle('is-invalid', anyNo && note.value.trim() === '');
  }
  function syncAll(root) {
    (root || document).querySelectorAll('tr.batch-row').forEach(syncRow);
  }
  function setYes(row, onlyUnanswered) {
    var groups = {};
    row.querySelectorAll('input[data-check]').forEach(function (input) { groups[input.name] = true; });
    Object.keys(groups).forEach(function (name) {
      var chosen = row.querySelector('input[name="' + name + '"]:checked');
      if (onlyUnanswered && chosen) { return; }
      var yes = row.querySelector('input[name="' + name + '"][data-check="yes"]');
      if (yes) { yes.checked = true; }
    });
    syncRow(row);
  }

  document.addEventListener('change', function (evt) {
    var row = evt.target.closest && evt.target.closest('tr.batch-row');
    if (row) { syncRow(row); }
  });
  document.addEventListener('input', function (evt) {
    if (evt.target.matches && evt.target.matches('[data-note]')) { syncRow(evt.target.closest('tr.batch-row')); }
  });
  document.addEventListener('click', function (evt) {
    var rowOk = evt.target.closest && evt.target.closest('[data-row-ok]');
    if (rowOk) {
      evt.preventDefault();
      setYes(rowOk.closest('tr.batch-row'), false);
      return;
    }
    var allOk = evt.target.closest && evt.target.closest('[data-all-ok]');
    if (allOk) {
      // 全部合格: every check not yet chosen on a row never reviewed becomes 是; a 否 chosen stays (as on the server)
      evt.preventDefault();
      allOk.form.querySelectorAll('tr.batch-row').forEach(function (row) {
        var version = row.querySelector('input[name$=".version"]');
        if (version && version.value === '') { setYes(row, true); }
      });
    }
  });

  // Squad leader's assignment: "select all" ticks every row's box.
  document.addEventListener('change', function (evt) {
    if (evt.target.matches && evt.target.matches('[data-select-all]')) {
      var form = evt.target.form || document;
      form.querySelectorAll('input[data-select-row]').forEach(function (box) { box.checked = evt.target.checked; });
    }
  });

  document.addEventListener('DOMContentLoaded', function () { syncAll(document); });
  document.addEventListener('htmx:afterSwap', function (evt) { syncAll(evt.detail.target.parentNode || document); });
})();
