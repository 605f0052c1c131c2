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
// The menu scrolls sideways on narrow screens: show the current page's item,
// and fade the edge while more items lie beyond it.
(function () {
  var nav = document.querySelector(".nav");
  if (!nav) return;
  var active = nav.querySelector("a.active");
  if (active) nav.scrollLeft = active.offsetLeft - (nav.clientWidth - active.offsetWidth) / 2;
  var edge = function () { nav.classList.toggle("more", nav.scrollLeft + nav.clientWidth < nav.scrollWidth - 4); };
  nav.addEventListener("scroll", edge, { passive: true });
  window.addEventListener("resize", edge);
  edge();
})();
// A printed page shows what its closed sections hold.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; });
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

// markField shows msg ("" for none) on a form field: the browser will not
// submit or queue the form while any field carries one, and the message
// stands under the field, where the eye is.
function markField(el, msg) {
  el.setCustomValidity(msg);
  var field = el.closest(".field");
  if (!field) return;
  var live = field.querySelector("[data-live-error]");
  if (msg && !live) {
    live = document.createElement("p");
    live.className = "error";
    live.setAttribute("data-live-error", "");
    live.id = el.id + "-live";
    field.append(live);
    el.setAttribute("aria-describedby", live.id);
  }
  if (live) live.textContent = msg;
  if (live && !msg) live.remove();
  field.classList.toggle("has-error", !!msg);
  el.setAttribute("aria-invalid", msg ? "true" : "false");
}

// Result forms check live what the server checks on save, with its messages
// (data-msg-*): activations and failures within people served, e-KTP
// recordings within people served, out-of-area within activations.
function checkResult(form) {
  var value = function (name) { var el = form.elements[name]; return el && el.value.trim() !== "" ? parseInt(el.value, 10) || 0 : null; };
  var failures = 0;
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && el.name.indexOf("failures.") === 0) failures += parseInt(el.value, 10) || 0;
  });
  var served = value("people_served"), act = value("activations"), ektp = value("ektp_recorded"), out = value("out_of_area");
  var rules = [
    ["people_served", served !== null && (act || 0) + failures > served, form.dataset.msgServed],
    ["ektp_recorded", served !== null && ektp !== null && ektp > served, form.dataset.msgEktp],
    ["out_of_area", act !== null && out !== null && out > act, form.dataset.msgOut],
  ];
  var shown = [];
  rules.forEach(function (r) {
    var el = form.elements[r[0]];
    if (!el) return;
    markField(el, r[1] ? r[2] : "");
    if (r[1]) shown.push(r[2]);
  });
  var p = form.querySelector("[data-result-problem]");
  if (p) {
    p.textContent = shown.join(" ");
    p.hidden = shown.length === 0;
  }
}

// Forms whose free text residents' numbers could reach carry the server's
// rules (data-pii, from internal/pii): a NIK, a KK number or a resident's
// phone number in a text box is refused before the form is sent or queued.
function checkPII(form) {
  var rules = JSON.parse(form.dataset.pii).map(function (r) { return { re: new RegExp(r.pattern, r.flags), message: r.message }; });
  form.querySelectorAll("[name=notes], [name=reason], [name=note], [name=comment]").forEach(function (el) {
    var hit = rules.find(function (r) { return r.re.test(el.value); });
    markField(el, hit ? hit.message : "");
  });
}
document.addEventListener("input", function (e) {
  var form = e.target.form;
  if (form && form.hasAttribute("data-result-check")) checkResult(form);
  if (form && form.hasAttribute("data-pii")) checkPII(form);
});

// The visit form warns as soon as the date chosen is a day off; the server
// sends the coming year's days off with the form and warns again on saving.
(function () {
  var box = document.getElementById("day-warning"), day = document.getElementById("f-day");
  if (!box || !day) return;
  var off = JSON.parse(box.getAttribute("data-days-off") || "{}");
  day.addEventListener("change", function () {
    var msg = off[day.value] || "";
    box.textContent = msg;
    box.hidden = msg === "";
  });
})();

// Coverage map: tapping, clicking or pressing Enter on an area opens a panel
// with its figures and a link to its page, since touch screens show no
// tooltip; Escape or the close button shuts it. Without this file the area
// is a plain link to that page.
document.addEventListener("click", function (e) {
  var card = e.target.closest && e.target.closest(".map-card");
  if (!card) return;
  var panel = card.querySelector(".map-panel");
  if (!panel) return;
  if (e.target.closest(".map-panel-close")) return closeMapPanel(panel);
  var area = e.target.closest("svg.covmap a[data-code]");
  if (!area) return;
  e.preventDefault();
  var previous = card.querySelector("svg.covmap a.selected");
  if (previous) previous.classList.remove("selected");
  area.classList.add("selected");
  panel.querySelector("[data-panel-name]").textContent = area.dataset.name;
  panel.querySelector("[data-panel-figures]").textContent = area.dataset.figures;
  var link = panel.querySelector("[data-panel-link]");
  link.setAttribute("href", area.getAttribute("href"));
  panel.hidden = false;
  panel.opener = area;
  link.focus({ preventScroll: true });
});
document.addEventListener("keydown", function (e) {
  if (e.key !== "Escape") return;
  var panel = document.querySelector(".map-panel:not([hidden])");
  if (panel) closeMapPanel(panel);
});
function closeMapPanel(panel) {
  panel.hidden = true;
  if (panel.opener) {
    panel.opener.classList.remove("selected");
    panel.opener.focus();
  }
}
