// plan serve — the what-if of a scenario page: each change is sent to the API and the
// figures are updated in place; "save as variant" writes a new scenario file. Plain
// JavaScript, nothing fetched from elsewhere.
(function () {
  "use strict";
  var form = document.getElementById("whatif");
  if (!form) return;
  var id = form.getAttribute("data-scenario");
  var status = document.getElementById("status");
  var timer = null;

  function changes() {
    var out = [];
    var inputs = form.querySelectorAll("input[name], select[name]");
    var statute = "", from = "";
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.name === "statute") { statute = el.value; continue; }
      if (el.name === "statute_from") { from = el.value; continue; }
      if (el.type === "checkbox") { if (el.checked) out.push({ path: el.name, value: 1 }); continue; }
      if (el.value === el.defaultValue) continue;
      var v = parseFloat(el.value);
      if (isNaN(v)) continue;
      if (el.getAttribute("data-percent")) v = v / 100;
      out.push({ path: el.name, value: v });
    }
    if (statute && from) out.push({ path: "statute." + from, value: statute });
    return out;
  }

  function format(x) {
    return new Intl.NumberFormat(document.documentElement.lang === "fr" ? "fr-FR" : "en-GB",
      { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
  }

  function recompute() {
    status.textContent = "…";
    fetch("/api/scenarios/" + encodeURIComponent(id) + "/run", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ changes: changes() })
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        if (!r.ok) { status.textContent = r.body.error.message; status.className = "error"; return; }
        status.textContent = ""; status.className = "";
        var cells = document.querySelectorAll("#figures a[data-key]");
        for (var i = 0; i < cells.length; i++) {
          var key = cells[i].getAttribute("data-key"), period = cells[i].getAttribute("data-period");
          var v = null;
          if (key === "lowest_cash") v = r.body.indicators.lowest_cash && r.body.indicators.lowest_cash[period];
          else if (key === "taxe_salaires") v = null;
          else v = r.body.indicators[key] && r.body.indicators[key][period];
          if (v !== null && v !== undefined) cells[i].textContent = format(v);
        }
      });
  }

  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(recompute, 150); });
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(recompute, 50); });

  var save = document.getElementById("save");
  save.addEventListener("submit", function (event) {
    event.preventDefault();
    var saved = document.getElementById("saved");
    fetch("/api/scenarios/" + encodeURIComponent(id) + "/variants", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + save.elements.token.value },
      body: JSON.stringify({ name: save.elements.name.value, changes: changes() })
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        saved.className = r.ok ? "" : "error";
        saved.textContent = r.ok ? ("✓ " + r.body.file) : r.body.error.message;
      });
  });
})();
