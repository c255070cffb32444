import Foundation
import Planner
import Scenarios

/// The what-if of a scenario page: the scenario with the committee's changes, run and compared
/// with the scenario as written, its figures and charts redrawn on the server.
extension WebApp {
  /// The figures of the scenario page (by key, then exercise): result, reserves, lowest cash,
  /// taxe sur les salaires due, in euros and cents as the page shows them. One function for
  /// the page and for the what-if's answer.
  static let figureRows = [
    (key: "result", line: "result", label: "web.col.result"), (key: "reserves", line: "reserves", label: "web.col.reserves"),
    (key: "lowest_cash", line: "cash", label: "web.col.lowest"),
    (key: "taxe_salaires", line: "taxe_salaires_due", label: "web.col.taxe_salaires"),
  ]

  static func figures(_ p: Projection, periods: [String]) -> [String: [String: Double]] {
    var out: [String: [String: Double]] = [:]
    for row in figureRows {
      for ex in periods {
        switch row.key {
        case "lowest_cash": out[row.key, default: [:]][ex] = p.treasury?.periods[ex]?.lowestCash ?? 0
        case "taxe_salaires":
          let months = p.periods.first { $0.id == ex }?.monthIndices ?? []
          out[row.key, default: [:]][ex] = Money.cents(p.evaluation.total("taxe_salaires_due", months: months) ?? 0)
        default: out[row.key, default: [:]][ex] = p.indicators[row.key]?[ex] ?? 0
        }
      }
    }
    return out
  }

  /// The exercises a scenario page shows: those not closed by recorded actuals.
  static func openPeriods(_ s: Scenario, _ p: Projection) -> [String] { p.periods.map(\.id).filter { s.actuals[$0] == nil } }

  /// The charts the what-if redraws: reserves and cash by month, the scenario as written and,
  /// when there are changes, with them.
  func whatIfCharts(_ projections: [(String, Projection)]) -> [String: String] {
    let months = projections.first?.1.evaluation.situation.timeline.months.map { $0 } ?? []
    let labels = months.map { m.month($0) }
    var out: [String: String] = [:]
    out["reserves"] = SVGChart.lines(
      title: m("report.chart.reserves"), desc: m("report.chart.reserves.desc"), xLabels: labels, every: 6, yLabel: m("chart.euros"),
      xLabel: m("chart.month"),
      series: projections.map { name, p in SVGChart.Series(name, months.indices.map { p.evaluation.value("reserves", month: $0) ?? 0 }) },
      euros: true, m)
    if projections.allSatisfy({ $0.1.treasury != nil }) {
      out["cash"] = SVGChart.lines(
        title: m("report.chart.cash"), desc: m("report.chart.cash.desc"), xLabels: labels, every: 6, yLabel: m("chart.euros"),
        xLabel: m("chart.month"), series: projections.map { SVGChart.Series($0.0, $0.1.treasury!.months.map(\.closing)) }, euros: true, m)
    }
    return out
  }

  /// The answer of `POST /api/scenarios/{id}/whatif`.
  struct WhatIfAnswer: Encodable {
    /// The page's figures with the changes, and as written (by key, then exercise).
    var figures: [String: [String: Double]]
    var base: [String: [String: Double]]
    /// The month of the lowest cash of each exercise, with the changes.
    var lowestCashMonth: [String: String]
    /// SVG of the reserves and cash charts (as written and with the changes).
    var charts: [String: String]
    /// What `plan compare --format json` returns for the scenario as written and with the changes.
    var compare: ComparisonDocument
    /// The warnings of a run with the changes that the scenario as written does not have
    /// (a legal limit crossed, …), in the request's language.
    var warnings: [String]

    enum CodingKeys: String, CodingKey {
      case figures, base, charts, compare, warnings
      case lowestCashMonth = "lowest_cash_month"
    }
  }

  /// The scenario with `changes`, run and compared with the scenario as written: the two
  /// projections are computed at once, each on its own core.
  func whatIf(_ id: String, _ changes: [ScenarioChange]) async throws -> WhatIfAnswer {
    let s = try diagnosed { () throws(DiagnosticList) in try ScenarioLoader.load(try self.workspace.path(of: id)) }
    async let asWritten = Result { () throws(DiagnosticList) in
      try Projection.run(s, ruleSet: self.ruleSet, legalLimitsAsWarnings: true, messages: self.m)
    }
    let changed = Result { () throws(DiagnosticList) in
      try ScenarioChange.using(changes, on: s, ruleSet: self.ruleSet) { (changed) throws(DiagnosticList) in
        var changed = changed
        changed.id = self.m("web.whatif.id", ["id": id])
        return try Projection.run(changed, ruleSet: self.ruleSet, legalLimitsAsWarnings: true, messages: self.m)
      }
    }
    let written = await asWritten
    return try diagnosed { () throws(DiagnosticList) in
      let base = try written.get()
      let p = try changed.get()
      let periods = Self.openPeriods(s, base)
      var lowest: [String: String] = [:]
      for ex in periods { lowest[ex] = p.treasury?.periods[ex]?.lowestCashMonth }
      let series = changes.isEmpty ? [(s.id, base)] : [(m("web.whatif.as_written"), base), (m("web.whatif.changed"), p)]
      let before = Set(base.warnings.map { $0.message(in: self.m) })
      return WhatIfAnswer(
        figures: Self.figures(p, periods: periods), base: Self.figures(base, periods: periods), lowestCashMonth: lowest,
        charts: self.whatIfCharts(series), compare: ComparisonDocument(Comparison([base, p])),
        warnings: Array(Set(p.warnings.map { $0.message(in: self.m) }).subtracting(before)).sorted())
    }
  }
}
