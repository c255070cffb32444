import Testing

@testable import Planner

/// One YAML file per mechanism of the rules language, with worked examples: one harness runs
/// them all, so a new mechanism needs a file and no new test code.
@Suite struct MechanismExampleTests {
  static let files = Fixtures.files(in: "mechanisms")

  @Test(arguments: files)
  func examplesPass(_ file: String) {
    let (outcome, rendered) = Fixtures.check(file)
    #expect(!outcome.hasErrors, "\(rendered)")
    #expect(outcome.exampleCount > 0)
  }

  @Test func thereIsAFilePerMechanism() {
    #expect(Self.files.count >= 12)
  }

  /// The harness itself can fail: a wrong expectation is reported where it is written.
  @Test func aWrongExpectationFails() throws {
    let yaml = """
      rules:
        total:
          unit: EUR
          formula: 2 * 50 EUR
      examples:
        - name: doubles
          months: 2012-01..2012-01
          expect:
            total: 99 EUR
      """
    let document = try YAMLDocument.parse(yaml, path: "x.yaml")
    let outcome = RuleFileCheck.check([document])
    #expect(
      outcome.diagnostics.map(\.description) == [
        "x.yaml:9:14: error: example 'doubles': total in 2012-01 is 100 EUR, expected 99 EUR"
      ])
  }
}
