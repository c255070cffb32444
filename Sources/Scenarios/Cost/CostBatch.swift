import Foundation
import Planner

/// `plan cost` for many cases: each case's report (one row, the same lines as a single case)
/// or why it has none, located at the case's row; the rule packs' warnings once.
public struct CostBatch: Sendable {
  public struct Row: Sendable {
    public var name: String
    /// The case asked (`nil` for a row of a cases file that could not be read).
    public var query: CostQuery?
    public var location: SourceLocation?
    public var report: CostReport?
    /// Why the case has no report, at its row of the cases file (or without a place for a
    /// case of a grid of options, named by what varies).
    public var errors: [Diagnostic]
  }

  public var rows: [Row]
  public var warnings: [Diagnostic]
  /// The cost lines some case has, in the rule packs' order.
  public var lines: [(id: String, label: String)]

  /// The totals each row gives, in order (the `CostReport` fields of the same names).
  public static let totals = [
    "gross", "employer_contributions", "reductions", "taxe_salaires", "versement_transport", "end_of_contract_indemnity", "aids",
    "employer_cost", "employee_contributions", "net_pay",
  ]

  /// `unread`: the rows of a cases file that could not be read, shown among the others (in
  /// the file's order) with why.
  public static func run(_ cases: [CostCase], unread: [CostCase.Unread] = [], ruleSet: RuleSet, strict: Bool = false)
    throws(DiagnosticList) -> CostBatch
  {
    let (outcomes, warnings) = try PositionCost.computeBatch(cases.map(\.query), ruleSet: ruleSet, strict: strict)
    var rows: [Row] = []
    var ids = Set<String>()
    for (c, outcome) in zip(cases, outcomes) {
      switch outcome {
      case .success(let report):
        rows.append(Row(name: c.name, query: c.query, location: c.location, report: report, errors: []))
        for l in report.lines { ids.insert(l.id) }
      case .failure(let list):
        // Each reason at the case's row, the rule packs' place as a note.
        let errors = list.diagnostics.map { d -> Diagnostic in
          let reason = d.phrase.map { Phrase.Argument.phrase($0) } ?? .text(d.message)
          return .error(
            .costCases, Phrase("error.cases.refused", ["case": .text(c.name), "reason": reason]), at: c.location,
            notes: d.location.map { [Diagnostic.Note(Phrase("note.cases.rule"), at: $0)] } ?? [])
        }
        rows.append(Row(name: c.name, query: c.query, location: c.location, report: nil, errors: errors))
      }
    }
    rows += unread.map { Row(name: $0.name, query: nil, location: $0.location, report: nil, errors: $0.errors) }
    if !unread.isEmpty { rows.sort { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) } }
    let lines = ruleSet.rules.filter { ids.contains($0.name) && PositionCost.groups.contains($0.group ?? "") }
      .sorted { (PositionCost.groups.firstIndex(of: $0.group ?? "") ?? 0) < (PositionCost.groups.firstIndex(of: $1.group ?? "") ?? 0) }
      .map { ($0.name, $0.label ?? $0.name) }
    return CostBatch(rows: rows, warnings: warnings, lines: lines)
  }

  /// The errors of every refused case, in order.
  public var errors: [Diagnostic] { rows.flatMap(\.errors) }

  public static func total(_ r: CostReport, _ key: String) -> Double {
    switch key {
    case "gross": r.gross
    case "employer_contributions": r.employerContributions
    case "reductions": r.reductions
    case "taxe_salaires": r.taxeSalaires
    case "versement_transport": r.versementTransport
    case "end_of_contract_indemnity": r.endOfContractIndemnity
    case "aids": r.aids
    case "employer_cost": r.employerCost
    case "employee_contributions": r.employeeContributions
    default: r.netPay
    }
  }

  /// The columns describing a case, then the totals, then each line's amount, then the
  /// reason a case was refused.
  public static let caseColumns = ["case", "contract", "month", "hours", "category", "employer", "headcount"]

  public func header(_ m: Messages) -> [String] {
    Self.caseColumns.map { m("cost.column.\($0)") } + Self.totals.map { m("cost.column.\($0)") } + lines.map(\.label)
      + [m("cost.column.error")]
  }

  /// One row's cells: texts, and numbers (nil where the case has none).
  public func cells(_ row: Row, _ m: Messages) -> (texts: [String], numbers: [Double?], error: String) {
    var texts: [String] = [row.name]
    if let q = row.query {
      texts += [q.contract, "\(q.month)", q.hours.map { m.number($0) } ?? "", q.category, q.employer, "\(q.headcount)"]
    } else {
      texts += Array(repeating: "", count: Self.caseColumns.count - 1)
    }
    var numbers: [Double?] = Self.totals.map { key in row.report.map { Self.total($0, key) } }
    numbers += lines.map { l in row.report.map { r in r.lines.first { $0.id == l.id }?.amount ?? 0 } }
    return (texts, numbers, row.errors.map { $0.message(in: m) }.joined(separator: " | "))
  }

  /// The CSV: one row a case.
  public func csv(dialect: CSVDialect, messages m: Messages) -> String {
    var out = [header(m).map(dialect.field).joined(separator: dialect.separator)]
    for row in rows {
      let (texts, numbers, error) = cells(row, m)
      let fields = texts.map(dialect.field) + numbers.map { $0.map { dialect.number($0) } ?? "" } + [dialect.field(error)]
      out.append(fields.joined(separator: dialect.separator))
    }
    return dialect.byteOrderMark + out.joined(separator: "\n") + "\n"
  }

  /// The JSON contract: `cases`, each `{case, query, report}` or `{case, query, errors}`.
  public struct Document: Encodable {
    struct Case: Encodable {
      var `case`: String
      var contract: String?
      var month: String?
      var gross: Double?
      var hours: Double?
      var category: String?
      var employer: String?
      var headcount: Int?
      var report: CostReport?
      var errors: [String]?
    }
    var formatVersion = 1
    var cases: [Case]
    var warnings: [String]

    enum CodingKeys: String, CodingKey {
      case formatVersion = "format_version"
      case cases, warnings
    }

    public init(_ b: CostBatch, messages m: Messages) {
      cases = b.rows.map { r in
        let q = r.query
        return Case(
          case: r.name, contract: q?.contract, month: q.map { "\($0.month)" }, gross: q?.gross, hours: q?.hours, category: q?.category,
          employer: q?.employer, headcount: q?.headcount, report: r.report,
          errors: r.errors.isEmpty ? nil : r.errors.map { $0.message(in: m) })
      }
      warnings = b.warnings.map { $0.message(in: m) }
    }
  }
}
