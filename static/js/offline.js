// Offline queue for the field work: visit results, Mulai and corrections. Each
// goes into IndexedDB first, then is sent to the API (POST /api/v1/results,
// /api/v1/visits/ID/start, /api/v1/visits/ID/correction, all safe to replay);
// it is marked sent only when the server has stored it or already had it. A result the server refuses
// (422, 403, 409) stays, marked with the server's reason, for the operator to
// fix; a network failure or a 5xx is retried, backing off from a few seconds.
// Nothing is dropped.
//
// Each queued result belongs to the user who queued it (meta jb-user): it is
// sent only under that user's session, so on a shared tablet the next person
// signing in never sends it, and signing out keeps it for its owner.
//
// The page tells tests what happened without timers: <html data-offline="ready">
// once the worker runs and the pages are kept, data-synced="N" after each sync.
(function () {
  if (!("indexedDB" in window)) return;
  const DB = "jemputbola", STORE = "results";
  const userMeta = document.querySelector('meta[name="jb-user"]');
  const me = userMeta ? userMeta.content : "";
  const SENT_KEPT_MS = 24 * 3600 * 1000; // a sent result shows as sent on its card for a day
  const root = document.documentElement;

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
  const mine = () => all().then((items) => items.filter((i) => i.user === me));
  const waiting = (i) => !i.rejected && !i.sent_at;

  function csrf() {
    const m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.content : "";
  }
  const clock = (ms) => new Date(ms).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
  const lastSyncKey = "jb-last-sync:" + me;

  // How many of my results wait; read by the sign-out guard, which cannot wait.
  let pendingMine = 0;

  function show() {
    return mine().then((items) => {
      pendingMine = items.filter(waiting).length;
      document.querySelectorAll("[data-pending-count]").forEach((el) => { el.textContent = String(pendingMine); });
      const box = document.getElementById("sync-status");
      if (box) box.hidden = items.filter((i) => !i.sent_at).length === 0;
      const last = localStorage.getItem(lastSyncKey);
      document.querySelectorAll("[data-last-sync]").forEach((el) => {
        el.textContent = last ? "Sinkron terakhir pukul " + clock(Number(last)) + "." : "Belum pernah sinkron dari tablet ini.";
      });
      const list = document.getElementById("sync-rejected");
      if (list) {
        list.replaceChildren(...items.filter((i) => i.rejected).map((i) => {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = "/kunjungan/" + i.visit_id + "/hasil";
          a.textContent = (i.site || "Hasil kunjungan") + ": " + Object.values(i.errors || {}).join(" ") + " Perbaiki lalu simpan lagi.";
          li.append(a);
          return li;
        }));
      }
      const rank = (i) => ({ start: 2, correct: 1 })[i.kind] || 0; // a result says most
      document.querySelectorAll(".visit-card[data-visit-id]").forEach((card) => {
        const item = items.filter((i) => String(i.visit_id) === card.dataset.visitId).sort((a, b) => rank(a) - rank(b))[0];
        let state = card.querySelector("[data-sync-state]");
        if (!item) { if (state) state.remove(); return; }
        if (!state) {
          state = document.createElement("p");
          state.dataset.syncState = "";
          card.querySelector(".actions").before(state);
        }
        const what = { start: "Mulai", correct: "Koreksi" }[item.kind] || "Hasil";
        if (item.kind === "start" && !item.sent_at) card.querySelectorAll('form[action$="/mulai"]').forEach((f) => { f.hidden = true; });
        if (item.sent_at) {
          state.className = "sync-state sent";
          state.textContent = what + " terkirim ke server pukul " + clock(item.sent_at) + ".";
        } else if (item.rejected) {
          state.className = "sync-state rejected";
          state.textContent = what + " ditolak server: " + Object.values(item.errors || {}).join(" ") + " Buka hasilnya untuk memperbaiki.";
        } else {
          state.className = "sync-state queued";
          state.textContent = what + " menunggu sinkron: tersimpan di tablet pukul " + clock(item.queued_at) + (item.retry_note ? "; " + item.retry_note : ".");
        }
      });
    });
  }

  // Retries back off: 3 s, 6 s, 12 s … up to a minute; any success or the
  // browser coming online starts again from the first.
  let failures = 0, retry = null, flushes = 0, flushing = null;
  function schedule() {
    clearTimeout(retry);
    retry = setTimeout(flush, Math.min(3000 * 2 ** failures, 60000));
  }

  // Where each kind of queued work goes; a result has no kind (the first kind).
  function target(item) {
    if (item.kind === "start") return "/api/v1/visits/" + item.visit_id + "/start";
    if (item.kind === "correct") return "/api/v1/visits/" + item.visit_id + "/correction";
    return "/api/v1/results";
  }

  function send(item) {
    return fetch(target(item), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: JSON.stringify(item.body || {}),
    }).then((res) => {
      if (res.status === 200 || res.status === 201) {
        localStorage.setItem(lastSyncKey, String(Date.now()));
        return put(Object.assign(item, { sent_at: Date.now(), retry_note: "" })).then(() => true);
      }
      if (res.status === 401) {
        return put(Object.assign(item, { retry_note: "masuk lagi untuk mengirim" })).then(() => false);
      }
      if (res.status >= 400 && res.status < 500) {
        return res.json().catch(() => ({})).then((b) =>
          put(Object.assign(item, { rejected: true, errors: b.errors || { _: b.error || "Ditolak server." } }))).then(() => true);
      }
      return put(Object.assign(item, { retry_note: "server sibuk, dicoba lagi otomatis" })).then(() => false);
    }, () => put(Object.assign(item, { retry_note: "belum ada sinyal, dicoba lagi otomatis" })).then(() => false));
  }

  function flush() {
    if (flushing) return flushing;
    clearTimeout(retry);
    flushing = mine().then((items) => {
      const old = items.filter((i) => i.sent_at && Date.now() - i.sent_at > SENT_KEPT_MS);
      return Promise.all(old.map((i) => del(i.client_id))).then(() =>
        items.filter(waiting).reduce((p, item) => p.then((ok) => ok ? send(item) : false), Promise.resolve(true)));
    }).then((ok) => {
      failures = ok ? 0 : failures + 1;
      return mine();
    }).then((items) => { if (items.some(waiting)) schedule(); })
      .catch(() => { failures++; schedule(); })
      .then(show)
      .finally(() => { flushing = null; root.dataset.synced = String(++flushes); });
    return flushing;
  }

  // The result form: queue first, then try to send right away.
  function numbers(form) {
    const v = (n) => parseInt(form.elements[n] ? form.elements[n].value || "0" : "0", 10);
    const failures = {};
    for (const el of form.elements) {
      if (el.name && el.name.startsWith("failures.")) failures[el.name.slice(9)] = v(el.name);
    }
    return {
      client_id: form.elements.client_id ? form.elements.client_id.value : "", visit_id: v("visit_id"), activations: v("activations"),
      people_served: v("people_served"), ektp_recorded: v("ektp_recorded"), out_of_area: v("out_of_area"),
      failures: failures, notes: form.elements.notes.value,
      out_of_area_home: form.elements.out_of_area_home ? form.elements.out_of_area_home.value : "",
    };
  }
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (form.id !== "result-form" || !me) return;
    e.preventDefault();
    const body = numbers(form);
    put({ client_id: body.client_id, visit_id: body.visit_id, site: form.dataset.site || "", user: me, queued_at: Date.now(), body: body })
      .then(flush)
      .then(all)
      .then((items) => {
        const item = items.find((i) => i.client_id === body.client_id);
        if (item && item.sent_at) { window.location.href = "/hari-ini"; return; }
        if (item && item.rejected) { del(item.client_id).then(() => form.submit()); return; } // the server re-renders the form with its messages
        const note = document.getElementById("offline-saved");
        if (note) note.hidden = false;
        form.querySelector("button[type=submit]").disabled = true;
      });
  });

  // Mulai and corrections queue the same way; the visit is in the form's address.
  const visitOf = (form) => Number((form.getAttribute("action").match(/^\/kunjungan\/(\d+)\//) || [])[1]);
  document.addEventListener("submit", (e) => {
    const form = e.target;
    const action = form.getAttribute("action") || "";
    const kind = /^\/kunjungan\/\d+\/mulai$/.test(action) ? "start" : /^\/kunjungan\/\d+\/hasil\/koreksi$/.test(action) ? "correct" : "";
    if (!kind || !me) return;
    e.preventDefault();
    const visit = visitOf(form);
    const item = { client_id: kind + "-" + visit, kind: kind, visit_id: visit, user: me, queued_at: Date.now(), site: form.dataset.site || "" };
    if (kind === "correct") {
      item.body = Object.assign(numbers(form), { reason: form.elements.reason.value });
      delete item.body.client_id;
      delete item.body.visit_id;
    }
    put(item).then(flush).then(all).then((items) => {
      const now = items.find((i) => i.client_id === item.client_id);
      if (now && now.sent_at) {
        // A correction posts once more the normal way: the server has it
        // already (a replay stores nothing) and answers with its confirmation.
        if (kind === "correct") form.submit(); else window.location.href = "/hari-ini";
        return;
      }
      if (now && now.rejected && kind === "correct") { del(item.client_id).then(() => form.submit()); return; } // the server's messages on the form
      const note = form.querySelector("[data-queued-note]") || document.createElement("p");
      note.dataset.queuedNote = "";
      note.className = "warn";
      note.textContent = now && now.rejected ? Object.values(now.errors || {}).join(" ")
        : (kind === "start" ? "Mulai" : "Koreksi") + " tersimpan di tablet (menunggu sinkron) dan akan dikirim otomatis.";
      form.append(note);
    });
  });

  // Signing out with results still waiting: say so once, and keep them for
  // this user (they are sent when they sign in again). Runs before app.js's
  // sign-out handler, which clears the kept pages.
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (form.getAttribute("action") !== "/logout" || pendingMine === 0 || form.dataset.warned) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    form.dataset.warned = "1";
    const note = document.createElement("p");
    note.className = "warn signout-warning";
    note.setAttribute("role", "alert");
    note.textContent = pendingMine + " hasil Anda belum terkirim. Hasil itu tetap tersimpan di tablet ini untuk akun Anda " +
      "dan dikirim saat Anda masuk lagi; akun lain tidak akan mengirimnya. Klik Keluar sekali lagi untuk keluar.";
    (document.querySelector("main") || document.body).prepend(note);
  }, true);

  document.addEventListener("click", (e) => {
    if (e.target.closest && e.target.closest("[data-sync-now]")) { failures = 0; flush(); }
  });
  window.addEventListener("online", () => { failures = 0; flush(); });

  const unavailable = document.getElementById("offline-unavailable");
  if (unavailable) unavailable.hidden = window.isSecureContext;
  const shell = document.querySelector('meta[name="offline-shell"]');
  const worker = "serviceWorker" in navigator && window.isSecureContext
    ? navigator.serviceWorker.register("/sw.js" + (shell ? "?shell=" + encodeURIComponent(shell.content) : ""), { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
    : Promise.reject(new Error("no service worker"));
  // Keep the field pages (Hari ini, a result form) and the result forms of the
  // coming visits for use without signal; other pages the worker keeps as
  // they are opened.
  const pages = (document.querySelector("[data-offline-keep]") ? [location.pathname + location.search] : []).concat(
    Array.from(document.querySelectorAll("[data-offline-page]")).map((a) => a.getAttribute("href")));
  const kept = "caches" in window ? caches.open("jemputbola-v1").then((c) => c.addAll(pages)) : Promise.reject(new Error("no cache"));
  Promise.all([worker, kept]).then(() => { root.dataset.offline = "ready"; }, () => { root.dataset.offline = "unavailable"; });
  show().then(flush);
})();
