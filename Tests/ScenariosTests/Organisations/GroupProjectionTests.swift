import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// The employers' group: its invoices add up to the costs it makes available, the cluster
/// bears its own in every command, and the consolidation adds up.
@Suite struct GroupProjectionTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/organisations")
  static func shipped(_ name: String) throws -> Scenario { try ScenarioLoader.load(repositoryPath("scenarios/\(name)").path) }
  static let eage = try! GroupProjection.run(try! shipped("eage-2012.yaml"), ruleSet: ShippedRules.ruleSet)

  static func line(_ p: Projection, _ path: String, _ period: String) -> Double {
    p.budget.first { $0.path == path && $0.budget == "total" }?.values[period] ?? 0
  }

  @Test func theInvoicesAddUpToTheCostsMadeAvailable() throws {
    let g = try #require(Self.eage.groups.first)
    for period in ["2012", "2013", "2014", "2015"] {
      let invoiced = Money.sum(g.invoices.values.map { $0[period] ?? 0 })
      let basis = try #require(g.basis[period])
      #expect(basis > 100_000, "\(period): the group's charges, about the source's 115,000 €")
      // Every hour is made available and there is no fee: the members pay the group's charges.
      #expect(g.unassigned[period] == 0)
      #expect(invoiced == basis, "\(period)")
      #expect(invoiced == Self.line(g.projection, "charges/total", period), "\(period): its whole charges")
      #expect(g.projection.indicators["result"]?[period] == 0, "\(period): the group breaks even")
      // Its income is its invoices.
      #expect(Self.line(g.projection, "produits/chiffre_affaires/services", period) == invoiced)
    }
    #expect(g.projection.indicators["fte"]?["2013"] == 2.5)
  }

  /// The cluster's own invoice is a charge of the cluster in every command (the planner adds
  /// it), on its external contractors' line.
  @Test func theClusterBearsItsOwnInvoice() throws {
    let g = try #require(Self.eage.groups.first)
    let baseline = try Projection.run(try Self.shipped("baseline.yaml"), ruleSet: ShippedRules.ruleSet)
    let plain = try Projection.run(try Self.shipped("eage-2012.yaml"), ruleSet: ShippedRules.ruleSet)
    let path = "charges/charges_externes/prestataires_externes"
    for period in ["2012", "2013"] {
      let own = try #require(g.invoices[LinkedOrganisation.cluster]?[period])
      #expect(own > 0)
      #expect(Money.cents(Self.line(plain, path, period) - Self.line(baseline, path, period)) == own)
      #expect(Money.cents(baseline.indicators["result"]![period]! - plain.indicators["result"]![period]!) == own)
      #expect(Self.line(Self.eage.cluster, path, period) == Self.line(plain, path, period))
    }
  }

  @Test func theConsolidationAddsUp() throws {
    let g = Self.eage
    let group = try #require(g.groups.first)
    for period in g.periods {
      let own = group.invoices[LinkedOrganisation.cluster]?[period] ?? 0
      for path in ["charges/total", "produits/total"] {
        let l = try #require(g.consolidation.first { $0.path == path })
        let expected = Money.cents(Self.line(g.cluster, path, period) + Self.line(group.projection, path, period) - own)
        #expect(l.consolidated[period] == expected, "\(path) \(period)")
        #expect(l.eliminated[period] == -own)
      }
      let result = g.indicators["result"]?[period] ?? 0
      #expect(result == Money.sum([g.cluster.indicators["result"]?[period] ?? 0, group.projection.indicators["result"]?[period] ?? 0]))
      #expect(
        g.indicators["fte"]?[period] == (g.cluster.indicators["fte"]?[period] ?? 0) + (group.projection.indicators["fte"]?[period] ?? 0))
    }
  }

  /// With a fee and VAT: the invoices are the costs plus the fee, the VAT at the normal rate
  /// on top; the group, subject to VAT, owes no taxe sur les salaires.
  @Test func aFeeAndVAT() throws {
    let s = try ScenarioLoader.load(Self.fixtures.appendingPathComponent("fee-taxable.yaml").path)
    let g = try #require(try GroupProjection.run(s, ruleSet: ShippedRules.ruleSet).groups.first)
    let exempt = try #require(Self.eage.groups.first)
    for period in ["2012", "2013", "2014"] {
      let invoiced = Money.sum(g.invoices.values.map { $0[period] ?? 0 })
      let basis = try #require(g.basis[period])
      #expect(invoiced == Money.cents(basis * 1.05), "\(period)")
      let rate = ShippedRules.parameter("tva_taux_normal", "\(period)-06")
      for (member, amounts) in g.invoices {
        let vat = g.vat[member]?[period] ?? 0
        #expect(abs(vat - (amounts[period] ?? 0) * rate) <= 0.01, "\(member) \(period)")
      }
      // The taxe sur les salaires before the associations' allowance (which covers the
      // exempt group's): none on pay of an employer subject to VAT.
      let last = try #require(g.projection.periods.first { $0.id == period }?.monthIndices.last)
      #expect(g.projection.evaluation.value("taxe_salaires_gross_year", month: last) == 0)
      #expect((exempt.projection.evaluation.value("taxe_salaires_gross_year", month: last) ?? 0) > 0)
      #expect((g.projection.indicators["result"]?[period] ?? 0) > 0, "the fee is the group's margin")
    }
  }

  /// What the scenario makes available must exist and fit: each refusal at its own line.
  @Test(arguments: [
    ("unknown-position", "no position 'controle_gestoin' in its file; did you mean 'controle_gestion'?"),
    ("not-a-member", "'la_comedie' is neither a member of the cluster nor the cluster itself"),
    ("over-hours", "made available for 110.0% of its hours in Jan 2013"),
    ("outside-contract", "from Jun 2011 to …, outside its contract (Jan 2012 to …)"),
    ("vat-mismatch", "vat: taxable needs its file to say organisation: vat_liable: true"),
    ("membership-overlap", "'le_fil' is a member twice from Jan 2014 to Dec 2015 (see also line 6)"),
    ("not-a-member-then", "made available to 'le_fil' in Jan 2014, when it is not a member"),
  ])
  func refusedWhereWritten(name: String, words: String) throws {
    let path = Self.fixtures.appendingPathComponent("\(name).yaml").path
    let errors = ScenarioCheck.check(path).diagnostics.filter { $0.severity == .error }
    let first = try #require(errors.first, "\(name) accepted")
    #expect(first.message.contains(words), "\(first.message)")
    #expect(first.location?.file == path)
  }

  /// What the members answer for jointly (art. L1253-8 C. trav.): the pay and contributions
  /// due and not yet paid. The group (three employees) pays its contributions quarterly, so at
  /// a quarter's end it owes the quarter's contributions, which the next month pays.
  @Test func jointLiabilityIsWhatTheGroupOwesItsStaffAndCollectors() throws {
    let g = try #require(Self.eage.groups.first)
    let t = try #require(g.projection.treasury)
    var highest: [String: Double] = [:]
    for (i, month) in t.months.enumerated() where month.month.month % 3 == 0 && i + 1 < t.months.count {
      let owed = t.months[i].payrollPayables
      #expect(owed == (t.months[i + 1].disbursements["social-contributions"] ?? 0), "\(month.month)")
      if month.month.year >= 2012 { #expect(owed > 0) }
      let exercise = try #require(Self.eage.scenario.exercises.first { $0.months.contains(month.month) })
      highest[exercise.id] = max(highest[exercise.id] ?? 0, owed)
    }
    // Within a quarter it owes less: the quarter's end is the highest.
    for period in ["2012", "2013", "2014"] { #expect(g.jointLiability[period] == highest[period], "\(period)") }
    // Each member answers for the whole; their shares by use, with the cluster's, make it up.
    let view = try MemberView.run(Self.eage, ruleSet: ShippedRules.ruleSet)
    for period in ["2012", "2013"] {
      let whole = try #require(g.jointLiability[period])
      let all = Money.sum(g.invoices.values.map { $0[period] ?? 0 })
      let cluster = whole * (g.invoices[LinkedOrganisation.cluster]?[period] ?? 0) / all
      var shares = cluster
      for row in view.members {
        let f = try #require(row.periods[period])
        #expect(f.jointLiability == whole, "\(row.id) answers for the whole")
        shares += f.jointLiabilityByUse ?? 0
      }
      #expect(abs(shares - whole) < 0.01 * Double(view.members.count + 1), "\(period)")
    }
    // One member, one vote by default: those it makes staff available to, the cluster first.
    let votes = g.votes(at: Month(2015, 12))
    #expect(votes.first?.member == LinkedOrganisation.cluster && votes.count == 13 && votes.allSatisfy { $0.votes == 1 })
  }

  /// Members listed with dates and votes: a member answers only while it is one.
  @Test func membersWithDatesAndVotes() throws {
    let s = try ScenarioLoader.load(Self.fixtures.appendingPathComponent("weighted-votes.yaml").path)
    let g = try GroupProjection.run(s, ruleSet: ShippedRules.ruleSet)
    let group = try #require(g.groups.first)
    #expect(group.votes(at: Month(2013, 6)).map(\.member) == ["cluster", "le_fil"])
    #expect(group.votes(at: Month(2014, 6)).map { "\($0.member) \($0.votes)" } == ["cluster 2.0", "raiso 1.0"])
    let view = try MemberView.run(g, ruleSet: ShippedRules.ruleSet)
    func row(_ id: String) throws -> MemberView.Row { try #require(view.members.first { $0.id == id }) }
    #expect(try row("le_fil").periods["2013"]?.jointLiability == group.jointLiability["2013"])
    #expect(try row("le_fil").periods["2014"]?.jointLiability == nil, "gone by 2014")
    // Alone, its hours stop when it leaves.
    #expect(try row("le_fil").periods["2013"]?.costAlone != nil)
    #expect(try row("le_fil").periods["2014"]?.costAlone == nil)
    #expect(try row("raiso").periods["2013"]?.jointLiability == nil, "not yet a member")
    #expect(try row("raiso").periods["2014"]?.jointLiability == group.jointLiability["2014"])
    #expect(try row("raiso").periods["2014"]?.jointLiabilityByUse == 0, "it uses nothing")
    #expect(try row("la_fabrique").periods["2014"]?.jointLiability == nil, "never a member")
  }

  /// The tidy CSV of the organisations: one figure a line, the consolidation's four columns
  /// for every line, the invoices adding up to what the group invoices.
  @Test func tidyRecords() throws {
    let g = Self.eage
    let group = try #require(g.groups.first)
    let records = ProjectionCSV.records(g, messages: .of(.en))
    for period in g.periods {
      let invoices = records.filter { $0.section == "eage/invoices" && $0.period == period }
      #expect(invoices.count == group.invoices.count)
      #expect(Money.sum(invoices.compactMap(\.value)) == Money.sum(group.invoices.values.map { $0[period] ?? 0 }))
      for line in g.consolidation {
        let four = records.filter { $0.section.hasPrefix("consolidation/") && $0.period == period && $0.label == line.label }
        let value = { (column: String) in four.first { $0.budget == column }?.value ?? .nan }
        #expect(value("consolidated") == line.consolidated[period], "\(line.path) \(period)")
        #expect(Money.sum([value("cluster"), value("organisations"), value("eliminated")]) == value("consolidated"))
      }
      #expect(records.contains { $0.section == "eage/joint_liability" && $0.period == period && $0.value == group.jointLiability[period] })
    }
  }
}
