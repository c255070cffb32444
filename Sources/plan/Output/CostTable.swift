import Foundation
import Planner
import Scenarios

/// `plan cost` as a table for a terminal.
enum CostTable {
  static func render(_ r: CostReport) -> String {
    var out = "\(r.contract), \(r.category), \(Money.format(r.gross)) EUR gross, \(r.month) — \(r.employer), \(r.headcount) employees\n\n"
    let titles = [
      "indemnity": "End-of-contract indemnity", "employer_contributions": "Employer contributions and payroll taxes",
      "reductions": "Reductions", "employee_contributions": "Employee contributions (withheld from the pay)",
      "aids": "Aids received", "information": "For information", "in_kind": "Valued, not paid",
    ]
    let width = max(40, r.lines.map(\.label.count).max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func left(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
    var group = ""
    for line in r.lines {
      if line.group != group {
        group = line.group
        out += "\(titles[group] ?? group)\n"
        out += "  " + pad("line", width) + left("base", 12) + left("rate", 10) + left("amount", 12) + "  source\n"
      }
      let base = line.base.map { Money.format($0) } ?? ""
      let rate = line.rate.map { percent($0) } ?? ""
      out += "  " + pad(line.label, width) + left(base, 12) + left(rate, 10) + left(Money.format(line.amount), 12)
      out += "  " + (line.source ?? "") + "\n"
    }
    out += "\n"
    let totals: [(String, Double)] = [
      ("Gross pay", r.gross), ("End-of-contract indemnity", r.endOfContractIndemnity),
      ("Employer contributions and payroll taxes", r.employerContributions), ("Reductions", -r.reductions),
      ("Employer cost", r.employerCost), ("Aids received", r.aids),
      ("Employee contributions withheld", r.employeeContributions), ("Net pay (paid at the month's end)", r.netPay),
    ]
    for (label, value) in totals { out += "  " + pad(label, width) + left(Money.format(value), 34) + "\n" }
    out +=
      "\n  of which taxe sur les salaires (before the associations' allowance): \(Money.format(r.taxeSalaires)); versement transport: \(Money.format(r.versementTransport))"
    return out
  }

  static func percent(_ x: Double) -> String {
    var s = String(format: "%.3f", x * 100)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s + " %"
  }
}
