import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The cash plan's identities on the shipped scenarios and a fixture with an overdraft.
@Suite struct TreasuryTests {
  static let baseline = VariantTests.baseline

  static func fixture(_ name: String) throws -> Projection {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/treasury/\(name)").path
    return try Projection.run(try ScenarioLoader.load(path), ruleSet: ShippedRules.ruleSet)
  }

  /// Every month: closing = opening + receipts − disbursements + financing, and the next
  /// month opens on it.
  @Test(arguments: ["baseline.yaml", "stop-end-2013.yaml", "scic-2013.yaml"])
  func eachMonthAddsUp(_ name: String) throws {
    let t = try #require(try VariantTests.project(name).treasury)
    var opening = t.openingBalance
    for m in t.months {
      #expect(m.opening == opening, "\(m.month)")
      #expect(isClose(m.closing, m.opening + m.totalReceipts - m.totalDisbursements + m.financing, tolerance: 0.001), "\(m.month)")
      opening = m.closing
    }
  }

  /// Nothing is lost: each subsidy's receipts and what is still receivable after the horizon
  /// add up to what it is granted in the open exercises.
  @Test func everySubsidyIsReceivedOrStillReceivable() throws {
    let p = Self.baseline
    let t = try #require(p.treasury)
    for s in p.scenario.subsidies {
      let granted = p.periods.filter { p.scenario.actuals[$0.id] == nil }.reduce(0) { $0 + (s.amounts[$1.id] ?? 0) }
      let received = t.months.reduce(0) { $0 + ($1.receipts["subsidy:\(s.id)"] ?? 0) }
      let later = t.receivableAfterHorizon["subsidy:\(s.id)"] ?? 0
      #expect(isClose(received + later, granted, tolerance: 0.01), "\(s.id)")
    }
  }

  /// At every exercise's end, reserves − cash = receivables − payables − the overdraft drawn
  /// − the charges with no cash flow (dotations) + (initial reserves − opening balance).
  @Test(arguments: ["baseline.yaml", "stop-end-2013.yaml", "ues-2013.yaml", "emploi-avenir-2013.yaml"])
  func reservesMinusCashIsWhatIsOwed(_ name: String) throws {
    let p = try VariantTests.project(name)
    try checkIdentity(p)
  }

  @Test func overdraftFixtureKeepsTheIdentity() throws {
    try checkIdentity(try Self.fixture("overdraft.yaml"))
  }

  func checkIdentity(_ p: Projection) throws {
    let t = try #require(p.treasury)
    var nonCash = 0.0
    for (i, m) in t.months.enumerated() {
      nonCash += t.nonCash[i]
      guard let period = p.periods.first(where: { $0.to == "\(m.month)" }) else { continue }
      let reserves = try #require(p.indicators["reserves"]?[period.id])
      let owed =
        m.receivables - m.payables - m.overdraft - m.advances - nonCash + (p.scenario.organisation.initialReserves - t.openingBalance)
      #expect(isClose(reserves - m.closing, owed, tolerance: 0.05), "\(p.scenario.id) \(period.id): \(reserves - m.closing) vs \(owed)")
    }
  }

  /// The overdraft keeps the balance at the floor while its limit allows, and its interest is
  /// the balance drawn at the rate, paid the month after; the period's financing cost is it.
  @Test func theOverdraftCoversTheGapAndCostsItsInterest() throws {
    let p = try Self.fixture("overdraft.yaml")
    let t = try #require(p.treasury)
    let policy = p.scenario.treasury
    #expect(t.months.contains { $0.overdraft > 0 })
    for (id, f) in t.periods {
      let ms = p.periods.first { $0.id == id }!.monthIndices
      #expect(f.monthsInOverdraft == ms.filter { t.months[$0].overdraft > 0 }.count)
    }
    #expect(t.periods.values.contains { $0.monthsInOverdraft > 0 })
    var previousDrawn = 0.0
    for m in t.months {
      if m.overdraft < policy.overdraftLimit { #expect(m.closing >= policy.floor - 0.005, "\(m.month)") }
      #expect(m.overdraft <= policy.overdraftLimit)
      #expect(isClose(m.disbursements["interest"] ?? 0, Money.cents(previousDrawn * policy.overdraftRate / 12), tolerance: 0.001))
      previousDrawn = m.overdraft
    }
    let cost2012 = try #require(t.periods["2012"]?.financingCost)
    #expect(cost2012 > 0)
    let drawn2012 = t.months.filter { $0.month.year == 2012 }.map { Money.cents($0.overdraft * policy.overdraftRate / 12) }
    #expect(isClose(cost2012, Money.sum(drawn2012), tolerance: 0.001))
  }

  /// The law's dates: an employer of nine or fewer pays its contributions in the first month
  /// of the next quarter (R243-6 CSS); the taxe sur les salaires is paid quarterly before
  /// 2012-04 (a small tax), then, below the threshold on the tax of the year before, in
  /// January of the next year (CGI ann. III art. 369).
  @Test func contributionsAndTaxesArePaidWhenTheLawSays() throws {
    let t = try #require(Self.baseline.treasury)
    let paidIn = t.months.filter { ($0.disbursements["social-contributions"] ?? 0) > 0 }.map { $0.month.month }
    #expect(Set(paidIn).isSubset(of: [1, 4, 7, 10]))
    let ts = t.months.filter { ($0.disbursements["taxe-salaires"] ?? 0) > 0 }.map(\.month)
    #expect(!ts.isEmpty)
    #expect(ts.filter { $0.year >= 2013 }.allSatisfy { $0.month == 1 })
    #expect(ts.allSatisfy { [1, 4, 7, 10].contains($0.month) })
  }

  /// An item's own payment delay replaces its line's: fees of 100 EUR a month paid three
  /// months later, the last three after the horizon.
  @Test func anItemsOwnDelay() throws {
    let t = try #require(try Self.fixture("item-delay.yaml").treasury)
    let monthly = 1200.0 / 12
    for m in t.months {
      let expected = m.month.month >= 4 ? monthly : 0
      #expect(isClose(m.disbursements["suppliers"] ?? 0, expected, tolerance: 0.001), "\(m.month)")
    }
    #expect(isClose(t.payableAfterHorizon["suppliers"] ?? 0, 3 * monthly, tolerance: 0.001))
  }

  /// The net pay leaves at the month's end; what is withheld from it leaves with the
  /// employer's contributions (employee-contributions.yaml).
  @Test func theNetPayAtTheMonthsEnd() throws {
    let p = try Self.fixture("practice.yaml")
    let t = try #require(p.treasury)
    let march = try #require(t.months.firstIndex { $0.month == Month(2012, 3) })
    let net = try #require(p.evaluation.value("net_pay", row: 0, month: march))
    let gross = try #require(p.evaluation.value("paid", row: 0, month: march))
    #expect(net < gross)
    #expect(isClose(t.months[march].disbursements["salaries"] ?? 0, Money.cents(net), tolerance: 0.011))
    // A quarter's withheld and employer contributions, in the first month of the next.
    let quarter = (0..<3).reduce(0.0) { total, m in
      total + (p.evaluation.value("staff_social", row: 0, month: m) ?? 0)
        + (p.evaluation.value("employee_contributions", row: 0, month: m) ?? 0)
    }
    #expect(isClose(t.months[3].disbursements["social-contributions"] ?? 0, Money.cents(quarter), tolerance: 0.011))
  }

  /// The baseline states its opening balance and its funders' terms: no assumed value.
  @Test func theBaselineStatesItsTreasuryAssumptions() throws {
    let ids = Self.baseline.warnings.map(\.id)
    #expect(!ids.contains(.treasuryAssumedOpening))
    #expect(!ids.contains(.treasuryPracticeTerms))
  }
}

/// The simulation's cash: each draw's plan is the scenario's with its draws' differences.
@Suite struct SimulatedCashTests {
  static func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/treasury/\(name)").path)
  }

  /// Nothing uncertain: every draw's lowest cash is the plan's.
  @Test func withoutUncertaintyEveryDrawHasThePlansLowestCash() throws {
    let s = try Self.load("overdraft.yaml")
    var plain = s
    plain.treasury.overdraftLimit = 0
    let plan = try #require(try Projection.run(plain, ruleSet: ShippedRules.ruleSet).treasury)
    let sim = try Simulation.run(plain, ruleSet: ShippedRules.ruleSet, draws: 20, seed: 1)
    for period in sim.periods {
      let low = try #require(sim.indicators["lowest_cash"]?[period])
      #expect(low.p5 == plan.periods[period]?.lowestCash && low.p95 == plan.periods[period]?.lowestCash, "\(period)")
      #expect(sim.probabilities["cash_below_zero"]?[period] == ((plan.periods[period]?.lowestCash ?? 0) < 0 ? 1 : 0))
    }
  }

  /// With financing and nothing uncertain, every draw finances itself as the plan does: the
  /// same lowest cash and the same interest.
  @Test(arguments: ["overdraft.yaml", "advances.yaml"])
  func drawsFinanceThemselvesAsThePlanDoes(_ name: String) throws {
    let s = try Self.load(name)
    let plan = try #require(try Projection.run(s, ruleSet: ShippedRules.ruleSet).treasury)
    let sim = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 10, seed: 2)
    for period in sim.periods {
      let low = try #require(sim.indicators["lowest_cash"]?[period])
      let cost = try #require(sim.indicators["financing_cost"]?[period])
      #expect(isClose(low.p50, try #require(plan.periods[period]?.lowestCash), tolerance: 0.011), "\(name) \(period)")
      #expect(isClose(cost.p50, try #require(plan.periods[period]?.financingCost), tolerance: 0.011), "\(name) \(period)")
    }
  }

  /// A subsidy never renewed: every draw has the cash of the scenario without it, its advance
  /// and balance missing on their months.
  @Test func aSubsidyNotRenewedTakesItsPaymentsAway() throws {
    let s = try Self.load("renewal.yaml")
    var without = s
    without.subsidies[0].amounts.values["2013"] = 0
    let plan = try #require(try Projection.run(without, ruleSet: ShippedRules.ruleSet).treasury)
    let sim = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 50, seed: 3)
    let low = try #require(sim.indicators["lowest_cash"]?["2013"])
    #expect(isClose(low.p50, try #require(plan.periods["2013"]?.lowestCash), tolerance: 0.011))
    #expect(low.p5 == low.p95)
    let horizon = try #require(sim.indicators["lowest_cash"]?["horizon"])
    #expect(isClose(horizon.p50, plan.months.map(\.closing).min()!, tolerance: 0.011))
  }

  /// A drawn payment delay moves the funder's balances: a delay drawn at 10 months every time
  /// gives the cash of the scenario whose terms say 10.
  @Test func aDrawnDelayMovesTheBalance() throws {
    var s = try Self.load("renewal.yaml")
    s.subsidies[0].renewalProbability.values = [:]
    s.uncertainty.paymentDelays["region"] = .uniform(low: 10, high: 10.5)
    var fixed = s
    fixed.uncertainty.paymentDelays = [:]
    fixed.subsidies[0].payment?.balanceDelay = 10
    let plan = try #require(try Projection.run(fixed, ruleSet: ShippedRules.ruleSet).treasury)
    let sim = try Simulation.run(s, ruleSet: ShippedRules.ruleSet, draws: 30, seed: 5)
    for period in sim.periods {
      let low = try #require(sim.indicators["lowest_cash"]?[period])
      #expect(isClose(low.p50, try #require(plan.periods[period]?.lowestCash), tolerance: 0.011), "\(period)")
      #expect(low.p5 == low.p95)
    }
  }
}

/// Advances on subsidies: drawn before the overdraft, never more than their share of the
/// subsidies accrued and still to come, their interest booked with the overdraft's.
@Suite struct SubsidyAdvanceTests {
  @Test func advancesComeFirstAndFollowTheSubsidiesToCome() throws {
    let p = try TreasuryTests.fixture("advances.yaml")
    let t = try #require(p.treasury)
    let policy = p.scenario.treasury
    #expect(t.months.contains { $0.advances > 0 })
    var subsidiesToCome = 0.0
    var previous: Treasury.MonthFlows? = nil
    for (i, m) in t.months.enumerated() {
      let month = p.evaluation.situation.timeline.months[i]
      #expect(m.month == month)
      // Accrued (the subsidy's monthly amounts) less received.
      subsidiesToCome += p.scenario.subsidies.reduce(0) { total, s in
        let e = p.periods.first { $0.monthIndices.contains(i) }!
        return total + (s.amounts[e.id] ?? 0) / Double(e.months)
      }
      subsidiesToCome -= m.receipts.filter { $0.key.hasPrefix("subsidy:") }.map(\.value).reduce(0, +)
      #expect(m.advances <= Money.cents(max(0, subsidiesToCome) * policy.advanceShare) + 0.02, "\(m.month)")
      // The overdraft is drawn only when the advances are at their limit.
      if m.overdraft > (previous?.overdraft ?? 0) {
        #expect(isClose(m.advances, Money.cents(max(0, subsidiesToCome) * policy.advanceShare), tolerance: 0.02), "\(m.month)")
      }
      let interest = Money.cents(
        (previous?.overdraft ?? 0) * policy.overdraftRate / 12 + (previous?.advances ?? 0) * policy.advanceRate / 12)
      #expect(isClose(m.disbursements["interest"] ?? 0, interest, tolerance: 0.011), "\(m.month)")
      previous = m
    }
    // Cheaper than the overdraft alone.
    let overdraftOnly = try #require(try TreasuryTests.fixture("overdraft.yaml").treasury)
    #expect(Money.sum(t.periods.values.map(\.financingCost)) < Money.sum(overdraftOnly.periods.values.map(\.financingCost)))
    try TreasuryTests().checkIdentity(p)
  }
}
