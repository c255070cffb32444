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
    table.positions td input, table.positions td select { width: 6.5rem; }
    table.positions td input[type=checkbox] { width: auto; }
    .delta { display: block; font-size: .8rem; color: #555; }
    .delta.up { color: #1d6b2f; } .delta.down { color: #a8250d; }
    input.invalid, select.invalid { outline: 2px solid #a8250d; }
    .field-error { display: block; color: #a8250d; font-size: .8rem; max-width: 24rem; }
    div.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem; }
    div.charts svg { width: 100%; height: auto; }
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

  /// One scenario: its figures (each a link to its explanation, with the what-if's change
  /// beside it), the charts the what-if redraws, the what-if form, saving a variant, the
  /// exports, then the report's sections for the scenario as written.
  func scenarioPage(_ id: String) throws -> String {
    let (s, p) = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      return (s, try Projection.run(s, ruleSet: self.ruleSet, legalLimitsAsWarnings: true, messages: self.m))
    }
    let open = Self.openPeriods(s, p)
    let figures = Self.figures(p, periods: open)
    var out = "<h1>\(e(s.title))</h1>\n"
    var links = [
      ("/simulate/\(e(id))", m("web.link.simulate")), ("/statutes/\(e(id))", m("web.link.statutes")),
    ]
    if !s.organisations.isEmpty { links.append(("/members/\(e(id))", m("web.link.members"))) }
    out += "<p class=\"links\">" + links.map { "<a href=\"\($0.0)\">\(e($0.1))</a>" }.joined(separator: " · ") + "</p>\n"
    // The figures that move, first, each linked to its explanation.
    out += "<table class=\"figures\" id=\"figures\"><thead><tr><th></th>"
    for ex in open { out += "<th scope=\"col\">\(e(ex))</th>" }
    out += "</tr></thead><tbody>\n"
    for row in Self.figureRows {
      out += "<tr><th scope=\"row\">\(e(m(row.label)))</th>"
      for ex in open {
        let value = figures[row.key]?[ex] ?? 0
        let month = p.treasury?.periods[ex]?.lowestCashMonth ?? ex
        let target = row.key == "lowest_cash" ? "line=cash&period=\(month)" : "line=\(row.line)&period=\(ex)"
        out +=
          "<td><a data-key=\"\(row.key)\" data-period=\"\(ex)\" href=\"/explain/\(e(id))?\(target)\">\(e(m.amount(value)))</a>"
          + "<span class=\"delta\" data-key=\"\(row.key)\" data-period=\"\(ex)\"></span></td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n<p id=\"status\" role=\"status\"></p>\n<ul id=\"new-warnings\" class=\"warnings\"></ul>\n"
    out += "<div id=\"whatif-charts\" class=\"charts\">"
    out += whatIfCharts([(s.id, p)]).sorted { $0.key > $1.key }.map(\.value).joined()
    out += "</div>\n"
    out += whatIfForm(id, s, p, open)
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
    var report = try diagnosed { () throws(DiagnosticList) in
      try BoardReport(scenarios: [s], ruleSet: self.ruleSet, statutes: false, draws: 0, seed: 42, threads: 1, messages: self.m, version: "")
    }
    report.explainLink = explainLink
    out += report.body()
    return page(s.title, out, script: true)
  }

  /// The what-if form: dues, statute, each grant (amount, chance of renewal, when its balance
  /// is paid), each position of the open exercises (contract, dates, hours, pay, or taken out).
  /// Every field is named by its change's path; the script sends those that differ from the
  /// scenario.
  func whatIfForm(_ id: String, _ s: Scenario, _ p: Projection, _ open: [String]) -> String {
    func number(_ name: String, _ value: Double?, label: String, step: String = "any", percent: Bool = false, min: String = "0") -> String {
      let v = value.map { Self.plain(percent ? $0 * 100 : $0) } ?? ""
      return
        "<input aria-label=\"\(e(label))\" name=\"\(e(name))\" type=\"number\" step=\"\(step)\" min=\"\(min)\"\(percent ? " max=\"100\" data-percent=\"1\"" : "") value=\"\(v)\"/>"
    }
    var out = "<h2>\(e(m("web.whatif")))</h2>\n<form class=\"whatif\" id=\"whatif\" data-scenario=\"\(e(id))\">\n<div class=\"fields\">"
    for (key, value, percent) in [
      ("dues.rate", s.dues.rate, true), ("dues.cap", s.dues.cap, false), ("dues.individual", s.dues.individual, false),
      ("dues.collection_rate", s.dues.collectionRate, true),
    ] {
      let label = m("web.field.\(key)")
      out += "<label>\(e(label))\(number(key, value, label: label, step: percent ? "0.01" : "1", percent: percent))</label>\n"
    }
    out += "<label>\(e(m("web.field.statute")))<select name=\"statute\"><option value=\"\">\(e(m("web.field.statute.same")))</option>"
    for st in StatuteComparison.statutes { out += "<option value=\"\(st)\">\(e(m("statute.\(st)")))</option>" }
    out += "</select></label>\n"
    let firstFrom = open.first.flatMap { ex in p.periods.first { $0.id == ex }?.from } ?? ""
    out += "<label>\(e(m("web.field.statute_from")))<input name=\"statute_from\" type=\"month\" value=\"\(firstFrom)\"/></label>\n</div>\n"
    // Each grant by exercise: its amount, its chance of renewal, when its balance is paid.
    out += "<table class=\"grants\"><thead><tr><th>\(e(m("web.field.grants")))</th>"
    for ex in open { out += "<th scope=\"col\">\(e(ex))</th>" }
    for ex in open { out += "<th scope=\"col\">\(e(m("web.field.renewal", ["exercise": ex])))</th>" }
    out += "<th scope=\"col\">\(e(m("web.field.balance_delay")))</th></tr></thead><tbody>\n"
    let first = s.exercises.first?.months.first
    for sub in s.subsidies {
      out += "<tr><th scope=\"row\">\(e(sub.name))</th>"
      for ex in open {
        out += "<td>\(number("subsidies.\(sub.id).\(ex)", sub.amounts[ex] ?? 0, label: "\(sub.name) \(ex)", step: "100"))</td>"
      }
      for ex in open {
        let label = "\(sub.name) " + m("web.field.renewal", ["exercise": ex])
        out +=
          "<td>\(number("subsidies.\(sub.id).renewal_probability.\(ex)", sub.renewalProbability[ex], label: label, step: "1", percent: true))</td>"
      }
      let terms = first.flatMap {
        try? PaymentTerms.resolve(funder: sub.funder, subsidy: sub, policy: s.treasury, ruleSet: ruleSet, at: $0)
      }
      let label = "\(sub.name) " + m("web.field.balance_delay")
      out +=
        "<td>\(number("subsidies.\(sub.id).payment.balance_delay", terms.map { Double($0.balanceDelay) }, label: label, step: "1"))</td>"
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    // The positions of the open exercises.
    let firstOpen = Month(parsing: firstFrom)
    let last = p.evaluation.situation.timeline.months.last
    let contracts = ruleSet.input("position.contract")?.categories ?? []
    out += "<details class=\"positions\"><summary>\(e(m("web.field.positions")))</summary>\n<table class=\"positions\"><thead><tr><th></th>"
    for h in ["web.field.contract", "web.field.start", "web.field.end"] { out += "<th scope=\"col\">\(e(m(h)))</th>" }
    for ex in open { out += "<th scope=\"col\">\(e(m("web.field.hours", ["exercise": ex])))</th>" }
    for ex in open { out += "<th scope=\"col\">\(e(m("web.field.gross", ["exercise": ex])))</th>" }
    out += "<th scope=\"col\">\(e(m("web.field.remove")))</th></tr></thead><tbody>\n"
    for position in s.positions where firstOpen.map({ position.end >= $0 }) ?? true {
      let name = position.label.isEmpty ? position.id : position.label
      let base = "positions.\(e(position.id))"
      out += "<tr><th scope=\"row\">\(e(name)) <small>(\(e(position.id)))</small></th>"
      out += "<td><select aria-label=\"\(e(name)) \(e(m("web.field.contract")))\" name=\"\(base).contract\" data-text=\"1\">"
      for c in contracts {
        out += "<option value=\"\(e(c))\"\(c == position.contract ? " selected=\"selected\"" : "")>\(e(c))</option>"
      }
      out += "</select></td>"
      out +=
        "<td><input aria-label=\"\(e(name)) \(e(m("web.field.start")))\" name=\"\(base).start\" type=\"month\" data-text=\"1\" value=\"\(position.start)\"/></td>"
      let end = position.openEnded || position.end > last ? "" : "\(position.end)"
      out +=
        "<td><input aria-label=\"\(e(name)) \(e(m("web.field.end")))\" name=\"\(base).end\" type=\"month\" data-text=\"1\" value=\"\(end)\"/></td>"
      for ex in open {
        out += "<td>\(number("\(base).hours.\(ex)", position.hours[ex], label: "\(name) \(m("web.field.hours", ["exercise": ex]))"))</td>"
      }
      for ex in open {
        out += "<td>\(number("\(base).gross.\(ex)", position.gross[ex], label: "\(name) \(m("web.field.gross", ["exercise": ex]))"))</td>"
      }
      out +=
        "<td><input aria-label=\"\(e(name)) \(e(m("web.field.remove")))\" type=\"checkbox\" name=\"\(base).remove\" value=\"1\"/></td></tr>\n"
    }
    out += "</tbody></table></details>\n</form>\n"
    return out
  }

  /// Several scenarios side by side (`/compare?ids=a,b`), or one under each statute
  /// (`/statutes/ID`): the report's sections for them.
  func reportPage(_ ids: [String], statutes: Bool) throws -> String {
    guard (1...6).contains(ids.count) else { throw WebError(.badRequest, m("web.error.compare")) }
    var report = try diagnosed { () throws(DiagnosticList) in
      let scenarios = try ids.map { (id) throws(DiagnosticList) in try ScenarioLoader.load(try self.workspace.path(of: id)) }
      return try BoardReport(
        scenarios: scenarios, ruleSet: self.ruleSet, statutes: statutes, draws: 0, seed: 42, threads: 1, messages: self.m, version: "")
    }
    report.explainLink = explainLink
    let deltas = !statutes && report.projections.count > 1 ? comparisonSection(Comparison(report.projections)) : ""
    return page(m(statutes ? "web.statutes" : "web.compare"), deltas + report.body())
  }

  /// What `plan compare` shows: per exercise, each scenario's figures and their change (Δ)
  /// from the first, each figure linked to its explanation; then what each scenario changes.
  func comparisonSection(_ c: Comparison) -> String {
    let ids = c.projections.map(\.scenario.id)
    let link = explainLink
    var out = "<section class=\"chapter\" id=\"comparaison\">\n<h1>\(e(m("web.compare")))</h1>\n"
    out +=
      "<p>\(e(m("compare.scenarios", ["list": ids.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "  ")])))</p>\n"
    out += "<p class=\"note\">\(e(m("compare.deltas")))</p>\n"
    for period in c.periods {
      out += "<h2>\(e(period))</h2>\n<table class=\"figures compare\"><thead><tr><th></th>"
      for (i, _) in ids.enumerated() { out += "<th scope=\"col\">[\(i + 1)]</th>" + (i > 0 ? "<th scope=\"col\">Δ</th>" : "") }
      out += "</tr></thead><tbody>\n"
      for row in c.rows where row.always || row.differs(in: period) {
        out += "<tr><th scope=\"row\">\(e(row.label))</th>"
        let base = row.values[ids[0]]?[period] ?? 0
        for (i, id) in ids.enumerated() {
          let v = row.values[id]?[period] ?? 0
          let line = row.key == "result" ? "result" : row.key
          let url = Comparison.indicatorKeys.contains(row.key) && !["result", "reserves"].contains(row.key) ? nil : link(id, line, period)
          let text = e(m.amount(v))
          out += "<td>" + (url.map { "<a href=\"\(e($0))\">\(text)</a>" } ?? text) + "</td>"
          if i > 0 { out += "<td class=\"delta\">\(v == base ? "·" : e(m.amount(v - base)))</td>" }
        }
        out += "</tr>\n"
      }
      out += "</tbody></table>\n"
    }
    for id in ids.dropFirst() {
      let d = c.differences[id] ?? []
      out += "<h2>\(e(m("compare.changes", ["id": id, "count": m.integer(d.count)])))</h2>\n"
      out += d.isEmpty ? "<p>\(e(m("compare.nothing")))</p>\n" : "<ul>\n" + d.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
    }
    return out + "</section>\n"
  }

  /// A scenario's simulation: the report's sections with `draws` draws (the fan of the lowest
  /// cash, the probabilities of a deficit and of cash below zero, what matters most).
  func simulatePage(_ id: String, draws: Int) throws -> String {
    guard (2...Self.maximumDraws).contains(draws) else {
      throw WebError(.unprocessableContent, m("web.error.draws", ["max": m.integer(Self.maximumDraws)]))
    }
    var report = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      return try BoardReport(
        scenarios: [s], ruleSet: self.ruleSet, statutes: false, draws: draws, seed: 42, threads: 2, messages: self.m, version: "")
    }
    report.explainLink = explainLink
    var out = "<p><a href=\"/scenarios/\(e(id))\">\(e(m("web.back")))</a></p>\n"
    out +=
      "<form class=\"draws\" method=\"get\"><label>\(e(m("web.field.draws"))) <input name=\"draws\" type=\"number\" min=\"2\" max=\"\(Self.maximumDraws)\" value=\"\(draws)\"/></label> "
    out += "<button type=\"submit\">\(e(m("web.simulate.button")))</button></form>\n"
    return page(m("web.simulate", ["draws": m.integer(draws)]), out + report.body())
  }

  /// The explanation page of a figure of a workspace scenario (a statute's variant has none).
  var explainLink: @Sendable (String, String, String) -> String? {
    let ids = Set(workspace.entries().map(\.id))
    return { id, line, period in
      guard ids.contains(id) else { return nil }
      let query = "line=\(line)&period=\(period)".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
      return "/explain/\(id)?\(query)"
    }
  }

  /// Each member's view (`plan members`): what it pays with the employers' group, and what
  /// the same hours would cost it as their employer.
  func membersPage(_ id: String) throws -> String {
    let view = try diagnosed { () throws(DiagnosticList) in
      let s = try ScenarioLoader.load(try self.workspace.path(of: id))
      guard !s.organisations.isEmpty else {
        throw DiagnosticList([.error(.scenarioMissingField, Phrase("error.members.no_organisation", ["path": .text(id)]))])
      }
      return try MemberView.run(
        try GroupProjection.run(s, ruleSet: self.ruleSet, messages: self.m), ruleSet: self.ruleSet, messages: self.m)
    }
    var out = "<p><a href=\"/scenarios/\(e(id))\">\(e(m("web.back")))</a></p>\n<h1>\(e(m("members.title")))</h1>\n"
    out += "<p class=\"note\">\(e(m("members.alone_note")))</p>\n"
    out += "<p class=\"note\">\(e(m("members.joint_liability_note")))</p>\n"
    let periods = view.periods.filter { p in view.members.contains { $0.periods[p] != nil } }
    for row in view.members {
      out += "<h2>\(e(m("members.member", ["name": row.name, "id": row.id, "employer": m("statute.\(row.employer)")])))</h2>\n"
      out += BoardReport.memberTable(row, periods: periods, messages: m)
      if !row.headcountGiven {
        out += "<p class=\"note\">\(e(m("members.headcount_default", ["n": m.number(row.headcount, digits: 0)])))</p>\n"
      }
      for w in row.warnings { out += "<p class=\"note\">\(e(m("members.warning", ["message": w.message(in: m)])))</p>\n" }
    }
    return page(m("members.title"), out)
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
