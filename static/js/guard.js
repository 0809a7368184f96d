// Runs before the page paints. After a quick exit, the back button must never
// bring Evenly back into view: any page reached by history navigation in this
// tab goes straight to the neutral page instead.
(function () {
  "use strict";
  var KEY = "evenly-exited";
  var nav = (performance.getEntriesByType && performance.getEntriesByType("navigation")[0]) || {};
  try {
    if (sessionStorage.getItem(KEY)) {
      if (nav.type === "back_forward") {
        document.documentElement.style.visibility = "hidden";
        location.replace("/list/");
        return;
      }
      sessionStorage.removeItem(KEY);
    }
  } catch (e) { /* storage disabled: nothing to guard */ }
  window.addEventListener("pageshow", function (event) {
    try {
      if (event.persisted && sessionStorage.getItem(KEY)) { location.replace("/list/"); }
    } catch (e) { /* ignore */ }
  });
})();
