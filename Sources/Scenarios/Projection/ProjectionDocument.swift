import Foundation

/// The JSON output of `plan run` (format documented in README.md): stable for programs.
public struct ProjectionDocument: Encodable {
  public var formatVersion = 1
  public var scenario: String
  public var title: String
  public var assumptions: [String]
  public var periods: [Period]
  public var budget: [BudgetRow]
  public var staffing: [StaffingRow]
  public var indicators: [String: [String: Double]]
  public var inKind: [String: Double]
  public var warnings: [Warning]

  /// A warning in the JSON contract: its id, its message and where it comes from.
  public struct Warning: Encodable, Sendable {
    public var code: String
    public var message: String
    public var `where`: String?
  }

  public init(_ p: Projection) {
    scenario = p.scenario.id
    title = p.scenario.title
    assumptions = p.scenario.assumptions
    periods = p.periods
    budget = p.budget
    staffing = p.staffing
    indicators = p.indicators
    inKind = p.inKind
    warnings = p.warnings.map { Warning(code: $0.id.rawValue, message: $0.message, where: $0.location.map { "\($0)" }) }
  }

  enum CodingKeys: String, CodingKey {
    case formatVersion = "format_version"
    case scenario, title, assumptions, periods, budget, staffing, indicators
    case inKind = "in_kind"
    case warnings
  }
}

/// The tidy CSV of projections: one figure per line, for spreadsheets.
public enum ProjectionCSV {
  public static let header = "scenario,period,section,budget,line,label,value"

  public static func rows(_ p: Projection) -> [String] {
    var out: [String] = []
    for period in p.periods {
      for row in p.budget {
        let parts = row.path.split(separator: "/").map(String.init)
        let section = parts.first ?? ""
        let line = parts.dropFirst().joined(separator: "/")
        out.append(
          [p.scenario.id, period.id, section, row.budget, line.isEmpty ? section : line, row.label, number(row.values[period.id] ?? 0)].map(
            field
          ).joined(separator: ","))
      }
      for row in p.staffing {
        out.append(
          [p.scenario.id, period.id, "staffing", "hours", row.id, row.label, number(row.hours[period.id] ?? 0)].map(field).joined(
            separator: ","))
        out.append(
          [p.scenario.id, period.id, "staffing", "fte", row.id, row.label, number(row.fte[period.id] ?? 0, decimals: 4)].map(field).joined(
            separator: ","))
      }
      for (name, values) in p.indicators.sorted(by: { $0.key < $1.key }) {
        out.append(
          [p.scenario.id, period.id, "indicators", "", name, name, number(values[period.id] ?? 0)].map(field).joined(separator: ","))
      }
    }
    return out
  }

  static func number(_ x: Double, decimals: Int = 2) -> String {
    var s = String(format: "%.\(decimals)f", x)
    if s == "-0.00" { s = "0.00" }
    return s
  }

  /// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
  static func field(_ s: String) -> String {
    guard s.contains(",") || s.contains("\"") || s.contains("\n") else { return s }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}
