import Foundation
import TestSupport
import Testing

@Suite struct StatutesCommandTests {
  @Test func statutesSideBySide() throws {
    let r = try PlanBinary.run(["statutes", "scenarios/baseline.yaml"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("Association           UES          SCIC         Group"))
    #expect(r.out.contains("Hosting service civique volunteers"))
    let fr = try PlanBinary.run(["statutes", "scenarios/baseline.yaml", "--lang", "fr"])
    #expect(fr.out.contains("Accueil de volontaires en service civique"))
    #expect(fr.out.contains("seulement si :"))
  }

  @Test func statutesJsonContract() throws {
    let r = try PlanBinary.run(["statutes", "scenarios/scic-2013.yaml", "--from", "2013-01", "--format", "json"])
    #expect(r.status == 0, "\(r.err)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(o["from"] as? String == "2013-01")
    let statutes = try #require(o["statutes"] as? [[String: Any]])
    #expect(statutes.map { $0["statute"] as? String } == ["association", "ues", "scic", "group"])
    let scic = statutes[2]
    #expect((scic["eligibility"] as? [String: Bool])?["mecenat"] == false)
    let votes = try #require((scic["governance"] as? [String: Any])?["vote_shares"] as? [String: Double])
    #expect(abs(votes.values.reduce(0, +) - 1) < 1e-9)
    let indicators = try #require(scic["indicators"] as? [String: [String: Double]])
    #expect(Set(indicators["result_without_conditional"]?.keys ?? [:].keys) == Set(indicators["result"]?.keys ?? [:].keys))
    #expect(indicators["result"]?.keys.contains("2015") == true)
    let conditional = try #require(scic["conditional"] as? [[String: Any]])
    #expect(!conditional.isEmpty)
    for item in conditional {
      for key in ["item", "period", "amount", "conditions", "source"] { #expect(item[key] != nil, "\(key)") }
    }
    let constraints = try #require(scic["constraints"] as? [[String: Any]])
    #expect(constraints.allSatisfy { ["met", "violated", "not_applicable"].contains($0["status"] as? String ?? "") })
  }

  @Test func governanceAtAMonth() throws {
    let r = try PlanBinary.run(["governance", "scenarios/scic-2013.yaml", "--at", "2012-06", "--format", "json"])
    #expect(r.status == 0, "\(r.err)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(o["statute"] as? String == "association")
    let later = try PlanBinary.run(["governance", "scenarios/scic-2013.yaml", "--at", "2013-06"])
    #expect(later.out.hasPrefix("Governance of scic-2013 in Jun 2013: SCIC"))
  }
}
