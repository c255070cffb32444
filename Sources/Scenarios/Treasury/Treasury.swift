import Planner

/// The cash plan (plan de trésorerie): each flow of the budget paid or received when the law
/// or the funder's terms say, month by month, with the balance, the overdraft drawn and what
/// is still to be received or paid after the last month.
public struct Treasury: Sendable {
  /// A kind of flow: its id (`subsidy:fse`, `salaries`…), label, direction and when it is
  /// paid, with the source of that timing.
  public struct Kind: Sendable, Encodable {
    public var id: String
    public var label: String
    public var receipt: Bool
    public var timing: String
  }

  /// One month of the plan. Amounts are positive euros with cents; `closing = opening +
  /// Σ receipts − Σ disbursements + financing`.
  public struct MonthFlows: Sendable {
    public var month: Month
    public var opening: Double
    public var receipts: [String: Double]
    public var disbursements: [String: Double]
    /// Overdraft drawn (positive) or repaid (negative) this month.
    public var financing: Double
    public var closing: Double
    /// The overdraft drawn at the month's end.
    public var overdraft: Double
    /// The advances on subsidies outstanding at the month's end.
    public var advances: Double
    /// The subsidies accrued and not yet received at the month's end (what advances rest on).
    public var subsidiesToCome: Double = 0
    /// Accrued and not yet received, accrued and not yet paid, at the month's end.
    public var receivables: Double
    public var payables: Double
    /// Of the payables, the pay and the social contributions accrued and not yet paid: the
    /// debts to the employees and to the contribution collectors (what the members of an
    /// employers' group answer for jointly, art. L1253-8 C. trav.).
    public var payrollPayables: Double = 0

    public var totalReceipts: Double { Money.sum(Array(receipts.values)) }
    public var totalDisbursements: Double { Money.sum(Array(disbursements.values)) }
  }

  /// The figures a period is judged on.
  public struct PeriodFigures: Sendable, Encodable {
    public var lowestCash: Double
    public var lowestCashMonth: String
    public var monthsBelowZero: Int
    /// Months ending with the overdraft drawn.
    public var monthsInOverdraft: Int
    public var receivablesEnd: Double
    public var payablesEnd: Double
    public var financingCost: Double

    enum CodingKeys: String, CodingKey {
      case lowestCash = "lowest_cash"
      case lowestCashMonth = "lowest_cash_month"
      case monthsBelowZero = "months_below_zero"
      case monthsInOverdraft = "months_in_overdraft"
      case receivablesEnd = "receivables_end"
      case payablesEnd = "payables_end"
      case financingCost = "financing_cost"
    }
  }

  public var kinds: [Kind]
  public var months: [MonthFlows]
  /// By period id, in the projection's periods.
  public var periods: [String: PeriodFigures]
  /// Still to be received after the last month, by kind (a subsidy's balance paid later).
  public var receivableAfterHorizon: [String: Double]
  /// Still to be paid after the last month, by kind.
  public var payableAfterHorizon: [String: Double]
  /// The balance the plan starts from, and whether the scenario gave it.
  public var openingBalance: Double
  public var openingGiven: Bool
  public var floor: Double
  /// Charges with no cash flow (dotations), by month, cumulated in the identity
  /// `reserves − cash = receivables − payables − overdraft − advances − non-cash charges +
  /// (initial reserves − opening balance)`.
  public var nonCash: [Double]
  /// The overdraft's interest the balances imply, by month (what the budget books as
  /// Charges financières once `Projection.run` has iterated to agreement).
  public var impliedInterest: [Double]

  public func kind(_ id: String) -> Kind? { kinds.first { $0.id == id } }
}
