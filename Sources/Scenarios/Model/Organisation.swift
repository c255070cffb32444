import Planner

/// The cluster as a legal person: its statute over time, VAT position, headcount and
/// opening reserves (the scenario's `organisation:`).
public struct Organisation: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var name: String
  public var statutes: [(from: Month, statute: String)]
  public var vatLiable: Bool
  /// Share of receipts subject to VAT when the cluster is a company (SCIC, UES).
  public var vatShareAsCompany: Double
  /// Headcount for contribution thresholds (10, 20 employees).
  public var headcount: Double
  /// Accidents-du-travail rate, if known.
  public var atRate: Double?
  public var initialReserves: Double
  /// The last month of activity when the cluster is wound up within the scenario: after it no
  /// subsidy, item, dues or position; positions running past it are ended then, at their cost.
  public var dissolved: Month? = nil
  /// A commissaire aux comptes is appointed (its fees are an item of the scenario).
  public var auditor = false
  /// The tax administration has confirmed, by a rescrit, that gifts open the mécénat
  /// reductions (the cluster serves its members: a cercle restreint without it).
  public var mecenatRescrit = false
  /// The association's activity is lucrative (the three-step test of
  /// BOI-IS-CHAMP-10-50-10-20 is the scenario's to answer): then it is subject to corporate tax.
  public var lucrative = false
  /// The regional prefect's order lists the cluster's sector for market-sector emplois
  /// d'avenir (a company's only emploi d'avenir aid before the CAE form opens to it).
  public var emploiAvenirMarketSector = false
}

/// How members' dues are called (the scenario's `dues:`).
public struct DuesPolicy: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var rate: Double = 0
  /// The rate of some exercises, when it differs from `rate` (`rate_by_exercise: {2013: 2 %}`).
  public var rateByExercise = ByExercise()
  public var cap: Double = 0
  public var individual: Double = 0
  public var shareFonctionnement: Double = 1
  /// Share of the dues called that are collected.
  public var collectionRate: Double = 1
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Organisation: DeclaredSection {
  init() { self.init(name: "", statutes: [], vatLiable: false, vatShareAsCompany: 0, headcount: 0, atRate: nil, initialReserves: 0) }

  static let what = "the organisation"
  static var fields: [Field<Organisation>] {
    [
      .text("name", \.name),
      Field(
        key: "statute", categories: "employer",
        read: { (o, n, c) throws(DiagnosticList) in
          o.statutes = []
          for e in try n.sequence("the statutes over time") {
            try ScenarioValue.known(e, ["from", "statute"], "a statute")
            let from = try ScenarioValue.month(try ScenarioValue.required(e, "from", "a statute"))
            let statuteNode = try ScenarioValue.required(e, "statute", "a statute")
            let statute = try statuteNode.string("a statute")
            o.fieldLocations["statute[\(o.statutes.count)]"] = statuteNode.location
            if let last = o.statutes.last, from <= last.from {
              throw ScenarioValue.error(
                Phrase("error.organisation.1", ["from": .text("\(from)"), "last_from": .text("\(last.from)")]), e, id: .scenarioOutOfDomain)
            }
            o.statutes.append((from, statute))
          }
          if o.statutes.isEmpty { throw ScenarioValue.error(Phrase("error.organisation.2"), n, id: .scenarioMissingField) }
          // The statutes say what the cluster is from its first month: a list starting later
          // would silently make it that statute from its creation.
          if let first = c.exercises.first?.months.first, o.statutes[0].from > first {
            throw ScenarioValue.error(
              Phrase("error.organisation.3", ["value": .text("\(o.statutes[0].from)"), "first": .text("\(first)")]),
              n, id: .scenarioOutOfDomain)
          }
        },
        show: { $0.statutes.map { "\($0.statute) from \($0.from)" }.joined(separator: ", ") },
        category: { o in o.statutes.enumerated().map { ($0.element.statute, o.fieldLocations["statute[\($0.offset)]"]) } }),
      .bool("vat_liable", \.vatLiable),
      .number("vat_share_as_company", \.vatShareAsCompany, .unitInterval),
      .number("headcount", \.headcount, unit: .count, .nonNegative),
      .optionalNumber("at_rate", \.atRate, .unitInterval),
      .number("initial_reserves", \.initialReserves, unit: .euro),
      .optionalMonth("dissolved", \.dissolved),
      .bool("auditor", \.auditor),
      .bool("mecenat_rescrit", \.mecenatRescrit),
      .bool("emploi_avenir_market_sector", \.emploiAvenirMarketSector),
      .bool("lucrative", \.lucrative),
    ]
  }
}

extension DuesPolicy: DeclaredSection {
  static let what = "the dues policy"
  static var fields: [Field<DuesPolicy>] {
    [
      .number("rate", \.rate, .unitInterval),
      .byExercise("rate_by_exercise", \.rateByExercise, .unitInterval),
      .number("cap", \.cap, unit: .euro, .nonNegative),
      .number("individual", \.individual, unit: .euro, .nonNegative),
      .number("share_fonctionnement", \.shareFonctionnement, .unitInterval),
      .number("collection_rate", \.collectionRate, .unitInterval),
    ]
  }
}
