// Offline queue for visit results. A saved result goes into IndexedDB first,
// then is sent to POST /api/v1/results; it leaves the queue only when the server
// has stored it (201) or already had it (200). A result the server rejects
// (422, 403, 409) stays, marked, for the operator to fix: nothing is dropped.
(function () {
  if (!("indexedDB" in window)) return;
  const DB = "jemputbola", STORE = "results";

  function open() {
    return new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: "client_id" });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }
  function tx(mode, fn) {
    return open().then((db) => new Promise((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const out = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(out && out.result);
      t.onerror = () => reject(t.error);
    }));
  }
  const all = () => tx("readonly", (s) => s.getAll());
  const put = (item) => tx("readwrite", (s) => s.put(item));
  const del = (id) => tx("readwrite", (s) => s.delete(id));

  function csrf() {
    const m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.content : "";
  }

  function show() {
    return all().then((items) => {
      const pending = items.filter((i) => !i.rejected).length;
      document.querySelectorAll("[data-pending-count]").forEach((el) => { el.textContent = String(pending); });
      const box = document.getElementById("sync-status");
      if (box) box.hidden = items.length === 0;
      const list = document.getElementById("sync-rejected");
      if (list) {
        list.replaceChildren(...items.filter((i) => i.rejected).map((i) => {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = "/kunjungan/" + i.visit_id + "/hasil";
          a.textContent = "Kunjungan #" + i.visit_id + ": " + Object.values(i.errors || {}).join(" ") + " (perbaiki lalu simpan lagi)";
          li.append(a);
          return li;
        }));
      }
    });
  }

  let flushing = false;
  function flush() {
    if (flushing) return Promise.resolve();
    flushing = true;
    return all().then((items) => items.filter((i) => !i.rejected).reduce((p, item) => p.then(() =>
      fetch("/api/v1/results", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify(item.body),
      }).then((res) => {
        if (res.status === 200 || res.status === 201) return del(item.client_id);
        if (res.status >= 400 && res.status < 500 && res.status !== 401) {
          return res.json().catch(() => ({})).then((b) =>
            put(Object.assign(item, { rejected: true, errors: b.errors || { _: b.error || "Ditolak server." } })));
        }
      }).catch(() => {})), Promise.resolve()))
      .finally(() => { flushing = false; return show(); });
  }

  // The result form: queue first, then try to send right away.
  function numbers(form) {
    const v = (n) => parseInt(form.elements[n] ? form.elements[n].value || "0" : "0", 10);
    const failures = {};
    for (const el of form.elements) {
      if (el.name && el.name.startsWith("failures.")) failures[el.name.slice(9)] = v(el.name);
    }
    return {
      client_id: form.elements.client_id.value, visit_id: v("visit_id"), activations: v("activations"),
      people_served: v("people_served"), ektp_recorded: v("ektp_recorded"), out_of_area: v("out_of_area"),
      failures: failures, notes: form.elements.notes.value,
    };
  }
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (form.id !== "result-form") return;
    e.preventDefault();
    const body = numbers(form);
    put({ client_id: body.client_id, visit_id: body.visit_id, body: body })
      .then(flush)
      .then(all)
      .then((items) => {
        const mine = items.find((i) => i.client_id === body.client_id);
        if (!mine) { window.location.href = "/hari-ini"; return; }
        if (mine.rejected) { form.submit(); return; } // the server re-renders the form with its messages
        const note = document.getElementById("offline-saved");
        if (note) note.hidden = false;
        form.querySelector("button[type=submit]").disabled = true;
      });
  });

  window.addEventListener("online", flush);
  setInterval(() => { if (navigator.onLine) flush(); }, 20000);
  const unavailable = document.getElementById("offline-unavailable");
  if (unavailable) unavailable.hidden = window.isSecureContext;
  if ("serviceWorker" in navigator && window.isSecureContext) {
    const shell = document.querySelector('meta[name="offline-shell"]');
    navigator.serviceWorker.register("/sw.js" + (shell ? "?shell=" + encodeURIComponent(shell.content) : ""), { scope: "/" });
  }
  // Keep the result forms of the coming visits for use without signal.
  const pages = Array.from(document.querySelectorAll("[data-offline-page]")).map((a) => a.getAttribute("href"));
  if (pages.length && "caches" in window) caches.open("jemputbola-v1").then((c) => c.addAll(pages)).catch(() => {});
  show().then(flush);
})();
