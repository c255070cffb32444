import Planner

/// A closed exercise's recorded budget, read by rows: the leaves as printed, each section as
/// the sum of its leaves (plus an explicit "not detailed" row where the printed section is
/// more than its detail), and the printed figures that do not add up, for warnings.
public struct RecordedBudget: Sendable {
  public let actuals: Actuals

  public init(_ actuals: Actuals) { self.actuals = actuals }

  /// Produits minus charges, from the sections as recorded.
  public var result: Double {
    func total(_ top: String) -> Double {
      actuals.budget.filter { $0.key.hasPrefix(top + "/") && $0.key.split(separator: "/").count == 2 && !$0.key.hasSuffix("/total") }
        .values.reduce(0) { $0 + ($1["fonctionnement"] ?? 0) + ($1["projets"] ?? 0) }
    }
    return total("produits") - total("charges")
  }
}
