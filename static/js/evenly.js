// Evenly's browser script: the live connection, the Pause shortcut and quick exit.
// Events carry a type and ids only; whatever changed is re-fetched from the server.
(function () {
  "use strict";

  var body = document.body;

  // ---- Quick exit: the button, or Esc pressed twice ----
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    try { sessionStorage.setItem("evenly-exited", "1"); } catch (e) { /* ignore */ }
    document.documentElement.style.visibility = "hidden";
    location.replace("/list/");
  }
  // Delegated, so the copy inside a freshly fetched pause notice works too.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("#quick-exit, [data-quick-exit]")) { quickExit(event); }
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var now = Date.now();
      if (now - lastEscape < 800) { quickExit(event); }
      lastEscape = now;
    }
    // Pause: Alt+Shift+P from anywhere, even while typing.
    if (event.altKey && event.shiftKey && (event.code === "KeyP" || event.key === "P" || event.key === "p")) {
      var button = document.getElementById("pause-button");
      if (button) { event.preventDefault(); button.form.requestSubmit(button); }
    }
  });

  // ---- Time zone for a new shared space ----
  document.querySelectorAll("[data-timezone-form] input[name=timezone]").forEach(function (input) {
    try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (e) { /* keep UTC */ }
  });

  // ---- Pause layer: re-fetched on any pause event and after reconnecting ----
  var layer = document.getElementById("pause-layer");
  var layerUrl = body.getAttribute("data-live");
  // While the partner's pause notice covers the screen, everything behind it
  // is inert: keyboard and screen-reader users stay in the notice (which has
  // its own quick exit), just as everyone else does.
  function showPaused(paused) {
    body.classList.toggle("is-paused", paused);
    Array.prototype.forEach.call(body.children, function (region) {
      if (region.id !== "pause-layer" && region.id !== "live-status" && region.tagName !== "SCRIPT") {
        region.inert = paused;
      }
    });
  }
  function refreshPauseLayer() {
    if (!layer || !layerUrl) { return Promise.resolve(); }
    return fetch(layerUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (response.redirected || !response.ok) { return null; }
        return response.text();
      })
      .then(function (html) {
        if (html === null) { return; }
        var wasPaused = !!layer.querySelector(".pause-notice");
        layer.innerHTML = html;
        var notice = layer.querySelector(".pause-notice");
        showPaused(!!notice);
        if (notice && !wasPaused) {
          var title = notice.querySelector("h2");
          if (title) { title.focus(); }
        }
      })
      .catch(function () { /* offline: the next reconnect catches up */ });
  }
  showPaused(!!(layer && layer.querySelector(".pause-notice")));

  function announce(text) {
    var status = document.getElementById("live-status");
    if (status) { status.textContent = text; }
  }

  function handle(message) {
    var name = message.event;
    if (name === "pong") { return; }
    if (name.indexOf("timeout.") === 0 || name === "agreements.repair") { refreshPauseLayer(); }
    if (name.indexOf("pause.") === 0) {
      refreshPauseLayer();
      if (name === "pause.lifted") { announce(body.dataset.pauseLiftedMessage || ""); }
    }
    // Any region that wants to follow an event listens for it on the body.
    body.dispatchEvent(new CustomEvent("evenly:" + name, { detail: message.ids }));
    body.dispatchEvent(new CustomEvent("evenly:event", { detail: message }));
  }

  // ---- The live connection, with backoff and catch-up ----
  if (!layerUrl || !("WebSocket" in window)) { return; }
  var attempt = 0;
  var socket = null;
  var pingTimer = null;

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/");
    socket.addEventListener("open", function () {
      var reconnected = attempt > 0 || body.hasAttribute("data-live-was-open");
      attempt = 0;
      body.setAttribute("data-live-was-open", "");
      body.setAttribute("data-live-state", "open");
      if (reconnected) {
        // Catch up on whatever happened while the connection was down.
        refreshPauseLayer();
        body.dispatchEvent(new CustomEvent("evenly:resync"));
      }
      clearInterval(pingTimer);
      pingTimer = setInterval(function () {
        if (socket.readyState === WebSocket.OPEN) { socket.send('{"type":"ping"}'); }
      }, 25000);
    });
    socket.addEventListener("message", function (event) {
      try { handle(JSON.parse(event.data)); } catch (e) { /* ignore malformed */ }
    });
    socket.addEventListener("close", function (event) {
      body.setAttribute("data-live-state", "closed");
      clearInterval(pingTimer);
      if (event.code === 4401) { return; } // Signed out: nothing to follow.
      attempt += 1;
      var delay = Math.min(30000, 500 * Math.pow(2, attempt - 1)) * (0.75 + Math.random() * 0.5);
      setTimeout(connect, delay);
    });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { refreshPauseLayer(); }
  });
  connect();
})();

// ---- The coach: "Use this wording" swaps the flagged sentence for the chosen reframe ----
// Each reframe is a whole sentence, so it replaces the sentence that holds the
// flagged words (found again if the text moved on). The caret then sits at the
// end of the new wording, ready for the author to change it in their own words.
// "Keep my wording" hides the suggestions until the text changes again.
function coachSentenceAround(text, start, end) {
  "use strict";
  var from = start;
  while (from > 0 && !/[.!?\n]/.test(text.charAt(from - 1))) { from -= 1; }
  while (from < start && /\s/.test(text.charAt(from))) { from += 1; }
  var to = end;
  while (to < text.length && !/[.!?\n]/.test(text.charAt(to))) { to += 1; }
  while (to < text.length && /[.!?]/.test(text.charAt(to))) { to += 1; }
  return [from, to];
}
document.addEventListener("click", function (event) {
  "use strict";
  var dismiss = event.target.closest && event.target.closest("[data-coach-dismiss]");
  if (dismiss) {
    var panel = dismiss.closest(".coach");
    var box = panel && document.querySelector("[aria-describedby~='" + panel.id + "']");
    if (panel) { panel.innerHTML = ""; }
    if (box) { box.focus(); }
    return;
  }
  var button = event.target.closest && event.target.closest("[data-coach-apply]");
  if (!button) { return; }
  var field = document.getElementById(button.getAttribute("data-target"));
  if (!field) { return; }
  var start = parseInt(button.getAttribute("data-start"), 10);
  var end = parseInt(button.getAttribute("data-end"), 10);
  var excerpt = button.getAttribute("data-excerpt");
  var suggestion = button.getAttribute("data-suggestion");
  var text = field.value;
  if (text.slice(start, end) !== excerpt) {
    start = text.indexOf(excerpt);
    end = start + excerpt.length;
  }
  if (start < 0) {
    field.value = text + (text && !/\s$/.test(text) ? " " : "") + suggestion;
    start = field.value.length - suggestion.length;
  } else {
    var sentence = coachSentenceAround(text, start, end);
    start = sentence[0];
    var after = text.slice(sentence[1]);
    field.value = text.slice(0, start) + suggestion + (after && !/^\s/.test(after) ? " " : "") + after;
  }
  field.focus();
  field.setSelectionRange(start + suggestion.length, start + suggestion.length);
  field.dispatchEvent(new Event("input", { bubbles: true }));
});

// ---- Consent: a calm word on any page when the partner asks to slow down ----
// Pages that show the partner's signal themselves follow it live; everywhere
// else a small notice appears when their colour changes to yellow.
(function () {
  "use strict";
  var body = document.body;
  if (!body.getAttribute("data-live")) { return; }
  var toast = document.createElement("div");
  toast.className = "consent-toast";
  toast.setAttribute("role", "status");
  toast.setAttribute("aria-live", "polite");
  body.appendChild(toast);
  body.addEventListener("evenly:consent.signal", function () {
    if (document.getElementById("partner-signal")) { toast.innerHTML = ""; return; }
    fetch("/consent/signal/notice/", { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : ""; })
      .then(function (html) { toast.innerHTML = html.trim(); })
      .catch(function () { /* offline: the signal page catches up */ });
  });
  toast.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-consent-dismiss]")) { toast.innerHTML = ""; }
  });
})();
// ---- end consent ----

// ---- I need a moment: the partner sees only that a moment is being taken ----
// The notice is fetched from the server (it holds no words of the partner's),
// when the partner starts or ends a moment, after reconnecting, and on load.
(function () {
  "use strict";
  var body = document.body;
  if (!body.getAttribute("data-live") || !document.getElementById("moment-button")) { return; }
  var region = document.createElement("div");
  region.className = "moment-toast";
  region.id = "moment-notice";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  body.appendChild(region);
  function refresh() {
    fetch("/journal/moment/notice/", { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : ""; })
      .then(function (html) { region.innerHTML = html.trim(); })
      .catch(function () { /* offline: the next reconnect catches up */ });
  }
  body.addEventListener("evenly:journal.breather", refresh);
  body.addEventListener("evenly:resync", refresh);
  refresh();
})();
// ---- end moment ----

// ---- Offline page: a tiny service worker that keeps only that page ----
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  window.addEventListener("load", function () {
    "use strict";
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* optional */ });
  });
}

// ---- Pages that follow a shared thing (a decision, an experiment) ----
// When it changes, the page redraws itself for both partners at once, so a
// reveal needs no click. If something is being typed on the page, nothing is
// replaced: the page's own calm note offers the latest instead.
(function () {
  "use strict";
  var body = document.body;
  var marker = document.querySelector("[data-follow-page]");
  if (!marker || !body.getAttribute("data-live")) { return; }
  function typing(root) {
    return Array.prototype.some.call(root.querySelectorAll("textarea, input, select"), function (field) {
      if (field.type === "hidden" || field.type === "submit") { return false; }
      if (field.type === "checkbox" || field.type === "radio") { return field.checked !== field.defaultChecked; }
      if (field.tagName === "SELECT") {
        return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return field.value !== field.defaultValue;
    });
  }
  var pending = null;
  function redraw() {
    var main = document.getElementById("main");
    if (!main || typing(main)) { return; }
    if (pending) { return; }
    pending = fetch(location.pathname + location.search, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
      .then(function (html) {
        pending = null;
        if (html === null || typing(main)) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
        if (!fresh) { return; }
        var focusedId = document.activeElement && document.activeElement.id;
        main.innerHTML = fresh.innerHTML;
        if (window.htmx) { window.htmx.process(main); }
        var again = focusedId && document.getElementById(focusedId);
        if (again) { again.focus(); }
        var status = document.getElementById("live-status");
        if (status) { status.textContent = marker.getAttribute("data-follow-announce") || ""; }
      })
      .catch(function () { pending = null; });
  }
  marker.getAttribute("data-follow-page").split(" ").forEach(function (name) {
    body.addEventListener("evenly:" + name, redraw);
  });
  body.addEventListener("evenly:resync", redraw);
})();
// ---- Agreements: a repair statement from the partner, on any page ----
// While a pause is on, it appears inside the pause notice instead.
(function () {
  "use strict";
  var body = document.body;
  if (!body.getAttribute("data-live")) { return; }
  var toast = document.createElement("div");
  toast.className = "repair-toast";
  toast.setAttribute("role", "status");
  toast.setAttribute("aria-live", "polite");
  body.appendChild(toast);
  body.addEventListener("evenly:agreements.repair", function () {
    if (body.classList.contains("is-paused") || document.getElementById("pause-companion")) { toast.innerHTML = ""; return; }
    fetch("/agreements/repairs/received/", { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : ""; })
      .then(function (html) { toast.innerHTML = html.trim(); })
      .catch(function () { /* offline: the agreements page catches up */ });
  });
})();
// ---- end agreements ----

// ---- Keyboard focus survives a region being redrawn ----
// When htmx swaps in a fresh copy of the region that holds the focus (an
// answer on the curiosity list, a live card), the same control gets it back.
(function () {
  "use strict";
  var remembered = null;
  function describe(element) {
    if (element.id) { return "#" + CSS.escape(element.id); }
    if (element.name) {
      var selector = element.tagName.toLowerCase() + '[name="' + CSS.escape(element.name) + '"]';
      if (element.value) { selector += '[value="' + CSS.escape(element.value) + '"]'; }
      return selector;
    }
    return null;
  }
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var active = document.activeElement;
    var target = event.detail && event.detail.target;
    remembered = null;
    if (active && active !== document.body && target && target.contains(active)) {
      remembered = { target: target.id, selector: describe(active) };
    }
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    if (!remembered || !remembered.selector) { return; }
    var scope = (remembered.target && document.getElementById(remembered.target)) || document;
    var again = scope.querySelector(remembered.selector);
    remembered = null;
    if (again && document.activeElement !== again) { again.focus({ preventScroll: true }); }
  });
})();

// ---- Pages that move on by themselves ----
// An element with data-go-on="event names" and data-go="path" takes the page
// there when one of those events arrives: the invitation page once the
// partner has joined, any shared page once the shared space has ended.
(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll("[data-go-on]").forEach(function (element) {
    element.getAttribute("data-go-on").split(" ").forEach(function (name) {
      body.addEventListener("evenly:" + name, function () { location.assign(element.getAttribute("data-go")); });
    });
  });
})();
