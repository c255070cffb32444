import Testing
@testable import Scenarios

@Suite struct RulePackLoaderTests {
  @Test func missingFileIsAnError() {
    let outcome = RulePackLoader.check(["/nonexistent/rules.yaml"])
    #expect(outcome.hasErrors)
    #expect(outcome.diagnostics.first?.id == "file.unreadable")
  }
}
