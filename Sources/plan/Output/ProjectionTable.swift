import Foundation
import Planner
import Scenarios

/// A projection as tables for a terminal: one block per period, in the projection's language.
enum ProjectionTable {
  static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
  static func left(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

  static func render(_ p: Projection, layout: LayoutFigures? = nil, command: String = "plan check") -> String {
    let m = Messages.of(p.language)
    var out = m("run.title", ["title": p.scenario.title, "id": p.scenario.id]) + "\n"
    for period in p.periods {
      out += "\n" + (layout.map { budget(p, period, $0, m) } ?? budget(p, period, m))
    }
    out += "\n" + staffing(p, m)
    out += "\n" + indicators(p, m)
    if let t = p.treasury { out += "\n" + cash(t, p.periods, m) }
    if !p.scenario.assumptions.isEmpty {
      out += "\n" + m("run.assumptions") + "\n" + p.scenario.assumptions.map { "  - \($0)\n" }.joined()
    }
    if !p.warnings.isEmpty { out += "\n" + warnings(p.warnings, m, command: command) }
    return out
  }

  /// Kinds of warnings shown as one line each (their subjects listed), for a committee: the
  /// parameters a dated source does not confirm, the source's roundings of FTE. Every other
  /// warning is shown in full; `plan check` shows each one with its place in the files.
  static let grouped: [DiagnosticID] = [.parametersUnconfirmed, .sourceFteRounding]

  static func warnings(_ all: [Diagnostic], _ m: Messages, command: String) -> String {
    var out = m("run.warnings.heading", ["count": m.integer(all.count)]) + "\n"
    for d in all where !grouped.contains(d.id) { out += "  - " + d.message(in: m) + "  [\(d.id)]\n" }
    for id in grouped {
      let these = all.filter { $0.id == id }
      guard !these.isEmpty else { continue }
      var subjects: [String] = []
      for d in these {
        var subject = d.subject ?? ""
        if subject.isEmpty, let args = d.phrase?.arguments, let label = args["label"] {
          subject = (args["period"].map { m.render($0) + " " } ?? "") + m.render(label)
        }
        if !subjects.contains(subject) { subjects.append(subject) }
      }
      out +=
        "  - " + m.count("run.warnings.group.\(id.rawValue)", these.count, ["list": subjects.joined(separator: ", ")]) + "  [\(id)]\n"
    }
    out += m("run.warnings.details", ["command": command]) + "\n"
    return out
  }

  /// A period's span for a person: `nov. 2010 – déc. 2011, 14 mois`.
  static func span(_ period: Period, _ m: Messages) -> String {
    m("run.period.span", ["from": m.month(period.from), "to": m.month(period.to), "months": m.months(period.months)])
  }

  static func budget(_ p: Projection, _ period: Period, _ m: Messages) -> String {
    let recorded = p.scenario.actuals[period.id] != nil
    var out = m(recorded ? "run.budget.heading.recorded" : "run.budget.heading", ["period": period.id, "span": span(period, m)]) + "\n"
    out +=
      pad("", 46) + left(m("budget.column.fonctionnement"), 15) + left(m("budget.column.projets"), 13) + left(m("budget.column.total"), 13)
      + left(m("budget.column.share"), 9) + "\n"
    var paths: [String] = []
    for row in p.budget where !paths.contains(row.path) { paths.append(row.path) }
    for path in paths {
      func cell(_ column: String) -> Double { p.budget.first { $0.path == path && $0.budget == column }?.values[period.id] ?? 0 }
      let label = p.budget.first { $0.path == path }!.label(m.language)
      let depth = path.split(separator: "/").count
      if path == paths.first { out += m("budget.charges") + "\n" }
      if path.hasPrefix("produits/") && !(paths.first { $0.hasPrefix("produits/") }.map { $0 != path } ?? true) {
        out += m("budget.produits") + "\n"
      }
      let share = p.budget.first { $0.path == path && $0.budget == "total" }?.shares[period.id] ?? 0
      let indent = String(repeating: "  ", count: depth - 1)
      let values = [cell("fonctionnement"), cell("projets"), cell("total")]
      if depth == 3 && values.allSatisfy({ $0 == 0 }) { continue }
      out += pad(indent + label, 46) + left(m.amount(values[0]), 15) + left(m.amount(values[1]), 13) + left(m.amount(values[2]), 13)
      out += left(m.number(share, digits: 2), 9) + "\n"
    }
    if let r = p.indicators["result"]?[period.id] { out += pad(m("budget.result"), 46) + left("", 28) + left(m.amount(r), 13) + "\n" }
    return out
  }

  /// A period's budget in another layout (the CERFA's): headings, their lines with their
  /// accounts, each part's total, the result, and the layout's note.
  static func budget(_ p: Projection, _ period: Period, _ layout: LayoutFigures, _ m: Messages) -> String {
    let recorded = p.scenario.actuals[period.id] != nil
    var out = m(recorded ? "run.budget.heading.recorded" : "run.budget.heading", ["period": period.id, "span": span(period, m)])
    out += " — " + layout.title + "\n"
    out +=
      pad("", 74) + left(m("budget.column.fonctionnement"), 15) + left(m("budget.column.projets"), 13) + left(m("budget.column.total"), 13)
      + "\n"
    var paths: [String] = []
    for row in layout.rows where !paths.contains(row.path) { paths.append(row.path) }
    for path in paths {
      let cells = layout.rows.filter { $0.path == path }
      guard let first = cells.first else { continue }
      func cell(_ c: String) -> Double { cells.first { $0.budget == c }?.values[period.id] ?? 0 }
      let values = [cell("fonctionnement"), cell("projets"), cell("total")]
      // Lines at zero are left out, as in the source's layout; headings and totals stay.
      if first.depth == 2 && values.allSatisfy({ $0 == 0 }) { continue }
      let name =
        first.depth == 0 ? first.label : first.depth == 1 ? first.label : "    " + first.account + "  " + first.label
      out += pad(name, 74) + left(m.amount(values[0]), 15) + left(m.amount(values[1]), 13) + left(m.amount(values[2]), 13) + "\n"
    }
    if let r = p.indicators["result"]?[period.id] { out += pad(m("budget.result"), 74) + left("", 28) + left(m.amount(r), 13) + "\n" }
    if let note = layout.note { out += note + "\n" }
    return out
  }

  static func staffing(_ p: Projection, _ m: Messages) -> String {
    var out = m("run.staffing") + "\n" + pad("", 40)
    for period in p.periods { out += left(period.id, 20) }
    out += "\n"
    for row in p.staffing {
      out += pad("  " + row.label(m.language), 40)
      for period in p.periods {
        let h = row.hours[period.id] ?? 0, f = row.fte[period.id] ?? 0
        out += left(m("run.staffing.cell", ["hours": m.number(h, digits: 0), "fte": m.number(f, digits: 2)]), 20)
      }
      out += "\n"
    }
    return out
  }

  /// The indicators `plan run` shows, in order (their names: `indicator.<id>` in the catalogues).
  static let indicatorIds = ["produits", "charges", "result", "reserves", "subsidies_share", "dues_per_member", "fte", "cost_per_fte"]

  static func indicators(_ p: Projection, _ m: Messages) -> String {
    var out = m("run.indicators") + "\n" + pad("", 40)
    for period in p.periods { out += left(period.id, 16) }
    out += "\n"
    for key in indicatorIds {
      out += pad("  " + m("indicator.\(key)"), 40)
      for period in p.periods { out += left(m.amount(p.indicators[key]?[period.id] ?? 0), 16) }
      out += "\n"
    }
    out += pad("  " + m("indicator.in_kind"), 40)
    for period in p.periods { out += left(m.amount(p.inKind[period.id] ?? 0), 16) }
    return out + "\n"
  }

  /// The cash plan: month by month when the projection is by month, otherwise each period's
  /// lowest point and what is owed at its end; then the horizon's lowest point.
  static func cash(_ t: Treasury, _ periods: [Period], _ m: Messages) -> String {
    var out = m(
      t.openingGiven ? "cash.heading" : "cash.heading.assumed",
      ["balance": m.euros(t.openingBalance), "month": t.months.first.map { m.month($0.month) } ?? ""])
    out += "\n"
    if periods.count == t.months.count {
      out +=
        pad("  " + m("cash.column.month"), 12) + left(m("cash.column.opening"), 14) + left(m("cash.column.receipts"), 14)
        + left(m("cash.column.disbursements"), 15) + left(m("cash.column.financing"), 12) + left(m("cash.column.closing"), 14)
        + left(m("cash.column.overdraft"), 12) + left(m("cash.column.advances"), 12) + "\n"
      for f in t.months {
        out +=
          pad("  " + m.month(f.month), 12) + left(m.amount(f.opening), 14) + left(m.amount(f.totalReceipts), 14)
          + left(m.amount(f.totalDisbursements), 15) + left(m.amount(f.financing), 12) + left(m.amount(f.closing), 14)
          + left(m.amount(f.overdraft), 12) + left(m.amount(f.advances), 12) + (f.closing < 0 ? "  " + m("cash.below_zero") : "") + "\n"
      }
    } else {
      out += pad("", 40)
      for period in periods { out += left(period.id, 16) }
      out += "\n"
      let rows: [(String, (Treasury.PeriodFigures) -> String)] = [
        ("cash.lowest", { m.amount($0.lowestCash) }),
        ("cash.lowest_month", { m.month($0.lowestCashMonth) }),
        ("cash.months_below_zero", { m.integer($0.monthsBelowZero) }), ("cash.months_in_overdraft", { m.integer($0.monthsInOverdraft) }),
        ("cash.receivables_end", { m.amount($0.receivablesEnd) }), ("cash.payables_end", { m.amount($0.payablesEnd) }),
        ("cash.financing_cost", { m.amount($0.financingCost) }),
      ]
      for (key, cell) in rows {
        out += pad("  " + m(key), 40)
        for period in periods { out += left(t.periods[period.id].map(cell) ?? "", 16) }
        out += "\n"
      }
    }
    if let low = t.months.min(by: { $0.closing < $1.closing }) {
      out += "  " + m("cash.lowest_point", ["amount": m.euros(low.closing), "month": m.month(low.month)])
      if low.closing < 0 {
        out += m(
          "cash.below_zero_months", ["count": m.integer(t.months.filter { $0.closing < 0 }.count), "total": m.integer(t.months.count)])
      }
      out += "\n"
    }
    for (key, owed) in [("cash.to_receive_after", t.receivableAfterHorizon), ("cash.to_pay_after", t.payableAfterHorizon)] {
      let lines = owed.sorted { $0.key < $1.key }
      guard !lines.isEmpty, let last = t.months.last else { continue }
      let items = lines.map { "\(t.kind($0.key)?.label ?? $0.key) \(m.amount($0.value))" }.joined(separator: ", ")
      out += "  " + m(key, ["month": m.month(last.month), "amount": m.euros(Money.sum(lines.map(\.value))), "items": items]) + "\n"
    }
    out += "  " + m("cash.timing") + "\n"
    for k in t.kinds { out += "    \(k.receipt ? "+" : "-") \(k.label): \(k.timing)\n" }
    return out
  }
}
