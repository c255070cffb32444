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
    // HTML markup (tags and their attributes) and interpolations are code, not words; the
    // line `listening on http://HOST:PORT` is the server's contract, the same in every language.
    let sentences = Self.literals(under: "Sources/plan").filter { l in
      let text = l.text.replacing(/<[^>]*>?/, with: " ").replacing(/\\\([^)]*\)?/, with: " ").replacing(/^[^<]*>/, with: " ")
      return text.contains(words) && l.text.wholeMatch(of: key) == nil && !l.text.hasPrefix("plan ") && !l.text.hasPrefix("listening on ")
    }
    #expect(sentences.isEmpty, "\(sentences.map { "\($0.file):\($0.line): \($0.text)" })")
  }

  /// No diagnostic is an English sentence: `Diagnostic` is made from a catalogue phrase
  /// only (it has no initialiser taking a text), and no helper passes a sentence on.
  @Test func noDiagnosticIsWrittenAsASentence() {
    let pattern = /(?:^|[^\w.])(?:error|fail|abandon)\(\s*"|Note\(\s*"|\.init\(\s*"[^"]*"\s*,\s*at:/
    let root = TestSupport.repositoryPath("Sources")
    var found: [String] = []
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
    for file in files where file.pathExtension == "swift" {
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      for m in text.matches(of: pattern) { found.append("\(file.lastPathComponent): \(text[m.range].prefix(60))") }
    }
    #expect(found.isEmpty, "\(found)")
  }
}
