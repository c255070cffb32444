/// What rule files declare, read but not yet compiled. Several files add up to one set.
public struct RuleDeclarations: Sendable {
  public struct EntityDecl: Sendable {
    public var name: String
    public var description: String?
    public var location: SourceLocation
  }

  public struct InputDecl: Sendable {
    public var entity: String?
    public var name: String
    public var type: ValueType
    public var categories: [String]
    public var description: String?
    public var location: SourceLocation
  }

  public struct RuleDecl: Sendable {
    public var name: String
    public var entity: String?
    public var entityLocation: SourceLocation?
    public var type: ValueType
    public var description: String?
    public var formula: String
    /// Where the formula is written, to map offsets back to the file.
    public var formulaPosition: FormulaPosition
    public var location: SourceLocation
    /// A short name for tables (`Maladie-maternité-invalidité-décès`).
    public var label: String?
    /// The short name in English, when the file gives one (`label: {fr: …, en: …}`).
    public var labelEN: String?
    /// The description in English, when the file gives one (`description: {fr: …, en: …}`).
    public var descriptionEN: String?
    /// A stock (`period: end`): a period's value is its last month's, not the sum of its months.
    public var stock = false
    /// A line in whole cents (`rounding: cents`): the rule of its exact amount.
    public var centsOf: String?
    /// A group of lines the rule belongs to (`employer_contributions`), for reports.
    public var group: String?
    /// The legal text or document the rule follows.
    public var source: String?
    /// The rule's place in a report's tree, as slash-separated slugs (`charges/achats`).
    public var path: String?
    /// For a line written as `base` × `rate`: the names of its generated base and rate rules.
    public var line: (base: String, rate: String)?
    /// For a rule generated from a table (`tables:`): the table and the column it fills.
    public var table: String?
    public var column: String?
  }

  public var entities: [EntityDecl] = []
  public var inputs: [InputDecl] = []
  public var parameters: [Parameter] = []
  public var rules: [RuleDecl] = []
  public var layouts: [Layout] = []
  /// Problems that do not stop compiling (a value without reference…).
  public var warnings: [Diagnostic] = []

  public init() {}

  public mutating func merge(_ other: RuleDeclarations) {
    entities += other.entities
    inputs += other.inputs
    parameters += other.parameters
    rules += other.rules
    layouts += other.layouts
    warnings += other.warnings
  }
}
