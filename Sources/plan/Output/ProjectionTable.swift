import Foundation
import Scenarios

/// A projection as tables for a terminal: one block per period.
enum ProjectionTable {
  static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
  static func left(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

  static func render(_ p: Projection) -> String {
    var out = "\(p.scenario.title) (\(p.scenario.id))\n"
    for period in p.periods {
      out += "\n" + budget(p, period)
    }
    out += "\n" + staffing(p)
    out += "\n" + indicators(p)
    if let t = p.treasury { out += "\n" + cash(t, p.periods) }
    if !p.scenario.assumptions.isEmpty {
      out += "\nAssumptions\n" + p.scenario.assumptions.map { "  - \($0)\n" }.joined()
    }
    if !p.warnings.isEmpty {
      out += "\nWarnings\n" + p.warnings.map { "  - [\($0.id)] \($0.message)\n" }.joined()
    }
    return out
  }

  static func budget(_ p: Projection, _ period: Period) -> String {
    let closed = p.scenario.actuals[period.id] != nil ? ", recorded" : ""
    var out = "Budget \(period.id) (\(period.from)..\(period.to), \(period.months) months\(closed))\n"
    out += pad("", 46) + left("Fonctionnement", 15) + left("Projets", 13) + left("Total", 13) + left("% total", 9) + "\n"
    var paths: [String] = []
    for row in p.budget where !paths.contains(row.path) { paths.append(row.path) }
    for path in paths {
      func cell(_ column: String) -> Double { p.budget.first { $0.path == path && $0.budget == column }?.values[period.id] ?? 0 }
      let label = p.budget.first { $0.path == path }!.label
      let depth = path.split(separator: "/").count
      if path == paths.first { out += "Charges\n" }
      if path.hasPrefix("produits/") && !(paths.first { $0.hasPrefix("produits/") }.map { $0 != path } ?? true) { out += "Produits\n" }
      let share = p.budget.first { $0.path == path && $0.budget == "total" }?.shares[period.id] ?? 0
      let indent = String(repeating: "  ", count: depth - 1)
      let values = [cell("fonctionnement"), cell("projets"), cell("total")]
      if depth == 3 && values.allSatisfy({ $0 == 0 }) { continue }
      out +=
        pad(indent + label, 46) + left(Money.format(values[0]), 15) + left(Money.format(values[1]), 13) + left(Money.format(values[2]), 13)
      out += left(String(format: "%.2f", share), 9) + "\n"
    }
    if let r = p.indicators["result"]?[period.id] { out += pad("Résultat", 46) + left("", 28) + left(Money.format(r), 13) + "\n" }
    return out
  }

  static func staffing(_ p: Projection) -> String {
    var out = "Staffing (hours, FTE)\n" + pad("", 40)
    for period in p.periods { out += left(period.id, 20) }
    out += "\n"
    for row in p.staffing {
      out += pad("  " + row.label, 40)
      for period in p.periods {
        let h = row.hours[period.id] ?? 0, f = row.fte[period.id] ?? 0
        out += left(String(format: "%.0f h  %.2f", h, f), 20)
      }
      out += "\n"
    }
    return out
  }

  static let indicatorLabels: [(String, String)] = [
    ("produits", "Total produits"), ("charges", "Total charges"), ("result", "Résultat"), ("reserves", "Réserves cumulées (end)"),
    ("subsidies_share", "Subventions / produits (%)"), ("dues_per_member", "Cotisations par membre"), ("fte", "FTE paid (ETP)"),
    ("cost_per_fte", "Charges par ETP"),
  ]

  static func indicators(_ p: Projection) -> String {
    var out = "Indicators\n" + pad("", 40)
    for period in p.periods { out += left(period.id, 16) }
    out += "\n"
    for (key, label) in indicatorLabels {
      out += pad("  " + label, 40)
      for period in p.periods { out += left(Money.format(p.indicators[key]?[period.id] ?? 0), 16) }
      out += "\n"
    }
    out += pad("  Bénévolat valorisé (86/87, apart)", 40)
    for period in p.periods { out += left(Money.format(p.inKind[period.id] ?? 0), 16) }
    return out + "\n"
  }

  /// The cash plan: month by month when the projection is by month, otherwise each period's
  /// lowest point and what is owed at its end; then the horizon's lowest point.
  static func cash(_ t: Treasury, _ periods: [Period]) -> String {
    var out = "Cash plan (plan de trésorerie), from \(Money.format(t.openingBalance)) EUR at \(t.months.first.map { "\($0.month)" } ?? "")"
    out += t.openingGiven ? "\n" : " (assumed: the scenario gives no opening balance)\n"
    if periods.count == t.months.count {
      out +=
        pad("  month", 11) + left("opening", 14) + left("receipts", 14) + left("disbursements", 15) + left("financing", 12)
        + left("closing", 14) + left("overdraft", 12) + left("advances", 12) + "\n"
      for m in t.months {
        out +=
          pad("  \(m.month)", 11) + left(Money.format(m.opening), 14) + left(Money.format(m.totalReceipts), 14)
          + left(Money.format(m.totalDisbursements), 15) + left(Money.format(m.financing), 12) + left(Money.format(m.closing), 14)
          + left(Money.format(m.overdraft), 12) + left(Money.format(m.advances), 12) + (m.closing < 0 ? "  below zero" : "") + "\n"
      }
    } else {
      out += pad("", 40)
      for period in periods { out += left(period.id, 16) }
      out += "\n"
      let rows: [(String, (Treasury.PeriodFigures) -> String)] = [
        ("Lowest cash", { Money.format($0.lowestCash) }), ("  in", { $0.lowestCashMonth }),
        ("Months below zero", { "\($0.monthsBelowZero)" }), ("Months in overdraft", { "\($0.monthsInOverdraft)" }),
        ("Receivables at the end", { Money.format($0.receivablesEnd) }),
        ("Payables at the end", { Money.format($0.payablesEnd) }), ("Financing cost", { Money.format($0.financingCost) }),
      ]
      for (label, cell) in rows {
        out += pad("  " + label, 40)
        for period in periods { out += left(t.periods[period.id].map(cell) ?? "", 16) }
        out += "\n"
      }
    }
    if let low = t.months.min(by: { $0.closing < $1.closing }) {
      out += "  Lowest point: \(Money.format(low.closing)) EUR in \(low.month)"
      out += low.closing < 0 ? "; below zero in \(t.months.filter { $0.closing < 0 }.count) of \(t.months.count) months\n" : "\n"
    }
    let after = t.receivableAfterHorizon.sorted { $0.key < $1.key }
    if !after.isEmpty, let last = t.months.last {
      out +=
        "  Still to be received after \(last.month): " + Money.format(Money.sum(after.map(\.value))) + " EUR ("
        + after.map { "\(t.kind($0.key)?.label ?? $0.key) \(Money.format($0.value))" }.joined(separator: ", ") + ")\n"
    }
    let owed = t.payableAfterHorizon.sorted { $0.key < $1.key }
    if !owed.isEmpty, let last = t.months.last {
      out +=
        "  Still to be paid after \(last.month): " + Money.format(Money.sum(owed.map(\.value))) + " EUR ("
        + owed.map { "\(t.kind($0.key)?.label ?? $0.key) \(Money.format($0.value))" }.joined(separator: ", ") + ")\n"
    }
    out += "  Timing of each flow:\n"
    for k in t.kinds { out += "    \(k.receipt ? "+" : "-") \(k.label): \(k.timing)\n" }
    return out
  }
}
