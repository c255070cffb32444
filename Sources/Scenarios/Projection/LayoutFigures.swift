import Planner

/// A projection's budget in another layout of the rule packs (`layouts:`, the CERFA n° 12156
/// one): each line the sum of the budget's lines it names, each heading the sum of its lines,
/// each part's total the sum of its headings — so that the form's totals are the budget's.
public struct LayoutFigures: Sendable, Encodable {
  public struct Row: Sendable, Encodable {
    public var path: String
    public var account: String
    public var label: String
    /// `fonctionnement`, `projets` or `total`.
    public var budget: String
    /// 1 for a heading (60, 74…), 2 for a line under it, 0 for a part's total.
    public var depth: Int
    public var values: [String: Double]
  }

  public var layout: String
  public var title: String
  public var note: String?
  public var rows: [Row]

  /// The layout's rows for a projection, in its language.
  public init(_ layout: Layout, _ p: Projection) {
    let language = p.language.rawValue
    self.layout = layout.name
    title = language == "en" ? (layout.titleEN ?? layout.title) : layout.title
    note = language == "en" ? (layout.noteEN ?? layout.note) : layout.note
    var rows: [Row] = []
    for column in ["fonctionnement", "projets", "total"] {
      /// A budget line's figures; the volunteers' valuation (86/87) in the total column only.
      func source(_ path: String) -> [String: Double] {
        if path == "in_kind/benevolat" { return column == "total" ? p.inKind : [:] }
        return p.budget.first { $0.path == path && $0.budget == column }?.values ?? [:]
      }
      func sum(_ figures: [[String: Double]]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: p.periods.map { period in (period.id, Money.sum(figures.map { $0[period.id] ?? 0 })) })
      }
      for part in layout.parts {
        var headings: [[String: Double]] = []
        for (i, heading) in part.rows.enumerated() {
          let lines = heading.rows.map { line in (line, sum(line.from.map(source))) }
          let own = sum(heading.from.map(source))
          let value = sum([own] + lines.map(\.1))
          headings.append(value)
          rows.append(
            Row(
              path: "\(part.name)/\(i + 1)", account: heading.account, label: heading.label(in: language), budget: column, depth: 1,
              values: value))
          for (j, (line, v)) in lines.enumerated() {
            rows.append(
              Row(
                path: "\(part.name)/\(i + 1)/\(j + 1)", account: line.account, label: line.label(in: language), budget: column, depth: 2,
                values: v))
          }
        }
        if let total = part.total {
          rows.append(
            Row(
              path: "\(part.name)/total", account: "", label: language == "en" ? (part.totalEN ?? total) : total, budget: column,
              depth: 0, values: sum(headings)))
        }
      }
    }
    // Grouped by row, each in its three columns, in the layout's order.
    var order: [String] = []
    for r in rows where !order.contains(r.path) { order.append(r.path) }
    self.rows = order.flatMap { path in rows.filter { $0.path == path } }
  }

  /// What is wrong with a layout of the budget: a line of the budget it leaves out or counts
  /// twice, a line it names that the budget does not have. Lines that only a recorded
  /// exercise shows (`…/non_detaille`) and the volunteers' valuation may be named.
  public static func check(_ layout: Layout, _ ruleSet: RuleSet) -> [Diagnostic] {
    let paths = Set(ruleSet.rules.filter { $0.table == layout.table }.compactMap(\.path))
    let leaves = paths.filter { p in !p.hasSuffix("/total") && !paths.contains { $0.hasPrefix(p + "/") } }
    var count: [String: Int] = [:]
    var out: [Diagnostic] = []
    func visit(_ row: Layout.Row, part: String) {
      for path in row.from {
        if part == "in_kind" {
          if path != "in_kind/benevolat" {
            out.append(
              .error(
                .layoutCoverage, Phrase("error.layout_coverage.1", ["layout_name": .text("\(layout.name)"), "path": .text("\(path)")]),
                at: row.location))
          }
          continue
        }
        if !paths.contains(path) && !path.hasSuffix("/non_detaille") {
          let near = Phrase.suggestion(Suggestion.nearest(to: path, among: Array(leaves)))
          out.append(
            .error(
              .layoutCoverage,
              Phrase(
                "error.layout.no_line", ["layout": .text(layout.name), "table": .text(layout.table), "path": .text(path), "near": near]),
              at: row.location))
        }
        count[path, default: 0] += 1
      }
      for r in row.rows { visit(r, part: part) }
    }
    for part in layout.parts { for row in part.rows { visit(row, part: part.name) } }
    for leaf in leaves.sorted() where count[leaf, default: 0] != 1 {
      let n = count[leaf, default: 0]
      out.append(
        .error(
          .layoutCoverage,
          Phrase(
            n == 0 ? "error.layout.leaves_out" : "error.layout.counts_twice",
            ["layout": .text(layout.name), "table": .text(layout.table), "line": .text(leaf), "n": .integer(n)]),
          at: layout.location))
    }
    return out
  }
}
