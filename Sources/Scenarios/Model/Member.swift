import Planner

/// A member of the cluster: an organisation, or individuals joining together (`members:`).
public struct Member: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var name: String
  public var activity: String?
  public var legalForm: String?
  public var kind: String
  /// Gross payroll by calendar year (`{2010: 300000}`).
  public var payroll: [Int: Double]
  public var estimate: Bool
  public var joined: Month
  public var left: Month?
  public var count: Int
  /// The member's own headcount, for the thresholds of its contributions were it to employ
  /// the hours the employers' group makes available to it (`plan members`); `nil`: not given.
  public var headcount: Double? = nil
  /// Whether the member is subject to VAT (its taxe sur les salaires, and the group's VAT it
  /// may deduct); `nil`: not given, taken as not.
  public var vatLiable: Bool? = nil
  public var location: SourceLocation
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Member: ScenarioEntry {
  static let what = "a member"
  static let section = "members"
  static let kind = "member"
  static var fields: [Field<Member>] {
    [
      .text("name", \.name),
      .optionalText("activity", \.activity),
      .optionalText("legal_form", \.legalForm),
      .text("kind", \.kind, categories: "member.kind"),
      Field(
        key: "payroll",
        read: { (m, n, _) throws(DiagnosticList) in
          for (year, yearNode, value) in try n.mapping("payroll by year") {
            guard let y = Int(year), (1990...2100).contains(y) else {
              throw ScenarioValue.error(Phrase("error.member.1", ["year": .text("\(year)")]), yearNode, id: .scenarioOutOfDomain)
            }
            m.payroll[y] = try ScenarioValue.number(value, "the payroll of \(y)", unit: .euro, .nonNegative)
          }
        },
        show: {
          "{" + $0.payroll.sorted { $0.key < $1.key }.map { "\($0.key): \(ScenarioValue.show($0.value))" }.joined(separator: ", ") + "}"
        }),
      .bool("estimate", \.estimate),
      .month("joined", \.joined, required: true),
      .optionalMonth("left", \.left),
      .count("count", \.count, minimum: 1),
      Field(
        key: "headcount",
        read: { (m, n, _) throws(DiagnosticList) in m.headcount = try ScenarioValue.number(n, "headcount", unit: .count, .nonNegative) },
        show: { $0.headcount.map(ScenarioValue.show) ?? "–" }),
      Field(
        key: "vat_liable",
        read: { (m, n, _) throws(DiagnosticList) in m.vatLiable = try ScenarioValue.bool(n, "vat_liable") },
        show: { $0.vatLiable.map { "\($0)" } ?? "–" }),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(
      id: id, name: "", activity: nil, legalForm: nil, kind: "organisation", payroll: [:], estimate: false, joined: Month(2000, 1),
      left: nil, count: 1, location: location)
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if name.isEmpty { name = id }
    if let left, left < joined {
      throw ScenarioValue.error(
        Phrase("error.member.2", ["id": .text("\(id)"), "left": .text("\(left)"), "joined": .text("\(joined)")]), node,
        id: .scenarioOutOfDomain)
    }
  }
}
