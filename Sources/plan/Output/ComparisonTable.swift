import Foundation
import Scenarios

/// `plan compare` for a terminal: a block per exercise, a column per scenario, deltas
/// against the first (absolute, then percent).
enum ComparisonTable {
  static func render(_ c: Comparison) -> String {
    let ids = c.projections.map(\.scenario.id)
    var out = "Scenarios: " + ids.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "  ") + "\n"
    out += "Deltas (Δ) against [1].\n"
    for period in c.periods {
      out += "\n\(period)\n" + ProjectionTable.pad("", 30)
      for i in ids.indices {
        out += ProjectionTable.left("[\(i + 1)]", 13)
        if i > 0 { out += ProjectionTable.left("Δ", 12) + ProjectionTable.left("Δ %", 8) }
      }
      out += "\n"
      for row in c.rows {
        out += ProjectionTable.pad("  " + row.label, 30)
        let base = row.values[ids[0]]?[period] ?? 0
        for (i, id) in ids.enumerated() {
          let v = row.values[id]?[period] ?? 0
          out += ProjectionTable.left(Money.format(v), 13)
          if i > 0 {
            out += ProjectionTable.left(v == base ? "·" : Money.format(v - base), 12)
            out += ProjectionTable.left(base == 0 || v == base ? "" : String(format: "%+.1f", (v - base) / abs(base) * 100), 8)
          }
        }
        out += "\n"
      }
    }
    for id in ids.dropFirst() {
      let d = c.differences[id] ?? []
      out += "\nWhat \(id) changes (\(d.count))\n" + (d.isEmpty ? "  nothing\n" : d.map { "  - \($0)\n" }.joined())
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
