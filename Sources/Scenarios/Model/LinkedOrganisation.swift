import Planner

/// Another legal person the members created besides the cluster (`organisations:`), such as
/// the employers' group L'équipe associée (EAGE, created 2012-01-01): its own scenario file
/// (statute, staff, items, exercises), and what it makes available to the members and to the
/// cluster (`provision`: the hours of its positions, month by month), invoiced at cost plus
/// a management fee.
public struct LinkedOrganisation: Sendable {
  /// One position's hours made available to one member (or to the cluster, `cluster`).
  public struct Provision: Sendable {
    public var position: String
    public var member: String
    /// Share of the position's hours (and of its cost) for the member.
    public var share: Double
    public var from: Month?
    public var to: Month?
    public var location: SourceLocation
  }

  /// A member of the organisation (a member of the cluster, or the cluster itself), from
  /// when to when, and its votes at the general meeting.
  public struct Membership: Sendable {
    public var member: String
    public var from: Month?
    public var to: Month?
    /// Votes at the general meeting: one member, one vote unless the scenario says otherwise.
    public var votes: Double
    public var location: SourceLocation

    func covers(_ month: Month) -> Bool { (from.map { $0 <= month } ?? true) && (to.map { month <= $0 } ?? true) }
  }

  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var name: String = ""
  /// The organisation's scenario file, relative to this scenario's folder.
  public var file: String = ""
  /// `employers_group` (a groupement d'employeurs, art. L1253-1 ff. C. trav.).
  public var kind: String = "employers_group"
  /// The management fee on the cost invoiced (0: at cost).
  public var feeRate: Double = 0
  /// VAT on the invoices: `exempt_261b` (a groupement de moyens whose members' activities are
  /// exempt or outside VAT, art. 261 B CGI, when its conditions hold) or `taxable`.
  public var vat: String = ""
  /// Why the scenario takes that VAT regime (the conditions of art. 261 B, a ruling, …).
  public var vatSource: String = ""
  public var provision: [Provision] = []
  /// Its members (`members:`), or, when the scenario does not list them, every member the
  /// group makes hours available to, over the whole horizon, one vote each.
  public var memberships: [Membership] = []
  /// Whether the scenario listed the members (otherwise they are taken from `provision`).
  public var membersGiven = false
  public var location: SourceLocation

  /// The members as listed, or taken from the provisions (in their order, one vote each).
  public var members: [Membership] {
    if membersGiven { return memberships }
    var seen: [String] = []
    for p in provision where !seen.contains(p.member) { seen.append(p.member) }
    return seen.map { id in
      Membership(member: id, from: nil, to: nil, votes: 1, location: provision.first { $0.member == id }!.location)
    }
  }

  /// Who is a member in `month`.
  public func members(in month: Month) -> [Membership] { members.filter { $0.covers(month) } }

  /// The member id of the cluster itself, when the group makes hours available to it.
  public static let cluster = "cluster"
  public static let kinds = ["employers_group"]
  public static let vatRegimes = ["exempt_261b", "taxable"]
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension LinkedOrganisation: ScenarioEntry {
  static let what = "an organisation"
  static let section = "organisations"
  static let kind = "organisation"
  static var fields: [Field<LinkedOrganisation>] {
    [
      .text("name", \.name),
      .text("file", \.file, required: true),
      .text("kind", \.kind),
      .number("fee_rate", \.feeRate, .unitInterval),
      .text("vat", \.vat, required: true),
      .text("vat_source", \.vatSource, required: true),
      Field(
        key: "provision",
        read: { (o, n, _) throws(DiagnosticList) in
          o.provision = []
          for e in try n.sequence("the hours made available") {
            try ScenarioValue.known(e, ["position", "member", "share", "from", "to"], "a provision")
            let position = try ScenarioValue.required(e, "position", "a provision").string("a position's id")
            let member = try ScenarioValue.required(e, "member", "a provision").string("a member's id")
            let share = try ScenarioValue.number(try ScenarioValue.required(e, "share", "a provision"), "share", .unitInterval)
            let (from, to) = try dates(e)
            o.provision.append(Provision(position: position, member: member, share: share, from: from, to: to, location: e.location))
          }
        },
        show: { o in o.provision.map { "\($0.position)→\($0.member) \(ScenarioValue.show($0.share))" }.joined(separator: ", ") }),
      Field(
        key: "members",
        read: { (o, n, _) throws(DiagnosticList) in
          o.memberships = []
          o.membersGiven = true
          for e in try n.sequence("the organisation's members") {
            try ScenarioValue.known(e, ["id", "from", "to", "votes"], "an organisation's member")
            let id = try ScenarioValue.required(e, "id", "an organisation's member").string("a member's id")
            let (from, to) = try dates(e)
            let votes = try e.value("votes").map { (v) throws(DiagnosticList) in try ScenarioValue.number(v, "votes", .nonNegative) } ?? 1
            o.memberships.append(Membership(member: id, from: from, to: to, votes: votes, location: e.location))
          }
        },
        show: { o in o.memberships.map { "\($0.member) \(ScenarioValue.show($0.votes))" }.joined(separator: ", ") }),
    ]
  }

  /// An entry's `from` and `to` months, the second not before the first.
  static func dates(_ e: YAMLNode) throws(DiagnosticList) -> (from: Month?, to: Month?) {
    let from = try e.value("from").map { (m) throws(DiagnosticList) in try ScenarioValue.month(m) }
    let to = try e.value("to").map { (m) throws(DiagnosticList) in try ScenarioValue.month(m) }
    if let from, let to, to < from {
      throw ScenarioValue.error(
        Phrase("error.organisation.provision_dates", ["from": .text("\(from)"), "to": .text("\(to)")]), e, id: .scenarioOutOfDomain)
    }
    return (from, to)
  }

  init(id: String, location: SourceLocation) {
    self.id = id
    self.location = location
  }

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if name.isEmpty { name = id }
    guard Self.kinds.contains(kind) else {
      throw ScenarioValue.error(
        Phrase("error.scenario.not_one_of", ["field": .text("kind"), "value": .text(kind), "list": .list(Self.kinds)]),
        node.value("kind") ?? node, id: .scenarioUnknownValue)
    }
    guard Self.vatRegimes.contains(vat) else {
      throw ScenarioValue.error(
        Phrase("error.scenario.not_one_of", ["field": .text("vat"), "value": .text(vat), "list": .list(Self.vatRegimes)]),
        node.value("vat") ?? node, id: .scenarioUnknownValue)
    }
  }
}
