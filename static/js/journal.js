// The feelings picker: a search box that narrows the chips as you type.
// Without this script every feeling is simply listed, grouped.
(function () {
  "use strict";
  var picker = document.querySelector("[data-feeling-picker]");
  if (!picker) { return; }
  var search = picker.querySelector("[data-feeling-search]");
  var input = document.getElementById("feeling-filter");
  var status = document.getElementById("feeling-filter-status");
  search.hidden = false;
  input.addEventListener("input", function () {
    var needle = input.value.trim().toLowerCase();
    var shown = 0;
    picker.querySelectorAll(".feeling-group").forEach(function (group) {
      var any = false;
      group.querySelectorAll(".chip").forEach(function (chip) {
        var match = !needle || chip.getAttribute("data-words").toLowerCase().indexOf(needle) >= 0;
        chip.hidden = !match && !chip.querySelector("input").checked;
        if (!chip.hidden) { any = true; shown += 1; }
      });
      group.hidden = !any;
    });
    var sentence = shown === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
    status.textContent = needle ? sentence.replace("__COUNT__", String(shown)) : "";
  });
})();
