import Planner

/// When a subsidy is paid: a share in advance, some months after the start of the exercise
/// it is granted for, and the balance some months after that exercise ends (the final
/// report, or the reimbursement of justified expenses).
public struct PaymentTerms: Sendable, Equatable {
  /// Share of the exercise's amount paid in advance (0 to 1).
  public var advance: Double
  /// Months after the exercise's first month the advance is paid (0: its first month).
  public var advanceMonth: Int
  /// Months after the exercise's last month the balance is paid (0: its last month).
  public var balanceDelay: Int

  /// The longest delay a term may give, in months.
  static let maximumMonths = 120

  /// Reads `{advance: 50 %, advance_month: 3, balance_delay: 6}`; every key is required.
  static func read(_ n: YAMLNode, _ what: String) throws(DiagnosticList) -> PaymentTerms {
    try ScenarioValue.known(n, ["advance", "advance_month", "balance_delay"], what)
    func months(_ key: String) throws(DiagnosticList) -> Int {
      let node = try ScenarioValue.required(n, key, what)
      let m = try ScenarioValue.count(node, key)
      guard m <= maximumMonths else {
        throw ScenarioValue.error(
          Phrase("error.treasury_policy.1", ["key": .text("\(key)"), "m": .text("\(m)"), "maximum_months": .text("\(maximumMonths)")]),
          node, id: .scenarioOutOfDomain)
      }
      return m
    }
    let advance = try ScenarioValue.number(try ScenarioValue.required(n, "advance", what), "advance", .unitInterval)
    return PaymentTerms(advance: advance, advanceMonth: try months("advance_month"), balanceDelay: try months("balance_delay"))
  }

  /// A subsidy's terms: its own, the scenario's for its funder, or the practice of the rule
  /// packs (`treasury.yaml`) at `month`.
  public static func resolve(
    funder: String, subsidy: Subsidy?, policy: TreasuryPolicy, ruleSet: RuleSet, at month: Month
  ) throws(DiagnosticList) -> PaymentTerms {
    if let t = subsidy?.payment { return t }
    if let t = policy.funders[funder] { return t }
    func parameter(_ name: String) throws(DiagnosticList) -> Double {
      guard let p = ruleSet.parameters[name] else {
        throw DiagnosticList([
          .error(.scenarioRulesMissing, Phrase("error.scenario_rules_missing.1", ["name": .text("\(name)")]))
        ])
      }
      return try p.value(at: month).value
    }
    return PaymentTerms(
      advance: try parameter("tresorerie_avance_\(funder)"), advanceMonth: Int(try parameter("tresorerie_avance_mois_\(funder)")),
      balanceDelay: Int(try parameter("tresorerie_solde_delai_\(funder)")))
  }

  var shown: String {
    "{advance: \(ScenarioValue.show(advance)), advance_month: \(advanceMonth), balance_delay: \(balanceDelay)}"
  }
}

/// The cash plan's own assumptions (`treasury:`): the opening balance, the floor below which
/// the cluster draws on its overdraft, the overdraft, and the funders' payment terms.
public struct TreasuryPolicy: Sendable {
  /// Where each field was written (the last file that gave it), for messages.
  public var fieldLocations: [String: SourceLocation] = [:]
  /// Cash at the start of the scenario's first month (`nil`: the initial reserves, warned).
  public var openingBalance: Double? = nil
  /// The balance the cluster keeps at least, drawing on its overdraft below it.
  public var floor: Double = 0
  /// The authorised overdraft (0: none).
  public var overdraftLimit: Double = 0
  /// The overdraft's yearly interest rate, on the balance drawn at each month's end.
  public var overdraftRate: Double = 0
  /// The share of the subsidies accrued and still to be received that a bank or a solidarity
  /// lender advances (0: none); drawn before the overdraft, repaid as the subsidies come in.
  public var advanceShare: Double = 0
  /// The advances' yearly interest rate.
  public var advanceRate: Double = 0
  /// Payment terms by funder, over the rule pack's practice defaults.
  public var funders: [String: PaymentTerms] = [:]
}

extension TreasuryPolicy: DeclaredSection {
  static let what = "the treasury"
  static var fields: [Field<TreasuryPolicy>] {
    [
      .optionalNumber("opening_balance", \.openingBalance, unit: .euro),
      .number("floor", \.floor, unit: .euro),
      .number("overdraft_limit", \.overdraftLimit, unit: .euro, .nonNegative),
      .number("overdraft_rate", \.overdraftRate, .unitInterval),
      .number("advance_share", \.advanceShare, .unitInterval),
      .number("advance_rate", \.advanceRate, .unitInterval),
      Field(
        key: "funders", categories: "subsidy.funder",
        read: { (t, n, _) throws(DiagnosticList) in
          for (funder, keyNode, terms) in try n.mapping("payment terms by funder") {
            t.funders[funder] = try PaymentTerms.read(terms, "the payment terms of \(funder)")
            t.fieldLocations["funders.\(funder)"] = keyNode.location
          }
        },
        show: { t in "{" + t.funders.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.shown)" }.joined(separator: ", ") + "}" },
        category: { t in t.funders.keys.sorted().map { ($0, t.fieldLocations["funders.\($0)"]) } }),
    ]
  }
}

extension TreasuryPolicy {
  /// One month's financing, cheapest first: the advances on the subsidies still to come (up
  /// to `capacity`, repaid at once above it), then the overdraft up to its limit, so that the
  /// balance keeps the floor; above the floor the overdraft is repaid first, then the
  /// advances. `balance` is the month's balance with what is drawn already in it; returns
  /// what is drawn after the month, in cents. The plan (`ProjectionBuilder.assemble`) and each
  /// simulated draw (`Simulation.lowestCash`) finance themselves through it.
  func finance(balance: Double, capacity: Double, overdraft: Double, advances: Double) -> (overdraft: Double, advances: Double) {
    var drawn = overdraft, advanced = advances, level = balance
    if advanced > capacity {
      level -= advanced - capacity
      advanced = capacity
    }
    if level < floor {
      var need = floor - level
      let advance = max(0, min(need, capacity - advanced))
      advanced += advance
      need -= advance
      drawn += max(0, min(need, overdraftLimit - drawn))
    } else {
      var surplus = level - floor
      let repaid = min(drawn, surplus)
      drawn -= repaid
      surplus -= repaid
      advanced -= min(advanced, surplus)
    }
    return (Money.cents(drawn), Money.cents(advanced))
  }
}
