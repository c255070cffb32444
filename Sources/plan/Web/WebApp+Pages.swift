import Foundation
import Planner
import Scenarios

extension WebApp {
  func e(_ s: String) -> String { SVGChart.escape(s) }

  func page(_ title: String, _ body: String, script: Bool = false) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    out +=
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>\(e(title))</title>\n<link rel=\"icon\" href=\"data:,\"/>\n"
    out += "<style>\(BoardReport.style)\(Self.css)</style>\n</head>\n<body>\n"
    out += "<nav><a href=\"/\">\(e(m("web.home")))</a></nav>\n" + body
    if script { out += "<script src=\"/assets/app.js\"></script>\n" }
    return out + "</body>\n</html>\n"
  }

  static let css = """
    nav { margin-bottom: 1rem; } nav a { font-weight: bold; }
    form.whatif div.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .5rem 1rem; margin: .5rem 0; }
    form.whatif div.fields label { display: flex; flex-direction: column; font-size: .9rem; }
    form.whatif input, form.whatif select { font: inherit; padding: .2rem; }
    table.grants td input { width: 7rem; text-align: right; }
    form.whatif details { margin: .5rem 0; font-size: .9rem; }
    .error { color: #a8250d; font-weight: bold; }
    #status { min-height: 1.4em; }
    label.check { display: inline-flex; align-items: center; gap: .3rem; margin: .15rem 1rem .15rem 0; }
    """

  /// The scenarios of the workspace, each with its figures at the horizon.
  func homePage() throws -> String {
    var out = "<h1>\(e(m("web.scenarios")))</h1>\n<table class=\"figures\"><thead><tr><th></th>"
    for h in ["web.col.result", "web.col.reserves", "web.col.lowest"] { out += "<th scope=\"col\">\(e(m(h)))</th>" }
    out += "</tr></thead><tbody>\n"
    for entry in workspace.entries() {
      guard let path = try? workspace.path(of: entry.id), let s = try? ScenarioLoader.load(path),
        let p = try? Projection.run(s, ruleSet: ruleSet, legalLimitsAsWarnings: true, messages: m), let last = p.periods.last?.id
      else { continue }
      let low = p.treasury?.months.map(\.closing).min()
      out += "<tr><th scope=\"row\"><a href=\"/scenarios/\(entry.id)\">\(e(entry.title))</a> <small>(\(e(entry.id)))</small></th>"
      out += "<td>\(e(m.amount(p.indicators["result"]?[last] ?? 0)))</td><td>\(e(m.amount(p.indicators["reserves"]?[last] ?? 0)))</td>"
      out += "<td>\(e(low.map(m.amount) ?? "–"))</td></tr>\n"
    }
    out += "</tbody></table>\n"
    return page(m("web.title"), out)
  }

  /// One scenario: the what-if form, its figures (each a link to its explanation), saving a
  /// variant, then the report's sections for the scenario as written.
  func scenarioPage(_ id: String) throws -> String {
    let (s, p) = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      return (s, try Projection.run(s, ruleSet: self.ruleSet, legalLimitsAsWarnings: true, messages: self.m))
    }
    let open = p.periods.map(\.id).filter { s.actuals[$0] == nil }
    var out = "<h1>\(e(s.title))</h1>\n"
    // The figures that move, first, each linked to its explanation.
    out += "<table class=\"figures\" id=\"figures\"><thead><tr><th></th>"
    for ex in open { out += "<th scope=\"col\">\(e(ex))</th>" }
    out += "</tr></thead><tbody>\n"
    for (key, line, label) in [
      ("result", "resultat", "web.col.result"), ("reserves", "reserves", "web.col.reserves"), ("lowest_cash", "cash", "web.col.lowest"),
      ("taxe_salaires", "taxe_salaires_due", "web.col.taxe_salaires"),
    ] {
      out += "<tr><th scope=\"row\">\(e(m(label)))</th>"
      for ex in open {
        let value: Double
        switch key {
        case "lowest_cash": value = p.treasury?.periods[ex]?.lowestCash ?? 0
        case "taxe_salaires": value = p.evaluation.total("taxe_salaires_due", months: p.periods.first { $0.id == ex }!.monthIndices) ?? 0
        default: value = p.indicators[key]?[ex] ?? 0
        }
        let month = p.treasury?.periods[ex]?.lowestCashMonth ?? ex
        let target = key == "lowest_cash" ? "line=cash&period=\(month)" : "line=\(line)&period=\(ex)"
        out += "<td><a data-key=\"\(key)\" data-period=\"\(ex)\" href=\"/explain/\(e(id))?\(target)\">\(e(m.amount(value)))</a></td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n<p id=\"status\" role=\"status\"></p>\n"
    out += "<h2>\(e(m("web.whatif")))</h2>\n<form class=\"whatif\" id=\"whatif\" data-scenario=\"\(e(id))\">\n<div class=\"fields\">"
    out +=
      "<label>\(e(m("web.field.dues_rate")))<input name=\"dues.rate\" type=\"number\" step=\"0.01\" min=\"0\" max=\"100\" data-percent=\"1\" value=\"\(Self.plain(s.dues.rate * 100))\"/></label>\n"
    out += "<label>\(e(m("web.field.statute")))<select name=\"statute\"><option value=\"\">\(e(m("web.field.statute.same")))</option>"
    for st in StatuteComparison.statutes { out += "<option value=\"\(st)\">\(e(m("statute.\(st)")))</option>" }
    out += "</select></label>\n"
    let firstFrom = open.first.flatMap { ex in p.periods.first { $0.id == ex }?.from } ?? ""
    out += "<label>\(e(m("web.field.statute_from")))<input name=\"statute_from\" type=\"month\" value=\"\(firstFrom)\"/></label>\n</div>\n"
    // Each grant by exercise, in a table of inputs.
    out += "<table class=\"grants\"><thead><tr><th>\(e(m("web.field.grants")))</th>"
    for ex in open { out += "<th scope=\"col\">\(e(ex))</th>" }
    out += "</tr></thead><tbody>\n"
    for sub in s.subsidies {
      out += "<tr><th scope=\"row\">\(e(sub.name))</th>"
      for ex in open {
        out +=
          "<td><input aria-label=\"\(e(sub.name)) \(e(ex))\" name=\"subsidies.\(e(sub.id)).\(e(ex))\" type=\"number\" step=\"100\" min=\"0\" value=\"\(Self.plain(sub.amounts[ex] ?? 0))\"/></td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    // Positions of the open exercises that can be taken out (a company hosts no service civique volunteer).
    let firstOpen = Month(parsing: firstFrom)
    let last = p.evaluation.situation.timeline.months.last
    out += "<details><summary>\(e(m("web.field.remove")))</summary>"
    for position in s.positions where firstOpen.map({ position.end >= $0 }) ?? true {
      let end = position.end > last ? "…" : m.month(position.end)
      out +=
        "<label class=\"check\"><input type=\"checkbox\" name=\"positions.\(e(position.id)).remove\" value=\"1\"/>\(e(position.label.isEmpty ? position.id : position.label)) (\(e(position.contract)), \(e(m.month(position.start))) – \(e(end)))</label>"
    }
    out += "</details>\n</form>\n"
    out +=
      "<h2>\(e(m("web.save")))</h2>\n<form id=\"save\"><label>\(e(m("web.save.name"))) <input name=\"name\" pattern=\"[A-Za-z0-9_\\-]+\" required=\"required\"/></label> "
    out += "<label>\(e(m("web.save.token"))) <input name=\"token\" type=\"password\"/></label> "
    out += "<button type=\"submit\">\(e(m("web.save.button")))</button></form>\n<p id=\"saved\" role=\"status\"></p>\n"
    // The exports: the same bytes as plan export and plan report.
    let exports = [("web.export.csv", "export", "csv"), ("web.export.xlsx", "export", "xlsx"), ("web.export.report", "report", "html")]
    out +=
      "<p class=\"exports\">"
      + exports.map { "<a href=\"/api/scenarios/\(e(id))/\($0.1).\($0.2)?lang=\(language.rawValue)\">\(e(m($0.0)))</a>" }
      .joined(separator: " · ") + "</p>\n"
    let report = try diagnosed { () throws(DiagnosticList) in
      try BoardReport(scenarios: [s], ruleSet: self.ruleSet, statutes: false, draws: 0, seed: 42, threads: 1, messages: self.m, version: "")
    }
    out += report.body()
    return page(s.title, out, script: true)
  }

  /// Several scenarios side by side (`/compare?ids=a,b`), or one under each statute
  /// (`/statutes/ID`): the report's sections for them.
  func reportPage(_ ids: [String], statutes: Bool) throws -> String {
    guard (1...6).contains(ids.count) else { throw WebError(.badRequest, m("web.error.compare")) }
    let report = try diagnosed { () throws(DiagnosticList) in
      let scenarios = try ids.map { (id) throws(DiagnosticList) in try ScenarioLoader.load(try self.workspace.path(of: id)) }
      return try BoardReport(
        scenarios: scenarios, ruleSet: self.ruleSet, statutes: statutes, draws: 0, seed: 42, threads: 1, messages: self.m, version: "")
    }
    return page(m(statutes ? "web.statutes" : "web.compare"), report.body())
  }

  /// A parameter with its history: each dated value, its reference, why it is unconfirmed.
  func parameterPage(_ name: String) throws -> String {
    guard let parameter = ruleSet.parameters[name] else { throw WebError(.notFound, m("web.error.parameter", ["name": name])) }
    var out = "<h1>\(e(name))</h1>\n"
    if let d = parameter.description { out += "<p>\(e(d))</p>\n" }
    out += "<table class=\"parameters\"><thead><tr>"
    for h in ["report.parameters.from", "report.parameters.value", "report.parameters.reference"] {
      out += "<th scope=\"col\">\(e(m(h)))</th>"
    }
    out += "</tr></thead><tbody>\n"
    switch parameter.values {
    case .values(let values):
      for v in values {
        let value = m.number(v.value, digits: v.value == v.value.rounded() ? 0 : 4) + " \(parameter.unit)"
        let why = v.unconfirmed.map { " <strong>\(e(m("report.parameters.unconfirmed")))</strong> \(e($0))" } ?? ""
        out += "<tr><td>\(e(m.month(v.from)))</td><td>\(e(value))</td><td>\(e(v.reference ?? ""))\(why)</td></tr>\n"
      }
    case .scale(let versions):
      for v in versions {
        let value = m("xlsx.scale", ["brackets": m.integer(v.brackets.count)])
        out += "<tr><td>\(e(m.month(v.from)))</td><td>\(e(value))</td><td>\(e(v.reference ?? ""))</td></tr>\n"
      }
    }
    out += "</tbody></table>\n"
    if let l = parameter.location { out += "<p class=\"note\">\(e("\(l)"))</p>\n" }
    return page(name, out)
  }

  /// How one figure was computed, down to the dated parameters and their references.
  func explainPage(_ id: String, line: String, period: String) throws -> String {
    let text = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      let p = try Projection.run(s, ruleSet: self.ruleSet, legalLimitsAsWarnings: true, messages: self.m)
      let explainer = ProjectionExplainer(p, depth: 6)
      let node = line == "cash" ? try explainer.explainCash(month: period) : try explainer.explain(line: line, period: period)
      return ExplanationRenderer.text(node, messages: self.m)
    }
    let out =
      "<h1>\(e(m("web.explain", ["line": line, "period": period])))</h1>\n<p><a href=\"/scenarios/\(e(id))\">\(e(m("web.back")))</a></p>\n"
      + "<pre class=\"explanation\">\(linked(e(text)))</pre>\n"
    return page(m("web.explain", ["line": line, "period": period]), out)
  }

  /// The explanation's parameters as links to their history: a line `NAME = value  [in force
  /// from …]` names a parameter.
  func linked(_ escaped: String) -> String {
    escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard let eq = line.range(of: " = ") else { return String(line) }
      let head = line[..<eq.lowerBound]
      let start = head.lastIndex { $0 == " " || $0 == "─" }.map { head.index(after: $0) } ?? head.startIndex
      let name = String(head[start...])
      guard ruleSet.parameters[name] != nil else { return String(line) }
      return String(head[..<start]) + "<a href=\"/parameters/\(name)\">\(name)</a>" + String(line[eq.lowerBound...])
    }.joined(separator: "\n")
  }

  /// A number for an input field: plain digits, a decimal point.
  static func plain(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.4f", x) }
}
