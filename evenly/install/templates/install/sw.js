// Keeps only the offline page, and shows it when a page can't be reached.
"use strict";
var CACHE = "evenly-offline-v1";
var OFFLINE = "{{ offline }}";
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.add(new Request(OFFLINE, { cache: "reload" })); }));
  self.skipWaiting();
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (event) {
  if (event.request.mode !== "navigate") { return; }
  event.respondWith(fetch(event.request).catch(function () {
    return caches.open(CACHE).then(function (cache) { return cache.match(OFFLINE); });
  }));
});
