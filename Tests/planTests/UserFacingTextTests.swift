import Foundation
import TestSupport
import Testing

/// The words a user reads come from the message catalogues, not from the code.
@Suite struct UserFacingTextTests {
  /// Every string literal of the Swift files under `folder`, with its file and line.
  static func literals(under folder: String) -> [(file: String, line: Int, text: String)] {
    let root = TestSupport.repositoryPath(folder)
    let literal = /"((?:[^"\\\n]|\\.)*)"/
    var out: [(String, Int, String)] = []
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
    for file in files where file.pathExtension == "swift" {
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//") else { continue }
        for m in line.matches(of: literal) { out.append((file.lastPathComponent, i + 1, String(m.output.1))) }
      }
    }
    return out
  }

  /// The command-line tool has no sentence of its own: a literal of two words or more is a
  /// catalogue key, a command the user types (`plan check …`) or nothing a user reads. A
  /// sentence written into `Sources/plan` fails here.
  @Test func theCommandLineToolWritesNoSentenceOfItsOwn() {
    let words = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/
    let key = /[a-z_]+(\.[a-z0-9_\-]+)+/
    let sentences = Self.literals(under: "Sources/plan").filter { l in
      l.text.contains(words) && l.text.wholeMatch(of: key) == nil && !l.text.hasPrefix("plan ")
    }
    #expect(sentences.isEmpty, "\(sentences.map { "\($0.file):\($0.line): \($0.text)" })")
  }

  /// The diagnostics still written as English sentences in the code (the errors of reading a
  /// rule pack or a scenario file): their number may only go down as they move to the
  /// catalogues (a `Phrase`); a new diagnostic written as a sentence fails here. Lower the
  /// bound when you move some.
  @Test func noNewDiagnosticIsWrittenAsASentence() {
    let pattern = /\.(?:error|warning)\(\s*\.\w+,\s*"|Diagnostic\(\s*[^,()]+,\s*id:\s*\.\w+,\s*"|\.(?:error|warning)\(\s*\.\w+,\s*message\b/
    let root = TestSupport.repositoryPath("Sources")
    var count = 0
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
    for file in files where file.pathExtension == "swift" {
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      count += text.matches(of: pattern).count
    }
    #expect(count <= 130, "\(count) diagnostics written as sentences; at most 130")
    #expect(count > 0, "every diagnostic is in the catalogues: make this test require none")
  }
}
