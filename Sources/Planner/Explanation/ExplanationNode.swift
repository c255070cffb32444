/// One step of an explanation: a figure, what it is, and the figures it was computed from.
public struct ExplanationNode: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable {
    case rule, parameter, input, constant, operation, calendar, sum, period
  }

  public var kind: Kind
  /// The rule, parameter or input name; the formula text for an operation.
  public var label: String
  /// The name of the rule, parameter or input this node is, as data (the label of a
  /// parameter looked up at a month says more); `nil` for other nodes.
  public var name: String?
  /// A rule's formula.
  public var formula: String?
  public var value: Double
  /// The unit (`EUR`, `h/week`, `ratio`), `condition`, `category` or `month`.
  public var unit: String
  /// The entity the value is for (`position 'coordinateur'`), if any.
  public var entity: String?
  /// A month (`2012-03`) or an exercise id.
  public var period: String
  /// A parameter value's legal reference.
  public var reference: String?
  /// The date from which a parameter's value is in force.
  public var inForceFrom: String?
  public var children: [ExplanationNode]
  /// How to show the value when it is not a number (a category's name).
  public var display: String?
  /// Whether the node is a sum of its children (a chain of additions).
  var isAddition = false

  public init(
    kind: Kind, label: String, formula: String? = nil, value: Double, unit: String, entity: String? = nil,
    period: String, reference: String? = nil, inForceFrom: String? = nil, children: [ExplanationNode] = []
  ) {
    self.kind = kind
    self.label = label
    self.formula = formula
    self.value = value
    self.unit = unit
    self.entity = entity
    self.period = period
    self.reference = reference
    self.inForceFrom = inForceFrom
    self.children = children
  }

  enum CodingKeys: String, CodingKey {
    case kind, label, formula, value, unit, entity, period, reference
    case inForceFrom = "in_force_from"
    case display, children
  }
}
