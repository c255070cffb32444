import Foundation
import Planner
import TestSupport
import Testing

@testable import Scenarios

/// Every diagnostic the malformed files of the test suite raise reads in the reader's
/// language: it carries a catalogue phrase, not an English sentence.
@Suite struct DiagnosticPhraseTests {
  /// The malformed scenarios (`Tests/planTests/Malformed/scenarios`), the invalid rule packs
  /// (`Tests/PlannerTests/Fixtures/invalid`) and the invalid scenarios of this target.
  static let files: [String] = {
    var out: [String] = []
    for folder in ["Tests/planTests/Malformed/scenarios", "Tests/PlannerTests/Fixtures/invalid", "Tests/ScenariosTests/Fixtures/invalid"] {
      let url = TestSupport.repositoryPath(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      out += names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0).path }
    }
    return out
  }()

  static func diagnostics(_ path: String) -> [Diagnostic] {
    if ScenarioCheck.isScenario(path) { return ScenarioCheck.check(path, strict: true).diagnostics }
    return RulePackLoader.check([path], strict: true).diagnostics
  }

  /// A phrase and the phrases among its arguments.
  static func phrases(_ p: Phrase) -> [Phrase] {
    [p]
      + p.arguments.values.flatMap { a -> [Phrase] in
        if case .phrase(let inner) = a { return phrases(inner) }
        return []
      }
  }

  /// Every diagnostic the malformed files raise has its phrase in both catalogues, with
  /// every argument its texts name, and reads in French otherwise than in English.
  @Test func everyDiagnosticOfTheMalformedFilesReadsInBothLanguages() {
    #expect(Self.files.count > 200)
    let placeholder = /\{([a-z0-9_]+)\}/
    var problems: [String] = []
    var count = 0
    for path in Self.files {
      for d in Self.diagnostics(path) {
        count += 1
        let name = (path as NSString).lastPathComponent
        guard let phrase = d.phrase else {
          problems.append("\(name): no phrase: \(d.message)")
          continue
        }
        for p in Self.phrases(phrase) {
          for language in Language.allCases {
            guard let text = Messages.of(language).lookup(p.key) else {
              problems.append("\(name): '\(p.key)' is not in \(language.rawValue).yaml")
              continue
            }
            for m in text.matches(of: placeholder) where p.arguments[String(m.output.1)] == nil {
              problems.append("\(name): '\(p.key)' (\(language.rawValue)) names {\(m.output.1)}, which the code does not give")
            }
          }
        }
        if d.message(in: .of(.fr)) == d.message(in: .of(.en)) && phrase.key != "diagnostic.text" {
          problems.append("\(name): the same in French and English: \(d.message)")
        }
      }
    }
    #expect(count > 200)
    #expect(problems.isEmpty, "\(problems.count):\n\(problems.joined(separator: "\n"))")
  }
}
