import Foundation
import Planner

extension BoardReport {
  /// The report as one self-contained XHTML document: inline CSS and SVG, no script, no
  /// external reference, the same bytes for the same inputs (no date in it).
  public func html() -> String {
    let m = messages
    var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(m.language.rawValue)\">\n<head>\n"
    out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    out += "<title>\(e(m("report.title", ["title": projections.first?.scenario.title ?? ""])))</title>\n"
    out += "<style>\(Self.css)</style>\n</head>\n<body>\n"
    out += body()
    out += "</body>\n</html>\n"
    return out
  }

  /// The report's sections, for a page that shows them inside its own (the web app's).
  public func body() -> String {
    var out = synthesis()
    out += charts()
    for p in projections { out += scenarioChapter(p) }
    for p in projections where members[p.scenario.id] != nil { out += membersChapter(p) }
    if !comparisons.isEmpty { out += statutesChapter() }
    out += parametersChapter()
    out += methodChapter()
    return out
  }

  /// The report's style sheet.
  public static var style: String { css }

  func e(_ s: String) -> String { SVGChart.escape(s) }

  /// A figure's text, linked to its explanation when the report has links (`explainLink`).
  func linked(_ text: String, _ scenario: String, line: String, period: String) -> String {
    guard let url = explainLink?(scenario, line, period) else { return e(text) }
    return "<a href=\"\(e(url))\">\(e(text))</a>"
  }

  // MARK: - Page 1

  /// The figures that decide, one row an indicator and exercise, one column an option; each
  /// cell carries its figure (`data-key`, `data-period`, `data-option`, `data-value`) so that
  /// a program can read it back.
  func synthesis() -> String {
    let m = messages
    var out = "<section class=\"page synthesis\" id=\"synthese\">\n<h1>\(e(m("report.synthesis")))</h1>\n"
    let last = periods.last ?? ""
    let question =
      comparisons.isEmpty
      ? m(
        "report.question.scenarios",
        ["list": projections.map { "« \($0.scenario.title) »" }.joined(separator: m("list.and")), "last": last])
      : m(
        "report.question.statutes",
        ["from": m.month(comparisons[0].from), "list": projections.map { $0.scenario.title }.joined(separator: m("list.and"))])
    out += "<p class=\"question\">\(e(question))</p>\n"
    if projections.count > 1 {
      out += "<p class=\"legend\">"
      out += projections.indices.map {
        "<strong>\(letter($0))</strong> : \(e(projections[$0].scenario.title)) (\(e(projections[$0].scenario.id)))"
      }
      .joined(separator: " ; ")
      out += "</p>\n"
    }
    // More than six options (two scenarios under four statutes): a smaller type, to fit.
    out += "<table class=\"options\(options.count > 6 ? " many" : "")\">\n<thead><tr><th></th>"
    for o in options { out += "<th scope=\"col\">\(e(o.label))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    // A scenario's figure (not a statute's variant of it) links to its explanation.
    func cell(_ o: Option, _ key: String, _ period: String, _ text: String) -> String {
      guard o.statute == nil else { return e(text) }
      switch key {
      case "result": return linked(text, o.scenario.id, line: "result", period: period)
      case "reserves": return linked(text, o.scenario.id, line: "reserves", period: period)
      case "lowest_cash":
        guard let low = o.projection.treasury?.months.min(by: { $0.closing < $1.closing }) else { return e(text) }
        return linked(text, o.scenario.id, line: "cash", period: "\(low.month)")
      default: return e(text)
      }
    }
    func row(
      _ label: String, _ key: String, _ period: String, _ value: (Option) -> Double?, _ show: (Double) -> String,
      flag: (Option) -> Bool = { _ in false }
    ) {
      out += "<tr><th scope=\"row\">\(e(label))</th>"
      for o in options {
        guard let v = value(o) else {
          out += "<td>–</td>"
          continue
        }
        out +=
          "<td data-key=\"\(key)\" data-period=\"\(period)\" data-option=\"\(e(o.id))\" data-value=\"\(Self.raw(v))\""
          + (v < 0 && key != "fte" ? " class=\"negative\"" : "") + ">\(cell(o, key, period, show(v)))\(flag(o) ? "<sup>*</sup>" : "")</td>"
      }
      out += "</tr>\n"
    }
    func group(_ title: String) { out += "<tr class=\"group\"><th colspan=\"\(options.count + 1)\">\(e(title))</th></tr>\n" }
    group(m("report.row.result"))
    for p in periods {
      row(
        p, "result", p, { $0.projection.indicators["result"]?[p] }, m.amount,
        flag: { o in o.statuteReport?.conditional.contains { $0.period == p } ?? false })
    }
    group(m("report.row.reserves"))
    for p in periods { row(p, "reserves", p, { $0.projection.indicators["reserves"]?[p] }, m.amount) }
    group(m("report.row.cash"))
    row(
      m("report.row.lowest_cash"), "lowest_cash", "horizon",
      { o in o.projection.treasury?.months.map(\.closing).min() }, m.amount)
    out += "<tr><th scope=\"row\">\(e(m("report.row.lowest_cash_month")))</th>"
    for o in options {
      let low = o.projection.treasury?.months.min { $0.closing < $1.closing }
      out += "<td>\(e(low.map { m.month($0.month) } ?? "–"))</td>"
    }
    out += "</tr>\n"
    if options.contains(where: { $0.simulation != nil }) {
      group(m("report.row.probabilities", ["draws": m.integer(draws)]))
      for p in periods {
        row(
          m("report.row.p_deficit", ["period": p]), "p_deficit", p, { $0.simulation?.probabilities["deficit"]?[p] },
          { m.percent($0, digits: 0) })
      }
      row(
        m("report.row.p_cash"), "p_cash_below_zero", "horizon", { $0.simulation?.probabilities["cash_below_zero"]?["horizon"] },
        { m.percent($0, digits: 0) })
    }
    group(m("report.row.dependence"))
    for p in periods {
      row(p, "subsidies_share", p, { $0.projection.indicators["subsidies_share"]?[p] }, { m.percent($0 / 100, digits: 0) })
    }
    group(m("report.row.fte"))
    for p in periods { row(p, "fte", p, { $0.projection.indicators["fte"]?[p] }, { m.number($0, digits: 2) }) }
    out += "</tbody>\n</table>\n"
    // The conditional items and the unconfirmed parameters, flagged.
    var notes: [String] = []
    let conditional = options.flatMap { o in (o.statuteReport?.conditional ?? []).map { (o, $0) } }
    if !conditional.isEmpty {
      // Per option, each credit added up over the exercises.
      var items: [String] = []
      for o in options {
        let mine = conditional.filter { $0.0.id == o.id }.map(\.1)
        guard !mine.isEmpty else { continue }
        let credits = StatuteComparison.conditionalItems.map(\.item).compactMap { credit -> String? in
          let these = mine.filter { $0.item == credit }
          guard !these.isEmpty else { return nil }
          let years = these.map(\.period).sorted()
          return m(
            "report.conditional.item",
            [
              "credit": credit.uppercased(), "amount": m.euros(these.reduce(0) { $0 + $1.amount }, digits: 0), "from": years.first!,
              "to": years.last!,
            ])
        }
        items.append(o.label + " : " + credits.joined(separator: ", "))
      }
      notes.append(m("report.conditional", ["list": items.joined(separator: " ; ")]))
    }
    let unconfirmed = Set(projections.flatMap { $0.warnings.filter { $0.id == .parametersUnconfirmed }.compactMap(\.subject) })
    if !unconfirmed.isEmpty { notes.append(m.count("report.unconfirmed", unconfirmed.count)) }
    for n in notes { out += "<p class=\"note\">\(e(n))</p>\n" }
    // Governance, one line an option.
    out += "<h2>\(e(m("report.governance")))</h2>\n<ul class=\"governance\">\n"
    for o in options {
      let statute = o.statute ?? o.scenario.statute(at: o.projection.evaluation.situation.timeline.months.last)
      let shares = StatuteComparison.voteShares(o.scenario, statute: statute).filter { $0.value > 0 }.sorted { $0.value > $1.value }
      let groups = o.scenario.governance?.groups ?? []
      let who = shares.map { key, share in
        (m.lookup("governance.voters.\(key)") ?? groups.first { $0.id == key }?.label ?? key) + " " + m.percent(share, digits: 0)
      }
      out += "<li><strong>\(e(o.label))</strong> : \(e(who.isEmpty ? m("report.governance.none") : who.joined(separator: ", ")))</li>\n"
    }
    out += "</ul>\n<h2>\(e(m("report.matters")))</h2>\n<ol class=\"matters\">\n"
    for s in matters() { out += "<li>\(e(s))</li>\n" }
    out += "</ol>\n</section>\n"
    return out
  }

  /// Three sentences: the strongest and weakest option at the horizon, the cash to find, and
  /// what moves the outcome most in the draws.
  func matters() -> [String] {
    let m = messages
    guard let last = periods.last, !options.isEmpty else { return [] }
    var out: [String] = []
    let byReserves = options.sorted {
      ($0.projection.indicators["reserves"]?[last] ?? 0) > ($1.projection.indicators["reserves"]?[last] ?? 0)
    }
    let best = byReserves.first!, worst = byReserves.last!
    let rb = best.projection.indicators["reserves"]?[last] ?? 0, rw = worst.projection.indicators["reserves"]?[last] ?? 0
    if options.count > 1 {
      out.append(
        m(
          "report.matters.options",
          [
            "last": last, "best": best.label, "rb": m.euros(rb, digits: 0), "worst": worst.label, "rw": m.euros(rw, digits: 0),
            "gap": m.euros(rb - rw, digits: 0),
          ]))
    } else {
      out.append(m("report.matters.one", ["last": last, "option": best.label, "reserves": m.euros(rb, digits: 0)]))
    }
    let lows = options.compactMap { o in o.projection.treasury?.months.min { $0.closing < $1.closing }.map { (o, $0) } }
    if let (o, low) = lows.min(by: { $0.1.closing < $1.1.closing }) {
      out.append(
        low.closing < 0
          ? m("report.matters.cash", ["option": o.label, "amount": m.euros(-low.closing, digits: 0), "month": m.month(low.month)])
          : m("report.matters.cash_positive"))
    }
    if let sim = options.first?.simulation, let first = sim.sensitivity.first {
      let names = sim.sensitivity.prefix(3).map { inputName($0.input, options[0]) }
      out.append(
        m(
          "report.matters.uncertainty",
          ["last": last, "first": inputName(first.input, options[0]), "then": names.dropFirst().joined(separator: m("list.and"))]))
    }
    return out
  }

  /// An uncertain input by the name a committee knows.
  func inputName(_ id: String, _ o: Option) -> String {
    Simulation.name(of: id, scenario: o.scenario, projection: o.projection, messages: messages, subsidyKey: "report.input.subsidy")
  }

  /// A figure as data: to the cent (the tables' rounding), a probability as it is.
  static func raw(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return abs(x) < 1 && x != r ? String(x) : String(format: "%.2f", r == 0 ? 0 : r)
  }

  // MARK: - Charts

  func charts() -> String {
    let m = messages
    var out = "<section class=\"chapter\" id=\"graphiques\">\n<h1>\(e(m("report.charts")))</h1>\n"
    let months = options.first?.projection.evaluation.situation.timeline.months.map { $0 } ?? []
    let labels = months.map { m.month($0) }
    // Reserves and cash over time, per option.
    let reserves = options.map { o in
      SVGChart.Series(o.label, months.indices.map { o.projection.evaluation.value("reserves", month: $0) ?? 0 })
    }
    out += figure(
      SVGChart.lines(
        title: m("report.chart.reserves"), desc: m("report.chart.reserves.desc"), xLabels: labels, every: 6, yLabel: m("chart.euros"),
        xLabel: m("chart.month"), series: reserves, euros: true, m), caption: m("report.chart.reserves.caption"))
    if options.allSatisfy({ $0.projection.treasury != nil }) {
      let cash = options.map { o in SVGChart.Series(o.label, o.projection.treasury!.months.map(\.closing)) }
      out += figure(
        SVGChart.lines(
          title: m("report.chart.cash"), desc: m("report.chart.cash.desc"), xLabels: labels, every: 6, yLabel: m("chart.euros"),
          xLabel: m("chart.month"), series: cash, euros: true, m), caption: m("report.chart.cash.caption"))
    }
    // The simulation's fan of the lowest cash by exercise, for the first option.
    if let o = options.first, let sim = o.simulation, let low = sim.indicators["lowest_cash"] {
      let ps = sim.periods.filter { low[$0] != nil }
      out += figure(
        SVGChart.fan(
          title: m("report.chart.fan", ["option": o.label]), desc: m("report.chart.fan.desc", ["draws": m.integer(sim.draws)]),
          xLabels: ps, low: ps.map { low[$0]!.p5 }, median: ps.map { low[$0]!.p50 }, high: ps.map { low[$0]!.p95 },
          plan: ps.map { o.projection.treasury?.periods[$0]?.lowestCash ?? 0 }, yLabel: m("chart.euros"), xLabel: m("chart.exercise"),
          names: (m("report.chart.fan.band"), m("report.chart.fan.median"), m("report.chart.fan.plan")), m),
        caption: m("report.chart.fan.caption"))
    }
    // From the association to each other statute, over the projected exercises from the change.
    for c in comparisons {
      guard let base = c.reports.first(where: { $0.statute == "association" }) else { continue }
      let ps = periods.filter { p in Month(parsing: "\(p)-12").map { $0 >= c.from } ?? true }
      func total(_ r: StatuteComparison.Report, _ key: String) -> Double { ps.reduce(0) { $0 + (r.indicators[key]?[$1] ?? 0) } }
      for r in c.reports where r.statute != "association" {
        let start = total(base, "result"), end = total(r, "result")
        let steps: [(String, Double)] = [
          (m("report.waterfall.corporate_tax"), -(total(r, "corporate_tax") - total(base, "corporate_tax"))),
          (m("report.waterfall.taxe_salaires"), -(total(r, "taxe_salaires") - total(base, "taxe_salaires"))),
          (m("report.waterfall.cir"), total(r, "cir") - total(base, "cir")),
          (m("report.waterfall.cice"), total(r, "cice") - total(base, "cice")),
        ]
        let other = end - start - steps.reduce(0) { $0 + $1.1 }
        out += figure(
          SVGChart.waterfall(
            title: m("report.chart.waterfall", ["statute": m("statute.\(r.statute)"), "scenario": c.scenario.title]),
            desc: m("report.chart.waterfall.desc", ["periods": ps.joined(separator: ", ")]),
            start: (m("statute.association"), start), steps: steps + [(m("report.waterfall.rest"), other)],
            end: (m("statute.\(r.statute)"), end), yLabel: m("chart.euros"), m),
          caption: m("report.chart.waterfall.caption"))
      }
    }
    if let o = options.first, let sim = o.simulation, !sim.sensitivity.isEmpty {
      out += figure(
        SVGChart.tornado(
          title: m("report.chart.tornado", ["period": sim.periods.last ?? ""]), desc: m("report.chart.tornado.desc"),
          bars: sim.sensitivity.map { (inputName($0.input, o), $0.coefficient) }, xLabel: m("report.chart.tornado.axis"), m),
        caption: m("report.chart.tornado.caption"))
    }
    // Income by funder and FTE by staffing line, per exercise, for the first scenario.
    if let p = projections.first {
      let ps = p.periods.map(\.id)
      let funders = p.budget.filter {
        $0.path.hasPrefix("produits/subventions/") && $0.budget == "total" && $0.path.split(separator: "/").count == 3
      }
      var series = funders.filter { r in ps.contains { (r.values[$0] ?? 0) > 0 } }.map { r in
        SVGChart.Series(r.label(m.language), ps.map { r.values[$0] ?? 0 })
      }
      if let dues = p.budget.first(where: { $0.path == "produits/autres_produits/cotisations" && $0.budget == "total" }) {
        series.append(SVGChart.Series(dues.label(m.language), ps.map { dues.values[$0] ?? 0 }))
      }
      out += figure(
        SVGChart.stacked(
          title: m("report.chart.income", ["scenario": p.scenario.title]), desc: m("report.chart.income.desc"), categories: ps,
          series: series, yLabel: m("chart.euros"), xLabel: m("chart.exercise"), euros: true, m),
        caption: m("report.chart.income.caption"))
      let lines = p.staffing.filter { r in r.id != "total" && ps.contains { (r.fte[$0] ?? 0) > 0 } }
      out += figure(
        SVGChart.stacked(
          title: m("report.chart.fte", ["scenario": p.scenario.title]), desc: m("report.chart.fte.desc"), categories: ps,
          series: lines.map { r in SVGChart.Series(r.label(m.language), ps.map { r.fte[$0] ?? 0 }) }, yLabel: m("chart.fte"),
          xLabel: m("chart.exercise"), euros: false, m),
        caption: m("report.chart.fte.caption"))
    }
    return out + "</section>\n"
  }

  func figure(_ svg: String, caption: String) -> String {
    "<figure>\n\(svg)\n<figcaption>\(e(caption))</figcaption>\n</figure>\n"
  }

  // MARK: - Each scenario

  func scenarioChapter(_ p: Projection) -> String {
    let m = messages
    var out = "<section class=\"chapter\" id=\"scenario-\(e(p.scenario.id))\">\n<h1>\(e(p.scenario.title))</h1>\n"
    let ps = p.periods
    // The budget in the source's layout.
    out += "<h2>\(e(m("report.budget")))</h2>\n<table class=\"figures\"><thead><tr><th></th>"
    for period in ps { out += "<th scope=\"col\">\(e(period.id))</th>" }
    out += "</tr></thead><tbody>\n"
    var paths: [String] = []
    for r in p.budget where !paths.contains(r.path) { paths.append(r.path) }
    for path in paths {
      guard let r = p.budget.first(where: { $0.path == path && $0.budget == "total" }) else { continue }
      guard ps.contains(where: { (r.values[$0.id] ?? 0) != 0 }) || path.hasSuffix("/total") || path == "resultat" else { continue }
      let depth = path.split(separator: "/").count
      let cls = path.hasSuffix("/total") || depth == 1 ? " class=\"total\"" : depth == 2 ? " class=\"section\"" : ""
      out += "<tr\(cls)><th scope=\"row\" class=\"d\(depth)\">\(e(r.label(m.language)))</th>"
      for period in ps {
        // The result's row is the rule `result` (no budget line of its own).
        let line = path == "resultat" ? "result" : path
        out += "<td>\(linked(m.amount(r.values[period.id] ?? 0), p.scenario.id, line: line, period: period.id))</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    // The funders' form.
    if let layout = p.evaluation.ruleSet.layouts["cerfa"] {
      let f = LayoutFigures(layout, p)
      out += "<h2>\(e(m("report.cerfa")))</h2>\n<table class=\"figures\"><thead><tr><th></th><th></th>"
      for period in ps { out += "<th scope=\"col\">\(e(period.id))</th>" }
      out += "</tr></thead><tbody>\n"
      for r in f.rows where r.budget == "total" && (r.depth < 2 || ps.contains { (r.values[$0.id] ?? 0) != 0 }) {
        out += "<tr\(r.depth <= 1 ? " class=\"section\"" : "")><td>\(e(r.account))</td><th scope=\"row\">\(e(r.label))</th>"
        for period in ps { out += "<td>\(e(m.amount(r.values[period.id] ?? 0)))</td>" }
        out += "</tr>\n"
      }
      out += "</tbody></table>\n"
    }
    // Staffing.
    out += "<h2>\(e(m("report.staffing")))</h2>\n<table class=\"figures\"><thead><tr><th></th>"
    for period in ps { out += "<th scope=\"col\">\(e(period.id))</th>" }
    out += "</tr></thead><tbody>\n"
    for r in p.staffing where ps.contains(where: { (r.fte[$0.id] ?? 0) != 0 }) {
      out += "<tr\(r.id == "total" ? " class=\"total\"" : "")><th scope=\"row\">\(e(r.label(m.language)))</th>"
      for period in ps { out += "<td>\(e(m.number(r.fte[period.id] ?? 0, digits: 2)))</td>" }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    // The cash plan by exercise.
    if let t = p.treasury {
      out += "<h2>\(e(m("report.cash")))</h2>\n<table class=\"figures\"><thead><tr><th></th>"
      for period in ps { out += "<th scope=\"col\">\(e(period.id))</th>" }
      out += "</tr></thead><tbody>\n"
      let rows: [(String, (Treasury.PeriodFigures) -> String)] = [
        (m("report.cash.lowest"), { m.amount($0.lowestCash) }), (m("report.cash.month"), { m.month($0.lowestCashMonth) }),
        (m("report.cash.below_zero"), { m.integer($0.monthsBelowZero) }), (m("report.cash.financing"), { m.amount($0.financingCost) }),
      ]
      for (i, (label, cell)) in rows.enumerated() {
        out += "<tr><th scope=\"row\">\(e(label))</th>"
        for period in ps {
          guard let f = t.periods[period.id] else {
            out += "<td>–</td>"
            continue
          }
          // The lowest cash links to the explanation of its month's balance.
          out += "<td>\(i == 0 ? linked(cell(f), p.scenario.id, line: "cash", period: f.lowestCashMonth) : e(cell(f)))</td>"
        }
        out += "</tr>\n"
      }
      out += "</tbody></table>\n"
    }
    if !p.scenario.assumptions.isEmpty {
      out += "<h2>\(e(m("report.assumptions")))</h2>\n<ul>\n" + p.scenario.assumptions.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
    }
    if !p.warnings.isEmpty {
      out += "<h2>\(e(m("run.warnings.heading", ["count": m.integer(p.warnings.count)])))</h2>\n<ul class=\"warnings\">\n"
      for w in p.warnings { out += "<li>\(e(w.message(in: m)))</li>\n" }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  // MARK: - Statutes, parameters, method

  func statutesChapter() -> String {
    let m = messages
    var out = "<section class=\"chapter\" id=\"statuts\">\n<h1>\(e(m("report.statutes")))</h1>\n"
    for c in comparisons {
      out += "<h2>\(e(m("statutes.title", ["title": c.scenario.title, "from": m.month(c.from)])))</h2>\n"
      out += "<table class=\"figures\"><thead><tr><th></th>"
      for r in c.reports { out += "<th scope=\"col\">\(e(m("statute.\(r.statute)")))</th>" }
      out += "</tr></thead><tbody>\n"
      for (i, el) in (c.reports.first?.eligibility ?? []).enumerated() {
        out += "<tr><th scope=\"row\">\(e(el.label))</th>"
        for r in c.reports { out += "<td>\(e(m(r.eligibility[i].eligible ? "statutes.yes" : "statutes.no")))</td>" }
        out += "</tr>\n"
      }
      out += "</tbody></table>\n"
      for r in c.reports {
        out += "<h3>\(e(m("statutes.constraints", ["statute": m("statute.\(r.statute)")])))</h3>\n<ul class=\"constraints\">\n"
        for k in r.constraints {
          out +=
            "<li class=\"\(k.status.rawValue)\"><strong>\(e(m("constraint.status.\(k.status.rawValue)")))</strong> \(e(m(k.phrase)))"
            + (k.source.map { " <span class=\"source\">— \(e($0))</span>" } ?? "") + "</li>\n"
        }
        out += "</ul>\n"
        for item in r.conditional where item.period == periods.first {
          out +=
            "<p class=\"note\">\(e(m("statutes.conditional.heading", ["credit": item.item.uppercased(), "source": item.source ?? ""]))) : "
          out += e(item.conditions.joined(separator: " ; ")) + "</p>\n"
        }
      }
    }
    return out + "</section>\n"
  }

  /// The parameters with their dated values in force over the horizon and their references.
  func parametersChapter() -> String {
    let m = messages
    guard let p = projections.first else { return "" }
    let months = p.evaluation.situation.timeline.months
    var out = "<section class=\"chapter\" id=\"parametres\">\n<h1>\(e(m("report.parameters")))</h1>\n"
    out += "<p>\(e(m("report.parameters.intro")))</p>\n<table class=\"parameters\"><thead><tr>"
    for h in ["report.parameters.name", "report.parameters.from", "report.parameters.value", "report.parameters.reference"] {
      out += "<th scope=\"col\">\(e(m(h)))</th>"
    }
    out += "</tr></thead><tbody>\n"
    // Each value in force at some month of the horizon: from its date to the next one's.
    for parameter in ruleSet.parameters.values.sorted(by: { $0.name < $1.name }) {
      var rows: [(from: Month, value: String, reference: String?, unconfirmed: String?)] = []
      switch parameter.values {
      case .values(let values):
        rows = values.map {
          (
            $0.from, m.number($0.value, digits: $0.value == $0.value.rounded() ? 0 : 4) + " " + "\(parameter.unit)", $0.reference,
            $0.unconfirmed
          )
        }
      case .scale(let versions):
        rows = versions.map { ($0.from, m("xlsx.scale", ["brackets": m.integer($0.brackets.count)]), $0.reference, nil) }
      }
      for (i, v) in rows.enumerated() {
        let next = i + 1 < rows.count ? rows[i + 1].from : nil
        guard v.from <= months.last, next.map({ $0 > months.first }) ?? true else { continue }
        out += "<tr><td>\(e(parameter.name))</td><td>\(e(m.month(v.from)))</td><td>\(e(v.value))</td><td>\(e(v.reference ?? ""))"
        if let why = v.unconfirmed { out += " <strong>\(e(m("report.parameters.unconfirmed")))</strong> \(e(why))" }
        out += "</td></tr>\n"
      }
    }
    return out + "</tbody></table>\n</section>\n"
  }

  func methodChapter() -> String {
    let m = messages
    var out = "<section class=\"chapter\" id=\"methode\">\n<h1>\(e(m("report.method")))</h1>\n"
    for key in ["report.method.rules", "report.method.rounding", "report.method.cash", "report.method.statutes"] {
      out += "<p>\(e(m(key)))</p>\n"
    }
    if draws > 0 { out += "<p>\(e(m("report.method.simulation", ["draws": m.integer(draws), "seed": String(seed)])))</p>\n" }
    out +=
      "<h2>\(e(m("report.inputs")))</h2>\n<p>\(e(m("report.inputs.intro", ["version": version])))</p>\n<table class=\"inputs\"><tbody>\n"
    for f in fingerprints { out += "<tr><td>\(e(f.path))</td><td class=\"hash\">\(f.sha256)</td></tr>\n" }
    out += "</tbody></table>\n</section>\n"
    return out
  }
}
