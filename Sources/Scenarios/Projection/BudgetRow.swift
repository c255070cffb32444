/// One row of the budget table in one column: values and shares by period.
public struct BudgetRow: Sendable, Encodable {
  public var path: String
  public var label: String
  /// `fonctionnement`, `projets` or `total`.
  public var budget: String
  /// Euros by period id.
  public var values: [String: Double]
  /// Percent of the section's total (charges or produits) by period id.
  public var shares: [String: Double]
}

/// One line of the staffing table: hours and FTE by period.
public struct StaffingRow: Sendable, Encodable {
  public var id: String
  public var label: String
  public var contract: String
  public var hours: [String: Double]
  public var fte: [String: Double]
}
