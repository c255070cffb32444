import ArgumentParser
import Foundation
import Planner

/// Prints diagnostics on standard error, with the source line of each (from the
/// `SourceStore`), in colour only when it is a terminal.
struct DiagnosticPrinter {
  /// One line per diagnostic, without the quoted source (for warnings next to a result).
  var compact = false
  /// The language of the messages.
  var messages = CLI.messages

  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let renderer = DiagnosticRenderer(
      colour: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, messages: messages)
    let text = compact ? diagnostics.map(renderer.line).joined(separator: "\n") : renderer.render(diagnostics)
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

/// Runs a command's body: the diagnostics it throws are printed on standard error and the
/// command exits with status 1. Every command goes through here.
func diagnosing<T>(_ body: () throws(DiagnosticList) -> T) throws -> T {
  do throws(DiagnosticList) {
    return try body()
  } catch {
    DiagnosticPrinter().print(error.diagnostics)
    throw ExitCode.failure
  }
}
