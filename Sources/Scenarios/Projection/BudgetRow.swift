import Planner

/// One row of the budget table in one column: values and shares by period.
public struct BudgetRow: Sendable, Encodable {
  public var path: String
  /// The label in French (the source's and the law's vocabulary).
  public var label: String
  /// The label in English, when it differs.
  public var labelEN: String?
  /// `fonctionnement`, `projets` or `total`.
  public var budget: String
  /// Euros by period id.
  public var values: [String: Double]
  /// Percent of the section's total (charges or produits) by period id.
  public var shares: [String: Double]

  /// The label in a language.
  public func label(_ language: Language) -> String { language == .en ? (labelEN ?? label) : label }

  enum CodingKeys: String, CodingKey { case path, label, budget, values, shares }
}

/// One line of the staffing table: hours and FTE by period.
public struct StaffingRow: Sendable, Encodable {
  public var id: String
  public var label: String
  public var labelEN: String?
  public var contract: String
  public var hours: [String: Double]
  public var fte: [String: Double]

  /// The label in a language.
  public func label(_ language: Language) -> String { language == .en ? (labelEN ?? label) : label }

  enum CodingKeys: String, CodingKey { case id, label, contract, hours, fte }
}
