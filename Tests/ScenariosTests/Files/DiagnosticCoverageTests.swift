import Foundation
import TestSupport
import Testing

/// Every diagnostic id a user can meet is shown by a test: a fixture named after it (in a
/// `Fixtures/invalid` folder, with its whole expected message) or a golden CLI case named
/// after it (`Tests/planTests/Snapshots/cases.txt`), or, for a warning, a golden output that
/// shows it. The ids not covered yet are listed
/// below, and the list may only shrink.
@Suite struct DiagnosticCoverageTests {
  static let root = packageRoot

  /// The ids declared in the catalogues.
  static var declared: [String] {
    let catalogues = ["Sources/Planner/Diagnostics/DiagnosticID.swift", "Sources/Scenarios/Diagnostics/DiagnosticID+Scenarios.swift"]
    return catalogues.flatMap { path -> [String] in
      let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
      return text.matches(of: /DiagnosticID\("([a-z0-9.-]+)"\)/).map { String($0.output.1) }
    }
  }

  /// Names that show an id: fixture files (without `.yaml`) and golden cases.
  static var shown: [String] {
    var out: [String] = []
    for folder in ["Tests/PlannerTests/Fixtures/invalid", "Tests/ScenariosTests/Fixtures/invalid"] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      out += names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }
    let cases = (try? String(contentsOf: root.appendingPathComponent("Tests/planTests/Snapshots/cases.txt"), encoding: .utf8)) ?? ""
    out += cases.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: ":").first.map(String.init) }
    // Warnings shown in golden outputs: `[id]` in tables, `"code" : "id"` in JSON.
    let snapshots = root.appendingPathComponent("Tests/planTests/Snapshots")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: snapshots.path)) ?? [] where name.hasSuffix(".txt") {
      let text = (try? String(contentsOf: snapshots.appendingPathComponent(name), encoding: .utf8)) ?? ""
      out += text.matches(of: /\[([a-z]+\.[a-z0-9.-]+)\]|"code" : "([a-z]+\.[a-z0-9.-]+)"/).compactMap { m in
        (m.output.1 ?? m.output.2).map(String.init)
      }
    }
    return out
  }

  /// Ids without a fixture or a golden case (the list may only shrink): guards that no file
  /// can reach today, and rule-pack inconsistencies that only a broken shipped pack shows.
  static let notYetCovered: Set<String> = [
    // Inputs are read through the literal grammar, which refuses non-finite numbers, and
    // the domain builds every input with its shape.
    "evaluation.input-not-finite", "evaluation.input-shape",
    // The domain reads no scale parameter where it needs a value; the rules language
    // refuses it at load time (rules.type-mismatch).
    "parameters.not-a-value",
    // The scenario reader refuses a scenario without exercises first (scenario.invalid).
    "time.no-exercise",
    // `explain` and `cost --explain` check the line's name first (explain.unknown-line,
    // cost.unknown-line).
    "explain.unknown-rule",
    // A Yams error of a kind it does not report today.
    "yaml.invalid",
    // The shipped rule packs' totals: a pack whose total leaves out one of its lines.
    "scenario.section-mismatch", "cost.total-mismatch",
  ]

  static func covered(_ id: String) -> Bool {
    shown.contains { $0 == id || $0.hasPrefix(id + ".") || (id == "rules.cycle" && $0.hasPrefix("rules.cycle")) }
  }

  @Test func everyIdIsShownByATest() {
    let declared = Self.declared
    #expect(declared.count >= 90)
    let missing = declared.filter { !Self.covered($0) && !Self.notYetCovered.contains($0) }
    #expect(missing.isEmpty, "ids with no fixture or golden case: \(missing.joined(separator: " "))")
    let stale = Self.notYetCovered.filter { Self.covered($0) || !declared.contains($0) }
    #expect(stale.isEmpty, "listed as not covered but covered or gone: \(stale.sorted().joined(separator: " "))")
  }
}
