// Service worker: keeps the operator's pages usable without signal. Pages are
// fetched network-first and kept in the cache, so the last copy of Hari ini and
// of each result form opens offline. Writes never go through the cache: the
// page queues them in IndexedDB (offline.js).
const CACHE = "jemputbola-v1";
const SHELL = self.location.search ? JSON.parse(decodeURIComponent(self.location.search.slice(7))) : [];

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok && !res.redirected) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })
      .catch(() =>
        caches.match(req).then((hit) => hit || new Response(
          "<!DOCTYPE html><meta charset=utf-8><title>Offline</title><p>Tidak ada sinyal dan halaman ini belum tersimpan di perangkat.</p>",
          { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }))
      )
  );
});
