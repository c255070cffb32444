import Foundation
import Planner

/// Prints an HTML file to PDF with a headless Chromium, when one is installed (Debian's
/// `chromium` package): `chromium --headless --print-to-pdf`.
public enum PDFPrinter {
  /// The Chromium the machine has, from `PATH`.
  public static func chromium() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser", "google-chrome"] {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  /// Prints `html` (a file) to `pdf` (a file); the diagnostic says what failed.
  public static func print(html: String, to pdf: String) throws(DiagnosticList) {
    guard let browser = chromium() else {
      throw DiagnosticList([.error(.fileWrite, Phrase("error.report.no_chromium", ["pdf": .text(pdf)]))])
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("plan-chromium-\(getpid())")
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=\(home.path)",
      "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      throw DiagnosticList([.error(.fileWrite, Phrase("error.report.chromium_failed", ["problem": .text("\(error)")]))])
    }
    try? FileManager.default.removeItem(at: home)
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
      throw DiagnosticList([
        .error(.fileWrite, Phrase("error.report.chromium_failed", ["problem": .text("exit \(process.terminationStatus)")]))
      ])
    }
  }
}
