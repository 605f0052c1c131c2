// Small progressive enhancements; every page works without this file.
// htmx sends the CSRF token with every request it makes.
document.addEventListener("htmx:configRequest", function (e) {
  var m = document.querySelector('meta[name="csrf-token"]');
  if (m) e.detail.headers["X-CSRF-Token"] = m.content;
});
// Forms and buttons marked data-confirm ask before they act.
document.addEventListener("submit", function (e) {
  var msg = e.target.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) e.preventDefault();
});
// Letter pages: the Cetak button opens the print dialog.
document.addEventListener("click", function (e) {
  if (e.target.closest && e.target.closest("[data-print]")) window.print();
});

// Upload progress: a form with a <progress id="upload-progress"> shows how much
// of a large file has been sent.
document.addEventListener("htmx:xhr:progress", function (e) {
  var bar = document.getElementById("upload-progress");
  if (bar && e.detail.lengthComputable) {
    bar.value = Math.round((e.detail.loaded / e.detail.total) * 100);
  }
});

// Signing out of a shared tablet: the pages kept for offline use show this
// operator's visits, so they are dropped before the next person signs in.
// Unsent results stay queued (offline.js): they are still this tablet's work.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (form.getAttribute("action") !== "/logout" || !("caches" in window) || form.dataset.cleared) return;
  e.preventDefault();
  caches.keys()
    .then(function (keys) { return Promise.all(keys.map(function (k) { return caches.delete(k); })); })
    .finally(function () { form.dataset.cleared = "1"; form.submit(); });
});
