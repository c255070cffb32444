import Foundation
import TestSupport
import Testing

@Suite struct ScenarioCommandTests {
  @Test func runJsonFollowsTheContract() throws {
    let r = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "json"])
    #expect(r.status == 0, "\(r.err)")
    let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(o["scenario"] as? String == "baseline")
    let periods = try #require(o["periods"] as? [[String: Any]])
    #expect(periods.map { $0["id"] as? String } == ["2010-2011", "2012", "2013", "2014", "2015"])
    #expect(periods.first?["months"] as? Int == 14)
    let budget = try #require(o["budget"] as? [[String: Any]])
    for path in [
      "charges/achats", "charges/achats/fournitures", "charges/charges_externes/loyers", "charges/remunerations/coordinateur",
      "charges/charges_sociales", "charges/total", "produits/subventions/europe", "produits/autres_produits/cotisations", "produits/total",
    ] {
      #expect(budget.contains { $0["path"] as? String == path && $0["budget"] as? String == "total" }, "\(path)")
    }
    let row = try #require(budget.first { $0["path"] as? String == "charges/remunerations" && $0["budget"] as? String == "projets" })
    #expect((row["shares"] as? [String: Double])?["2010-2011"] == 12.35)
    let staffing = try #require(o["staffing"] as? [[String: Any]])
    #expect(
      Set(staffing.compactMap { $0["id"] as? String }).isSuperset(of: [
        "coordinateur", "charges_mission", "responsable_rd", "administration_communication", "volontaires", "stagiaires", "comite_pilotage",
        "total",
      ]))
    #expect((o["indicators"] as? [String: Any])?["result"] != nil)
    let warnings = try #require(o["warnings"] as? [[String: Any]])
    #expect(warnings.allSatisfy { $0["code"] != nil && $0["message"] != nil })
  }

  /// The language: `--lang`, else the environment's (French for `fr…`); the French summary
  /// has French words and numbers and fits one screen (24 lines of at most 100 columns).
  @Test func runSummaryInFrenchFromTheEnvironment() throws {
    let fr = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--summary"], environment: ["LANG": "fr_FR.UTF-8"])
    #expect(fr.status == 0, "\(fr.err)")
    #expect(fr.out.contains("Résultat (€)") && fr.out.contains("Trésorerie au plus bas") && fr.out.contains("avertissements"))
    // The 2012 result as plan run's JSON gives it, written the French way.
    let json = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "json"])
    let o = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let result = try #require((o["indicators"] as? [String: [String: Double]])?["result"]?["2012"])
    #expect(result < 0)
    let cents = Int((abs(result) * 100).rounded())
    let (euros, rest) = (cents / 100, String(format: "%02d", cents % 100))
    #expect(fr.out.contains("-\(euros / 1000)\u{202F}\(String(format: "%03d", euros % 1000)),\(rest)"))
    #expect(!fr.out.contains("⟦"))
    let lines = fr.out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count <= 24 && lines.allSatisfy { $0.count <= 100 }, "\(lines.count) lines")
    let en = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--summary", "--lang", "en"], environment: ["LANG": "fr_FR.UTF-8"])
    #expect(en.out.contains("Result (€)") && en.out.contains("-\(euros / 1000),\(String(format: "%03d", euros % 1000)).\(rest)"))
    #expect(try PlanBinary.run(["run", "scenarios/baseline.yaml", "--summary"]).out == en.out)
  }

  /// Every shipped scenario's run in both languages: no key missing from a catalogue.
  @Test(arguments: ["fr", "en"]) func runHasEveryWordInItsCatalogue(_ language: String) throws {
    for s in ["baseline", "scic-2013", "stop-end-2013", "fse-late"] {
      for by in ["exercise", "month"] {
        let r = try PlanBinary.run(["run", "scenarios/\(s).yaml", "--by", by, "--lang", language])
        #expect(r.status == 0 && !r.out.contains("⟦"), "\(s) by \(by)")
      }
    }
  }

  @Test func runTableAndCsv() throws {
    let table = try PlanBinary.run(["run", "scenarios/baseline.yaml"])
    #expect(table.status == 0)
    #expect(table.out.contains("Budget 2010-2011 (Nov 2010 – Dec 2011, 14 months, recorded)"))
    #expect(table.out.contains("Not detailed in the source"))
    let csv = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "csv", "--by", "year"])
    #expect(csv.status == 0)
    #expect(csv.out.hasPrefix("scenario,period,section,budget,line,label,unit,value\n"))
    #expect(csv.out.contains("baseline,2011,charges,total,total,Total expenses,EUR,"))
  }

  /// The French CSV: a byte-order mark, semicolons, decimal commas, no grouping; every
  /// figure equal to the JSON's; the assumptions, warnings and volunteers' valuation in it.
  @Test func frenchCsvReadsAsNumbersEqualToTheJson() throws {
    let csv = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "csv", "--lang", "fr"])
    #expect(csv.status == 0, "\(csv.err)")
    #expect(csv.out.hasPrefix("\u{FEFF}scénario;période;section;budget;ligne;libellé;unité;valeur\n"))
    let json = try PlanBinary.run(["run", "scenarios/baseline.yaml", "--format", "json", "--lang", "fr"])
    let o = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let budget = try #require(o["budget"] as? [[String: Any]])
    var checked = 0
    for line in csv.out.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 8, ["charges", "produits"].contains(f[2]) else { continue }
      let path = f[4] == f[2] ? f[2] : f[2] + "/" + f[4]
      let row = try #require(budget.first { $0["path"] as? String == path && $0["budget"] as? String == f[3] })
      let expected = try #require((row["values"] as? [String: Double])?[f[1]])
      #expect(!f[7].contains("."), "\(f[7])")
      #expect(Double(f[7].replacingOccurrences(of: ",", with: ".")) == expected, "\(path) \(f[1])")
      #expect(f[6] == "€")
      checked += 1
    }
    #expect(checked > 400)
    #expect(csv.out.contains(";in_kind;;benevolat;Bénévolat valorisé (86/87, à part);€;"))
    #expect(csv.out.contains(";assumptions;;1;"))
    #expect(csv.out.contains(";warnings;;seed."))
  }

  @Test func compareReadsInATerminal() throws {
    let r = try PlanBinary.run(["compare", "scenarios/baseline.yaml", "scenarios/europe-stops-2013.yaml"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("[1] baseline  [2] europe-stops-2013"))
    #expect(r.out.contains("What europe-stops-2013 changes (1)"))
    #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 120 })
  }

  @Test func explainDescendsToRatesAndSources() throws {
    let r = try PlanBinary.run(["explain", "scenarios/baseline.yaml", "charges/charges_sociales", "--period", "2012"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("charges/charges_sociales (Charges sociales, total) = "))
    #expect(
      r.out.contains(
        "[in force from 1998-01; OF parameters/prelevements_sociaux/cotisations_securite_sociale_regime_general/mmid/employeur/maladie.yaml]"
      ))
    let bad = try PlanBinary.run(["explain", "scenarios/baseline.yaml", "charges/charges_socials", "--period", "2012"])
    #expect(bad.status == 1)
    #expect(bad.err.contains("did you mean 'charges/charges_sociales'?"))
  }

  @Test func exportWritesAtomically() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("out.csv").path
    let r = try PlanBinary.run(["export", "scenarios/baseline.yaml", "scenarios/stop-end-2013.yaml", "--format", "csv", "-o", csv])
    #expect(r.status == 0, "\(r.err)")
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(text.contains("stop-end-2013,2013,charges,total,total,Total expenses,EUR,"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    // A failed export leaves the previous file whole.
    let failed = try PlanBinary.run(["export", "nowhere.yaml", "--format", "csv", "-o", csv])
    #expect(failed.status == 1)
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == text)
    let json = dir.appendingPathComponent("out.json").path
    #expect(try PlanBinary.run(["export", "scenarios/baseline.yaml", "--format", "json", "-o", json]).status == 0)
    let array = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
    #expect(array?.first?["scenario"] as? String == "baseline")
  }

  @Test func checkValidatesScenarios() throws {
    let ok = try PlanBinary.run(["check", "scenarios/baseline.yaml"])
    #expect(ok.status == 0, "\(ok.err)")
    #expect(ok.out.hasPrefix("ok: scenarios/baseline.yaml: scenario 'baseline'"))
    let bad = try PlanBinary.run(["check", "Tests/ScenariosTests/Fixtures/invalid/scenario.legal-limit.yaml"])
    #expect(bad.status == 1)
    #expect(bad.err.contains("legal limit broken: a CDD à objet défini lasts 18 to 36 months"))
  }
}
