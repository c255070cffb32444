import Foundation
import Planner

/// Prints diagnostics on standard error, in colour only when it is a terminal.
struct DiagnosticPrinter {
  var sources: [String: String]

  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let renderer = DiagnosticRenderer(sources: sources, colour: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    FileHandle.standardError.write(Data((renderer.render(diagnostics) + "\n").utf8))
  }
}
