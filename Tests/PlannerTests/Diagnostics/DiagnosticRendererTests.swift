import Testing

@testable import Planner

@Suite struct DiagnosticRendererTests {
  @Test func caretUnderTheColumn() {
    let d = Diagnostic.error(DiagnosticID("rules.x"), "something", at: SourceLocation(file: "f.yaml", line: 2, column: 5), length: 3)
    let text = DiagnosticRenderer(sources: ["f.yaml": "a: 1\nb:  xyz\n"]).render(d)
    #expect(text == "f.yaml:2:5: error: something\n    b:  xyz\n        ^~~")
  }

  @Test func withoutSourceOrLocation() {
    #expect(DiagnosticRenderer().render(.error(DiagnosticID("x"), "no place")) == "error: no place")
  }
}
