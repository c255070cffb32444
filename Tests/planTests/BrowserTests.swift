import Foundation
import TestSupport
import Testing

/// The web app in a real headless Chromium (tools/browser-tests/run.py, Selenium through
/// Debian's chromium-driver and python3-selenium): change a grant and see the reserves move,
/// save a variant and find it listed, follow a figure to a parameter's legal reference, no
/// console error.
@Suite struct BrowserTests {
  @Test func aCommitteeMemberUsesTheWebApp() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
      "the browser tests need Debian's chromium-driver and python3-selenium (the README's first command installs them)")
    let (status, text) = try runTool(
      "/usr/bin/python3",
      [
        PlanBinary.packageRoot.appendingPathComponent("tools/browser-tests/run.py").path, PlanBinary.url.path,
        PlanBinary.packageRoot.appendingPathComponent("scenarios").path,
      ])
    #expect(status == 0, "\(text)")
    #expect(text.contains("ok   no console error"), "\(text)")
  }
}
