import Testing

@testable import Planner

@Suite struct DiagnosticRendererTests {
  /// A message of the catalogues (`diagnostic.text` quotes a text as it is).
  static func text(_ s: String) -> Phrase { Phrase("diagnostic.text", ["text": .text(s)]) }

  @Test func caretUnderTheColumn() {
    let d = Diagnostic.error(
      DiagnosticID("rules.x"), Self.text("something"), at: SourceLocation(file: "f.yaml", line: 2, column: 5), length: 3)
    let text = DiagnosticRenderer(sources: ["f.yaml": "a: 1\nb:  xyz\n"]).render(d)
    #expect(text == "f.yaml:2:5: error: something\n    b:  xyz\n        ^~~")
  }

  @Test func withoutSourceOrLocation() {
    #expect(DiagnosticRenderer().render(.error(DiagnosticID("x"), Self.text("no place"))) == "error: no place")
  }

  /// The same diagnostic in French: the word for its severity and its phrase's words and
  /// numbers are the French catalogue's.
  @Test func inFrench() {
    let d = Diagnostic.error(
      DiagnosticID("rules.x"), Phrase("error.file.too_large", ["size": .integer(12_345_678), "maximum": .integer(10_000_000)]))
    let french = "erreur: il fait 12\u{202F}345\u{202F}678 octets ; un fichier YAML de plan fait au plus 10\u{202F}000\u{202F}000"
    #expect(DiagnosticRenderer(messages: .of(.fr)).render(d) == french)
    #expect(d.message == "it has 12,345,678 bytes; a YAML file of plan has at most 10,000,000")
  }
}
