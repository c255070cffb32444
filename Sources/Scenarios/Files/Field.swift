import Planner

/// What reading a field needs besides its own node.
struct FieldContext {
  /// The scenario's exercises, for figures by exercise.
  var exercises: [Exercise]
}

/// One field of a scenario section, declared once: its YAML key, how its value is read and
/// checked, whether a new entry must give it, which of the rule packs' categories it takes,
/// and how it reads back in "what differs".
///
/// Reading, unknown-key suggestions, locations, merging by id, `plan compare`'s differences,
/// the category checks and the JSON Schema test all derive from these declarations.
struct Field<Entry> {
  /// The key the user writes.
  var key: String
  /// Whether a new entry must give it (a variant changing an entry of its base need not).
  var required = false
  /// The rule packs' input (`position.contract`) whose categories the value must be one of.
  var categories: String? = nil
  /// Reads the value into the entry; throws a located diagnostic.
  var read: (inout Entry, YAMLNode, FieldContext) throws(DiagnosticList) -> Void
  /// The value as the user would write it in YAML, for "what differs".
  var show: (Entry) -> String
  /// The values compared with the rule packs' categories, when `categories` is set, each
  /// with where it was written when that is more precise than the field's place.
  var category: ((Entry) -> [(value: String, at: SourceLocation?)])? = nil
  /// For a figure by exercise, its values one by one (`2013` → `40000`), so that "what
  /// differs" names only the exercises that differ.
  var parts: ((Entry) -> [String: String])? = nil
}

/// A part of a scenario read from a YAML mapping, whose fields are declared once.
protocol DeclaredSection {
  /// How the section is named in messages: "a position", "the dues policy".
  static var what: String { get }
  static var fields: [Field<Self>] { get }
  /// Where each field was written (the last file that gave it), for messages.
  var fieldLocations: [String: SourceLocation] { get set }
}

/// An entry of a list that a variant merges by id: members, positions, subsidies, items.
protocol ScenarioEntry: DeclaredSection, Identifiable where ID == String {
  /// The key of the list in a scenario: `positions`.
  static var section: String { get }
  /// One entry, in "what differs": `position`.
  static var kind: String { get }
  /// An entry with its defaults, before its fields are read.
  init(id: String, location: SourceLocation)
  var location: SourceLocation { get set }
  /// Defaults that depend on other fields, and checks across fields, once all are read.
  mutating func complete(at node: YAMLNode) throws(DiagnosticList)
}

extension DeclaredSection {
  /// The keys a user may write in this section.
  static var keys: [String] { fields.map(\.key) }

  /// Where a field was written, or `fallback`.
  func location(of key: String, or fallback: SourceLocation) -> SourceLocation { fieldLocations[key] ?? fallback }
}

extension ScenarioEntry {
  static var keys: [String] { ["id"] + fields.map(\.key) + ["remove"] }
}

// MARK: - Field kinds

/// The values a number may take.
enum Domain {
  case any
  case nonNegative
  /// A share or a probability.
  case unitInterval

  func contains(_ x: Double) -> Bool {
    switch self {
    case .any: return true
    case .nonNegative: return x >= 0
    case .unitInterval: return (0...1).contains(x)
    }
  }

  var text: String {
    switch self {
    case .any: return "any number"
    case .nonNegative: return "zero or more"
    case .unitInterval: return "between 0 and 1 (0 % to 100 %)"
    }
  }
}

extension Field {
  static func text(
    _ key: String, _ path: WritableKeyPath<Entry, String>, required: Bool = false, categories: String? = nil
  ) -> Field {
    Field(
      key: key, required: required, categories: categories,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = try n.string("\(key)") },
      show: { $0[keyPath: path] }, category: categories == nil ? nil : { [($0[keyPath: path], nil)] })
  }

  static func optionalText(_ key: String, _ path: WritableKeyPath<Entry, String?>) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = n.isNull ? nil : try n.string("\(key)") },
      show: { $0[keyPath: path] ?? "–" })
  }

  static func number(_ key: String, _ path: WritableKeyPath<Entry, Double>, unit: Unit? = nil, _ domain: Domain = .any) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = try ScenarioValue.number(n, key, unit: unit, domain) },
      show: { ScenarioValue.show($0[keyPath: path]) })
  }

  /// A number that may be `null` (then absent).
  static func optionalNumber(_ key: String, _ path: WritableKeyPath<Entry, Double?>, unit: Unit? = nil, _ domain: Domain = .any) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in
        e[keyPath: path] = n.isNull ? nil : try ScenarioValue.number(n, key, unit: unit, domain)
      },
      show: { $0[keyPath: path].map(ScenarioValue.show) ?? "–" })
  }

  /// A whole number of zero or more.
  static func count(_ key: String, _ path: WritableKeyPath<Entry, Int>, minimum: Int = 0) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = try ScenarioValue.count(n, key, minimum: minimum) },
      show: { "\($0[keyPath: path])" })
  }

  static func bool(_ key: String, _ path: WritableKeyPath<Entry, Bool>) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = try ScenarioValue.bool(n, key) },
      show: { $0[keyPath: path] ? "true" : "false" })
  }

  static func month(_ key: String, _ path: WritableKeyPath<Entry, Month>, required: Bool = false) -> Field {
    Field(
      key: key, required: required,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = try ScenarioValue.month(n) },
      show: { "\($0[keyPath: path])" })
  }

  static func optionalMonth(_ key: String, _ path: WritableKeyPath<Entry, Month?>) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = n.isNull ? nil : try ScenarioValue.month(n) },
      show: { $0[keyPath: path].map { "\($0)" } ?? "–" })
  }

  /// `{2010-2011: 2032, 2012: 1820}`: a figure by exercise; a variant changes only the
  /// exercises it writes.
  static func byExercise(
    _ key: String, _ path: WritableKeyPath<Entry, ByExercise>, unit: Unit? = nil, _ domain: Domain = .any
  ) -> Field {
    Field(
      key: key,
      read: { (e, n, c) throws(DiagnosticList) in
        e[keyPath: path] = try ScenarioValue.byExercise(n, key, base: e[keyPath: path], exercises: c.exercises, unit: unit, domain)
      },
      show: { ScenarioValue.show($0[keyPath: path]) },
      parts: { $0[keyPath: path].values.mapValues(ScenarioValue.show) })
  }

  static func distribution(_ key: String, _ path: WritableKeyPath<Entry, Distribution?>, _ what: String, _ domain: Domain) -> Field {
    Field(
      key: key,
      read: { (e, n, _) throws(DiagnosticList) in e[keyPath: path] = n.isNull ? nil : try ScenarioValue.distribution(n, what, domain) },
      show: { $0[keyPath: path].map { "\($0)" } ?? "–" })
  }
}
