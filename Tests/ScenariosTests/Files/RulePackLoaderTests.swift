import Foundation
import Testing

@testable import Scenarios

@Suite struct RulePackLoaderTests {
  static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios/rules")

  @Test func missingFileIsAnError() {
    let outcome = RulePackLoader.check(["/nonexistent/rules.yaml"])
    #expect(outcome.hasErrors)
    #expect(outcome.diagnostics.first?.id == .fileUnreadable)
  }

  /// The shipped rule packs compile and their worked examples pass.
  @Test func shippedRulePacksPass() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.rules.path).filter { $0.hasSuffix(".yaml") }
    let outcome = RulePackLoader.check(files.map { Self.rules.appendingPathComponent($0).path })
    #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
    #expect(outcome.exampleCount > 0)
  }
}
