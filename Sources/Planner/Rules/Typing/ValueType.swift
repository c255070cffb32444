/// The type of a value in the rules language.
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
  /// A number with a unit (a dimensionless number is a ratio).
  case number(Unit)
  /// A condition: true or false.
  case bool
  /// A category among a declared list of values (a contract type, a budget section).
  case text
  /// A month, as an input (start and end dates of a position).
  case month

  public var description: String {
    switch self {
    case .number(let u): return u.isDimensionless ? "a number (ratio)" : "an amount in \(u)"
    case .bool: return "a condition"
    case .text: return "a category"
    case .month: return "a month"
    }
  }

  /// The type in the reader's language (`an amount in EUR`, `un montant en EUR`).
  public var phrase: Phrase {
    switch self {
    case .number(let u): u.isDimensionless ? Phrase("type.ratio") : Phrase("type.amount", ["unit": .text("\(u)")])
    case .bool: Phrase("type.condition")
    case .text: Phrase("type.category")
    case .month: Phrase("type.month")
    }
  }

  public var unit: Unit? {
    if case .number(let u) = self { return u }
    return nil
  }
}
