import Testing
@testable import Planner

struct InvalidCase: Sendable, CustomTestStringConvertible {
  var file: String
  var strict: Bool
  var expected: String
  init(_ file: String, strict: Bool, _ expected: String) {
    self.file = file
    self.strict = strict
    self.expected = expected
  }
  var testDescription: String { file }
}

/// One tiny file per diagnostic, named after its id; each must fail with its whole message.
@Suite struct InvalidFixtureTests {
  @Test(arguments: cases)
  func reportsTheWholeLocatedMessage(_ c: InvalidCase) {
    let (outcome, rendered) = Fixtures.check(c.file, strict: c.strict)
    #expect(outcome.hasErrors)
    #expect(outcome.ruleSet == nil)
    #expect(rendered == c.expected)
  }

  @Test(arguments: cases)
  func firstErrorHasTheFixturesId(_ c: InvalidCase) {
    let (outcome, _) = Fixtures.check(c.file, strict: c.strict)
    let id = c.file.dropFirst("invalid/".count).dropLast(".yaml".count)
    let expected = id.hasPrefix("rules.cycle") ? "rules.cycle" : String(id)
    #expect(outcome.diagnostics.first { $0.severity == .error }?.id == expected)
  }

  @Test func everyFixtureHasACase() {
    #expect(Fixtures.files(in: "invalid") == Self.cases.map(\.file))
    #expect(Self.cases.count >= 15)
  }

  @Test func everyErrorIsLocated() {
    for c in Self.cases {
      let (outcome, _) = Fixtures.check(c.file, strict: c.strict)
      for d in outcome.diagnostics { #expect(d.location?.file == c.file, "\(c.file): \(d.message)") }
    }
  }
}
