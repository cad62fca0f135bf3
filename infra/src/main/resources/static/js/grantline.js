// Progressive help for the request form: the Duration select offers only what the chosen entitlement allows.
// Without JavaScript every page still works; the server refuses a duration longer than the entitlement's maximum.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select[data-durations]").forEach(function (entitlements) {
    var durations = document.getElementById(entitlements.dataset.durations);
    if (!durations) { return; }
    function limit() {
      var chosen = entitlements.options[entitlements.selectedIndex];
      var max = chosen && chosen.dataset.maxMinutes ? Number(chosen.dataset.maxMinutes) : Infinity;
      var selectedFits = false;
      Array.prototype.forEach.call(durations.options, function (option) {
        var fits = Number(option.dataset.minutes) <= max;
        option.hidden = !fits;
        option.disabled = !fits;
        if (fits && option.selected) { selectedFits = true; }
      });
      if (!selectedFits) {
        var fitting = Array.prototype.filter.call(durations.options, function (o) { return !o.disabled; });
        if (fitting.length) { fitting[fitting.length - 1].selected = true; }
      }
    }
    entitlements.addEventListener("change", limit);
    limit();
  });
});
