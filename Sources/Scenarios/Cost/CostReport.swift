/// One position's monthly cost, line by line: the output of `plan cost`.
///
/// Every total is the sum of the lines of its group as displayed (rounded to the cent), and
/// the rule pack's own total must agree with it.
public struct CostReport: Sendable, Encodable {
  public struct Line: Sendable, Encodable {
    public var id: String
    public var label: String
    public var group: String
    public var base: Double?
    public var rate: Double?
    public var amount: Double
    public var source: String?
  }

  public var month: String
  public var contract: String
  public var category: String
  public var employer: String
  public var headcount: Int
  public var gross: Double
  /// Positive euros, before reductions, including versement transport and taxe sur les salaires.
  public var employerContributions: Double
  /// Positive euros: the Fillon reduction and other exemptions.
  public var reductions: Double
  /// The position's share of the taxe sur les salaires, before the associations' allowance.
  public var taxeSalaires: Double
  public var versementTransport: Double
  /// The month's accrual of the CDD end-of-contract indemnity.
  public var endOfContractIndemnity: Double
  /// Positive euros received by the employer (ANRT subsidy, service civique aid, CIR).
  public var aids: Double
  /// gross + end_of_contract_indemnity + employer_contributions − reductions.
  public var employerCost: Double
  /// Hours of unpaid volunteering valued for the contributions volontaires en nature.
  public var inKindValuation: Double
  /// The employee's contributions withheld from the pay, and the net pay (gross + indemnity −
  /// withheld) the employer pays at the month's end.
  public var employeeContributions: Double = 0
  public var netPay: Double = 0
  public var lines: [Line]

  enum CodingKeys: String, CodingKey {
    case month, contract, category, employer, headcount, gross
    case employerContributions = "employer_contributions"
    case reductions
    case taxeSalaires = "taxe_salaires"
    case versementTransport = "versement_transport"
    case endOfContractIndemnity = "end_of_contract_indemnity"
    case aids
    case employerCost = "employer_cost"
    case inKindValuation = "in_kind_valuation"
    case employeeContributions = "employee_contributions"
    case netPay = "net_pay"
    case lines
  }
}
