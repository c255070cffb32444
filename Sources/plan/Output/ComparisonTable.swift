import Foundation
import Planner
import Scenarios

/// `plan compare` for a terminal: a block per exercise, a column per scenario, deltas
/// against the first (absolute, then percent).
enum ComparisonTable {
  static func render(_ c: Comparison) -> String {
    let m = Messages.of(c.projections.first?.language ?? .en)
    let ids = c.projections.map(\.scenario.id)
    var out = m("compare.scenarios", ["list": ids.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "  ")]) + "\n"
    out += m("compare.deltas") + "\n"
    let width = min(46, (c.rows.map { $0.label.count }.max() ?? 26) + 6)
    for period in c.periods {
      out += "\n\(period)\n" + ProjectionTable.pad("", width)
      for i in ids.indices {
        out += ProjectionTable.left("[\(i + 1)]", 13)
        if i > 0 { out += ProjectionTable.left("Δ", 12) + ProjectionTable.left(m("compare.delta_percent"), 8) }
      }
      out += "\n"
      let shown = c.rows.filter { $0.always || $0.differs(in: period) }
      for row in shown {
        // A line under a section compared is indented under it.
        let parent = row.key.split(separator: "/").dropLast().joined(separator: "/")
        let indent = row.key.contains("/") && shown.contains { $0.key == parent } ? "    " : "  "
        out += ProjectionTable.pad(indent + row.label, width)
        let base = row.values[ids[0]]?[period] ?? 0
        for (i, id) in ids.enumerated() {
          let v = row.values[id]?[period] ?? 0
          out += ProjectionTable.left(m.amount(v), 13)
          if i > 0 {
            out += ProjectionTable.left(v == base ? "·" : m.amount(v - base), 12)
            // A relative change reads only between positive figures: a deficit growing from
            // −8,142 to −48,142 is not "−491 %"; then the change in euros alone.
            let relative = base > 0 && v > 0 && v != base
            out += ProjectionTable.left(relative ? (v > base ? "+" : "") + m.number((v - base) / base * 100, digits: 1) : "", 8)
          }
        }
        out += "\n"
      }
    }
    for id in ids.dropFirst() {
      let d = c.differences[id] ?? []
      out += "\n" + m("compare.changes", ["id": id, "count": m.integer(d.count)]) + "\n"
      out += d.isEmpty ? "  " + m("compare.nothing") + "\n" : d.map { "  - \($0)\n" }.joined()
    }
    return out.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
  }
}

/// The JSON of `plan compare`.
struct ComparisonDocument: Encodable {
  var formatVersion = 1
  var scenarios: [String]
  var periods: [String]
  var rows: [Comparison.Row]
  var differences: [String: [String]]

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case scenarios, periods, rows, differences
  }

  init(_ c: Comparison) {
    scenarios = c.projections.map(\.scenario.id)
    periods = c.periods
    rows = c.rows
    differences = c.differences
  }
}
