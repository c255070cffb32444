import Testing

@testable import Planner

/// The aliases (`*name`) a file may hold: none as a key, at most a budget of them.
@Suite struct YAMLDocumentTests {
  /// The filter before the regex never leaves out a line the regex finds an alias in: lines
  /// of the characters that matter (blanks, the characters after which a node starts, `*`,
  /// letters, the closing brackets, a non-breaking space, a letter beyond ASCII), drawn by a
  /// fixed generator.
  @Test func theFilterKeepsEveryLineTheRegexMatches() {
    let alias = YAMLDocument.aliasPattern()
    let alphabet: [Character] = [" ", "\t", ":", "-", "[", "{", ",", "?", "*", "*", "a", "1", "]", "}", "\u{a0}", "é", "&"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var matched = 0
    for _ in 0..<30_000 {
      let line = String((0..<(next() % 9)).map { _ in alphabet[next() % alphabet.count] })[...]
      if line.contains(alias) {
        matched += 1
        #expect(YAMLDocument.mayStartAlias(line), "'\(line)'")
      }
    }
    #expect(matched > 1_000)  // the lines drawn do hold aliases
  }

  /// What the filter leaves to the regex, and what not.
  @Test func theFilterReadsAliasesAndNotFormulas() {
    for line in ["*a", "key: *anchor", "- *x", "[*x, *y]", "{a: *x}", "? *k", "  *k: v", "a: \u{a0}*x"] {
      #expect(YAMLDocument.mayStartAlias(line[...]), "'\(line)'")
    }
    for line in ["        * min(1, smic * hours)", "formula: gross * rate", "a: 2*3", "key: value", "- * x", "*", "[*]"] {
      #expect(!YAMLDocument.mayStartAlias(line[...]), "'\(line)'")
    }
  }

  @Test func anAliasUsedAsAKeyIsLocated() throws {
    let text = "base: &b 1\nrates:\n  *b : 2\n"
    #expect(throws: DiagnosticList.self) { try YAMLDocument.parse(text, path: "a.yaml") }
    do {
      _ = try YAMLDocument.parse(text, path: "a.yaml")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(d.phrase?.key == "error.yaml_malformed.2")
      #expect(d.location?.line == 3)
    }
  }

  @Test func moreAliasesThanTheBudgetAreRefusedAtTheFirstBeyond() throws {
    let n = YAMLDocument.maximumAliases + 1
    let text = "base: &b 1\nlist:\n" + (0..<n).map { _ in "  - *b\n" }.joined()
    do {
      _ = try YAMLDocument.parse(text, path: "a.yaml")
      Issue.record("accepted \(n) aliases")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(d.phrase?.key == "error.yaml_malformed.3")
      #expect(d.location?.line == 2 + n)
    }
    // One fewer is read, each alias its anchor's value.
    let fewer = "base: &b 1\nlist:\n" + (0..<(n - 1)).map { _ in "  - *b\n" }.joined()
    let document = try YAMLDocument.parse(fewer, path: "a.yaml")
    #expect(document.root.value("list")?.node.sequence?.count == n - 1)
  }
}
