/// A compiled rule set: entity kinds, inputs, parameters and rules, checked and ordered.
public struct RuleSet: Sendable {
  /// An entity kind declared by a rule file (`position`, …). The engine knows it by
  /// name only.
  public struct EntityKind: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var location: SourceLocation?
  }

  /// A value the situation provides: global, or per entity of a kind.
  public struct Input: Sendable, Hashable {
    public var entity: String?
    public var name: String
    public var type: ValueType
    /// For a category: its values, in order (a value is stored as its index).
    public var categories: [String]
    public var description: String?
    public var location: SourceLocation?
    /// `kind.name`, or `name` for a global input.
    public var key: String { entity.map { "\($0).\(name)" } ?? name }
  }

  /// A compiled rule.
  public struct Rule: Sendable {
    public var index: Int
    public var name: String
    public var entity: String?
    public var type: ValueType
    public var formula: String
    public var description: String?
    public var root: CoreNode
    /// Where the formula is written, to map offsets in it back to the file.
    public var formulaPosition: FormulaPosition
    /// Where the rule's name is written.
    public var location: SourceLocation
    /// Rules this one reads (indices), without repetition.
    public var dependencies: [Int]
    /// A short name for tables, in French (the law's vocabulary).
    public var label: String?
    /// The short name in English, when it differs from the French one.
    public var labelEN: String?
    /// The description in English, when it differs from the French one.
    public var descriptionEN: String?
    /// A stock (`period: end` in its file): a period's value is its last month's (reserves, a
    /// balance, a count of members), not the sum of its months.
    public var stock = false
    /// A line in whole cents (a table's `rounding: cents`): the rule of its exact amount, which
    /// explanations open instead of the running totals.
    public var centsOf: String?

    /// The text of one node of the formula, for explanations: the part of the formula its
    /// range covers (empty for a node the compiler added, whose id is negative).
    public func text(of node: CoreNode) -> String {
      guard node.id >= 0 else { return "" }
      let scalars = formula.unicodeScalars
      let count = scalars.count
      let lower = max(0, min(node.range.offset, count))
      let upper = max(lower, min(node.range.offset + node.range.length, count))
      let start = scalars.index(scalars.startIndex, offsetBy: lower)
      return String(scalars[start..<scalars.index(start, offsetBy: upper - lower)])
    }

    /// The short name in a language (`fr`, `en`).
    public func label(in language: String) -> String? { language == "en" ? (labelEN ?? label) : label }
    /// The description in a language (`fr`, `en`).
    public func description(in language: String) -> String? { language == "en" ? (descriptionEN ?? description) : description }
    /// The group of lines the rule belongs to, for reports.
    public var group: String?
    /// The legal text or document the rule follows.
    public var source: String?
    /// The rule's place in a report's tree, as slash-separated slugs (`charges/achats`).
    public var path: String?
    /// For a line written as base × rate: the indices of its base and rate rules.
    public var line: (base: Int, rate: Int)?
    /// For a rule generated from a table (`tables:`): the table and the column it fills.
    public var table: String?
    public var column: String?

    /// The file position of an offset in the formula text.
    public func location(ofOffset offset: Int) -> SourceLocation { formulaPosition.location(ofOffset: offset) }
  }

  public var entityKinds: [String: EntityKind]
  public var inputs: [Input]
  public var parameters: [String: Parameter]
  /// Rules in the order they were declared; `Rule.index` is the position here.
  public var rules: [Rule] { didSet { byName = Self.names(rules) } }
  /// Rule indices in evaluation order: each rule comes after the rules it reads.
  public var order: [Int]
  /// How many core nodes the rule set has (node ids are below this).
  public var nodeCount: Int
  /// Other layouts of the tables (`layouts:`), by name.
  public var layouts: [String: Layout] = [:]
  /// The index of each rule's name (the first rule of a name), for `rule(named:)`.
  private var byName: [String: Int]
  private var inputsByKey: [String: Int]

  public init(
    entityKinds: [String: EntityKind], inputs: [Input], parameters: [String: Parameter], rules: [Rule], order: [Int], nodeCount: Int
  ) {
    self.entityKinds = entityKinds
    self.inputs = inputs
    self.parameters = parameters
    self.rules = rules
    self.order = order
    self.nodeCount = nodeCount
    byName = Self.names(rules)
    var keys: [String: Int] = [:]
    for (i, input) in inputs.enumerated() where keys[input.key] == nil { keys[input.key] = i }
    inputsByKey = keys
  }

  static func names(_ rules: [Rule]) -> [String: Int] {
    var out: [String: Int] = [:]
    for (i, r) in rules.enumerated() where out[r.name] == nil { out[r.name] = i }
    return out
  }

  public func rule(named name: String) -> Rule? { byName[name].map { rules[$0] } }
  /// The index of a rule (without copying the rule, a dozen references).
  public func ruleIndex(named name: String) -> Int? { byName[name] }
  public func input(_ key: String) -> Input? {
    if let i = inputsByKey[key], i < inputs.count, inputs[i].key == key { return inputs[i] }
    return inputs.first { $0.key == key }
  }
  public func inputIndex(_ key: String) -> Int? { inputs.firstIndex { $0.key == key } }
}
