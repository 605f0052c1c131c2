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
