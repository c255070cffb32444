// plan serve — the what-if of a scenario page: each change is sent to the API, the figures
// (with their change from the scenario as written), the charts and the new warnings are
// updated in place; a value the scenario would refuse is shown beside its field; "save as
// variant" writes a new scenario file. Plain JavaScript, nothing fetched from elsewhere.
(function () {
  "use strict";
  var form = document.getElementById("whatif");
  if (!form) return;
  var id = form.getAttribute("data-scenario");
  var status = document.getElementById("status");
  var french = document.documentElement.lang === "fr";
  var timer = null;
  var sent = 0;

  // The changes: every named field whose value differs from the scenario's.
  function changes() {
    var out = [];
    var inputs = form.querySelectorAll("input[name], select[name]");
    var statute = "", from = "";
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.name === "statute") { statute = el.value; continue; }
      if (el.name === "statute_from") { from = el.value; continue; }
      if (el.type === "checkbox") { if (el.checked) out.push({ path: el.name, value: 1 }); continue; }
      if (el.tagName === "SELECT") {
        var initial = el.querySelector("option[selected]");
        if (initial && initial.value === el.value) continue;
      } else if (el.value === el.defaultValue) continue;
      if (el.getAttribute("data-text")) { out.push({ path: el.name, value: el.value }); continue; }
      var v = parseFloat(el.value);
      if (isNaN(v)) continue;
      if (el.getAttribute("data-percent")) v = v / 100;
      out.push({ path: el.name, value: v });
    }
    if (statute && from) out.push({ path: "statute." + from, value: statute });
    return out;
  }

  function format(x, sign) {
    var text = new Intl.NumberFormat(french ? "fr-FR" : "en-GB",
      { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
    return sign && x > 0 ? "+" + text : text;
  }

  function clearFieldErrors() {
    var marked = form.querySelectorAll(".invalid");
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove("invalid");
    var notes = form.querySelectorAll(".field-error");
    for (var j = 0; j < notes.length; j++) notes[j].parentNode.removeChild(notes[j]);
  }

  // A refused change: its message beside its field (the statute's beside the statute).
  function showError(error) {
    var path = error.path || "";
    var name = path.indexOf("statute.") === 0 ? "statute" : path;
    var field = name ? form.querySelector("[name='" + name.replace(/'/g, "") + "']") : null;
    if (!field) { status.textContent = error.message; status.className = "error"; return; }
    status.textContent = ""; status.className = "";
    field.classList.add("invalid");
    var note = document.createElement("span");
    note.className = "field-error";
    note.setAttribute("role", "alert");
    note.textContent = error.message;
    field.parentNode.appendChild(note);
  }

  function show(answer) {
    var cells = document.querySelectorAll("#figures a[data-key]");
    for (var i = 0; i < cells.length; i++) {
      var key = cells[i].getAttribute("data-key"), period = cells[i].getAttribute("data-period");
      var v = answer.figures[key] && answer.figures[key][period];
      var b = answer.base[key] && answer.base[key][period];
      if (v === undefined || v === null) continue;
      cells[i].textContent = format(v);
      if (key === "lowest_cash" && answer.lowest_cash_month[period]) {
        cells[i].setAttribute("href", "/explain/" + encodeURIComponent(id) + "?line=cash&period=" + answer.lowest_cash_month[period]);
      }
      var delta = document.querySelector(".delta[data-key='" + key + "'][data-period='" + period + "']");
      var d = Math.round((v - b) * 100) / 100;
      delta.textContent = d === 0 ? "" : "Δ " + format(d, true);
      delta.className = "delta" + (d > 0 ? " up" : d < 0 ? " down" : "");
    }
    var charts = document.getElementById("whatif-charts");
    charts.innerHTML = (answer.charts.reserves || "") + (answer.charts.cash || "");
    var list = document.getElementById("new-warnings");
    list.textContent = "";
    for (var w = 0; w < answer.warnings.length; w++) {
      var item = document.createElement("li");
      item.textContent = answer.warnings[w];
      list.appendChild(item);
    }
  }

  function recompute() {
    var mine = ++sent;
    status.textContent = "…"; status.className = "";
    fetch("/api/scenarios/" + encodeURIComponent(id) + "/whatif", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ changes: changes() })
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        if (mine !== sent) return;  // an answer to an older change
        clearFieldErrors();
        if (!r.ok) { showError(r.body.error); return; }
        status.textContent = ""; status.className = "";
        show(r.body);
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
        if (!r.ok && r.body.error.path) { clearFieldErrors(); showError(r.body.error); }
      });
  });
})();
