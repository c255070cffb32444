import Foundation
import Planner
import Scenarios

/// `plan run --summary`: one screen for a committee — per exercise the result, the reserves,
/// the cash at its lowest, the dependence on subsidies and the FTE; the warnings and
/// assumptions counted, with the command that shows them.
enum ProjectionSummary {
  static func render(_ p: Projection, command: String) -> String {
    let m = Messages.of(p.language)
    let pad = ProjectionTable.pad, left = ProjectionTable.left
    var out = m("run.title", ["title": p.scenario.title, "id": p.scenario.id]) + "\n\n"
    var rows: [(String, (String) -> String)] = [
      ("summary.result", { m.amount(p.indicators["result"]?[$0] ?? 0) }),
      ("summary.reserves", { m.amount(p.indicators["reserves"]?[$0] ?? 0) }),
    ]
    if let t = p.treasury {
      rows += [
        ("summary.lowest_cash", { t.periods[$0].map { m.amount($0.lowestCash) } ?? "" }),
        ("summary.lowest_cash_month", { t.periods[$0].map { m.month($0.lowestCashMonth) } ?? "" }),
      ]
    }
    rows += [
      ("summary.subsidies_share", { m.percent((p.indicators["subsidies_share"]?[$0] ?? 0) / 100) }),
      ("summary.fte", { m.number(p.indicators["fte"]?[$0] ?? 0, digits: 2) }),
    ]
    let width = rows.map { m($0.0).count }.max()! + 2
    out += pad("", width) + p.periods.map { left($0.id, 13) }.joined() + "\n"
    for (key, cell) in rows { out += pad(m(key), width) + p.periods.map { left(cell($0.id), 13) }.joined() + "\n" }
    if let t = p.treasury, let low = t.months.min(by: { $0.closing < $1.closing }), low.closing < 0 {
      out +=
        "\n"
        + m(
          "summary.cash_below_zero",
          [
            "amount": m.euros(low.closing), "month": m.month(low.month), "count": m.integer(t.months.filter { $0.closing < 0 }.count),
            "total": m.integer(t.months.count),
          ]) + "\n"
    }
    let counts = [
      "warnings": m.count("summary.warnings", p.warnings.count),
      "assumptions": m.count("summary.assumptions", p.scenario.assumptions.count),
    ]
    out += "\n" + m("summary.details", counts.merging(["command": command]) { a, _ in a }) + "\n"
    return out
  }
}
