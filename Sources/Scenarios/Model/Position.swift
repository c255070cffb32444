import Planner

/// A staff position: its contract, dates, hours and pay by exercise (`positions:`).
public struct Position: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  public var id: String
  public var label: String
  public var line: String
  /// The post the position fills, for the rules on successive contracts (L1244-3): by
  /// default its line.
  public var post: String = ""
  public var contract: String
  /// A CIFRE's contract: a CDD of the aid's three years (D1242-6) or a CDI.
  public var cifreContract: String = "cdd"
  /// The agreed last month of a fixed-term contract ended before it (`term:`); a CIFRE's CDD
  /// runs the aid's 36 months unless given.
  public var term: Month? = nil
  public var category: String
  public var start: Month
  /// The position's last month; for an open-ended contract given no `end`, the far future.
  public var end: Month
  /// A CDI (or a CIFRE in CDI) given no `end`: it runs past the scenario, nobody is dismissed.
  public var openEnded: Bool = false
  public var hours: ByExercise
  public var gross: ByExercise
  public var shareFonctionnement: Double
  public var indemnityDue: Bool
  /// Whether an extended branch agreement or a company agreement provides for the CDD à
  /// objet défini (`nil`: the scenario does not say).
  public var agreement: Bool? = nil
  /// How likely the post's work qualifies as R&D for the CIR (0: it does not).
  public var cirQualifies: Double = 0
  /// The job aid the contract is signed under (`none`, `cui-cae`, `emploi-avenir`).
  public var aid: String = "none"
  /// A CUI-CAE's aid, a share of the SMIC per hour, as the regional prefect's order sets it.
  public var aidRate: Double? = nil
  /// A delay of the start, in months (for simulations).
  public var startDelay: Distribution? = nil
  public var location: SourceLocation
}

// MARK: - Fields, declared once (see `Field`); the JSON Schema is tested against them.

extension Position: ScenarioEntry {
  static let what = "a position"
  static let section = "positions"
  static let kind = "position"
  static var fields: [Field<Position>] {
    [
      .text("label", \.label),
      .text("line", \.line, required: true, categories: "position.line"),
      .text("contract", \.contract, required: true, categories: "position.contract"),
      .text("category", \.category, categories: "position.category"),
      .month("start", \.start, required: true),
      .month("end", \.end),
      .text("post", \.post),
      .text("cifre_contract", \.cifreContract, categories: "position.cifre_contract"),
      .optionalMonth("term", \.term),
      .byExercise("hours", \.hours, unit: .hour, .nonNegative),
      .byExercise("gross", \.gross, unit: .euro, .nonNegative),
      .number("share_fonctionnement", \.shareFonctionnement, .unitInterval),
      .bool("indemnity_due", \.indemnityDue),
      .number("cir_qualifies", \.cirQualifies, .unitInterval),
      .text("aid", \.aid, categories: "position.aid"),
      .optionalNumber("aid_rate", \.aidRate, .unitInterval),
      Field(
        key: "agreement",
        read: { (p, n, _) throws(DiagnosticList) in p.agreement = n.isNull ? nil : try ScenarioValue.bool(n, "agreement") },
        show: { $0.agreement.map { $0 ? "true" : "false" } ?? "–" }),
      .distribution("start_delay", \.startDelay, "a start delay in months", .nonNegative),
    ]
  }

  init(id: String, location: SourceLocation) {
    self.init(
      id: id, label: "", line: "", contract: "", category: "non-cadre", start: Month(2000, 1), end: Month(2000, 1),
      hours: ByExercise(), gross: ByExercise(), shareFonctionnement: 1, indemnityDue: true, location: location)
  }

  /// Whether the contract has no term: a CDI, or a CIFRE in CDI.
  public var isOpenEndedContract: Bool { contract == "cdi" || (contract == "cifre" && cifreContract == "cdi") }

  /// The far month an open-ended position given no `end` runs to.
  public static let openEnd = Month(9999, 12)

  mutating func complete(at node: YAMLNode) throws(DiagnosticList) {
    if label.isEmpty { label = id }
    if post.isEmpty || fieldLocations["post"] == nil { post = line }
    openEnded = fieldLocations["end"] == nil
    if openEnded {
      guard isOpenEndedContract else {
        throw ScenarioValue.error(
          Phrase("error.position.1", ["id": .text("\(id)")]),
          node, id: .scenarioMissingField)
      }
      end = Self.openEnd
    }
    if let term {
      guard !isOpenEndedContract else {
        throw ScenarioValue.error(Phrase("error.position.2", ["id": .text("\(id)"), "contract": .text("\(contract)")]), node)
      }
      guard term >= end else {
        throw ScenarioValue.error(
          Phrase("error.position.3", ["id": .text("\(id)"), "term": .text("\(term)"), "end": .text("\(end)")]),
          node, id: .scenarioOutOfDomain)
      }
    }
    guard start <= end else {
      throw ScenarioValue.error(
        Phrase("error.position.4", ["id": .text("\(id)"), "end": .text("\(end)"), "start": .text("\(start)")]), node)
    }
    // A CUI-CAE's rate is the prefect's, for the person hired: the scenario gives it; the
    // emploi d'avenir's is national (the rule packs).
    if aid == "cui-cae" && aidRate == nil {
      throw ScenarioValue.error(
        Phrase("error.position.5", ["id": .text("\(id)")]),
        node, id: .scenarioMissingField)
    }
    if aid != "cui-cae", aidRate != nil {
      throw ScenarioValue.error(
        Phrase("error.position.6", ["id": .text("\(id)"), "aid": .text("\(aid)")]),
        node, id: .scenarioOutOfDomain)
    }
  }
}
