import Foundation
import Planner
import Scenarios

/// `plan cost` as a table for a terminal.
enum CostTable {
  static let groups = ["indemnity", "employer_contributions", "reductions", "employee_contributions", "aids", "information", "in_kind"]

  static func render(_ r: CostReport, ruleSet: RuleSet, m: Messages) -> String {
    var out =
      m(
        "cost.title",
        [
          "contract": r.contract, "category": r.category, "gross": m.euros(r.gross), "month": m.month(r.month), "employer": r.employer,
          "headcount": m.count("cost.employees", r.headcount),
        ]) + "\n\n"
    let label = { (line: CostReport.Line) in ruleSet.rule(named: line.id)?.label(in: m.language.rawValue) ?? line.label }
    let width = max(40, r.lines.map { label($0).count }.max() ?? 0)
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    var group = ""
    for line in r.lines {
      if line.group != group {
        group = line.group
        out += (groups.contains(group) ? m("cost.group.\(group)") : group) + "\n"
        out +=
          "  " + pad(m("cost.column.line"), width) + left(m("cost.column.base"), 12) + left(m("cost.column.rate"), 10)
          + left(m("cost.column.amount"), 12) + "  " + m("cost.column.source") + "\n"
      }
      let base = line.base.map(m.amount) ?? ""
      let rate = line.rate.map { percent($0, m) } ?? ""
      out += "  " + pad(label(line), width) + left(base, 12) + left(rate, 10) + left(m.amount(line.amount), 12)
      out += "  " + (line.source ?? "") + "\n"
    }
    out += "\n"
    let totals: [(String, Double)] = [
      ("cost.total.gross", r.gross), ("cost.group.indemnity", r.endOfContractIndemnity),
      ("cost.group.employer_contributions", r.employerContributions), ("cost.group.reductions", -r.reductions),
      ("cost.total.employer_cost", r.employerCost), ("cost.group.aids", r.aids),
      ("cost.total.employee_contributions", r.employeeContributions), ("cost.total.net_pay", r.netPay),
    ]
    for (key, value) in totals { out += "  " + pad(m(key), width) + left(m.amount(value), 34) + "\n" }
    out += "\n  " + m("cost.of_which", ["taxe_salaires": m.amount(r.taxeSalaires), "versement_transport": m.amount(r.versementTransport)])
    return out
  }

  /// A rate with up to three decimals, without trailing zeros: `13,1 %`, `0,3 %`.
  static func percent(_ x: Double, _ m: Messages) -> String {
    var s = m.number(x * 100, digits: 3)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(m.decimalSeparator) { s.removeLast() }
    return s + (m.language == .fr ? "\u{00A0}%" : " %")
  }

  /// Many cases: one row each, the main totals (the CSV, JSON and workbook give every line).
  static func render(_ b: CostBatch, m: Messages) -> String {
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    let keys = ["gross", "employer_contributions", "reductions", "taxe_salaires", "employer_cost", "net_pay"]
    let width = max(12, min(40, (b.rows.map { $0.name.count }.max() ?? 0) + 2))
    let columns = keys.map { max(13, m("cost.column.short.\($0)").count + 2) }
    var out = pad(m("cost.column.case"), width) + zip(keys, columns).map { left(m("cost.column.short.\($0)"), $1) }.joined() + "\n"
    for row in b.rows {
      out += pad(row.name, width)
      if let r = row.report {
        out += zip(keys, columns).map { left(m.amount(CostBatch.total(r, $0)), $1) }.joined()
      } else {
        out += "  " + m("cost.batch.refused")
      }
      out += "\n"
    }
    let refused = b.rows.filter { $0.report == nil }.count
    out += "\n" + m("cost.batch.summary", ["count": m.integer(b.rows.count), "refused": m.integer(refused)]) + "\n"
    return out
  }
}
