import Foundation
import Planner

/// Prints diagnostics on standard error, in colour only when it is a terminal.
struct DiagnosticPrinter {
  var sources: [String: String]
  /// One line per diagnostic, without the quoted source (for warnings next to a result).
  var compact = false

  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let renderer = DiagnosticRenderer(sources: sources, colour: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    let text = compact ? diagnostics.map(\.description).joined(separator: "\n") : renderer.render(diagnostics)
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
