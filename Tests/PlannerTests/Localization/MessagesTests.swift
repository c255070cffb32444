import Foundation
import TestSupport
import Testing

@testable import Planner

@Suite struct MessagesTests {
  /// Every string literal of the sources (Sources/**/*.swift).
  static let literals: [String] = {
    let root = TestSupport.packageRoot.appendingPathComponent("Sources")
    var out: [String] = []
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
    let literal = /"((?:[^"\\\n]|\\.)*)"/
    // A diagnostic's id (`solve.unknown-path`) has a key's shape but is no key.
    for file in files where file.pathExtension == "swift" && !file.lastPathComponent.hasPrefix("DiagnosticID") {
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      out += text.matches(of: literal).map { String($0.output.1) }
      // A key passed inside an interpolation (`"<h1>\(m("report.title"))</h1>"`), which the
      // pattern above, pairing quotes, does not see.
      out += text.matches(of: /\(\s*"([a-z_]+(?:\.[a-z0-9_\-]+)+)"/).map { String($0.output.1) }
    }
    return out
  }()

  @Test func bothCataloguesHaveTheSameKeys() {
    let fr = Messages.of(.fr).keys, en = Messages.of(.en).keys
    #expect(fr.subtracting(en).sorted() == [], "in fr.yaml only")
    #expect(en.subtracting(fr).sorted() == [], "in en.yaml only")
    #expect(fr.count > 100)
  }

  /// A key the code names in a literal (`m("run.warnings")`) is in the catalogue; a key built
  /// from a prefix (`m("indicator.\(id)")`) has at least one key under that prefix.
  @Test func everyKeyTheCodeUsesExists() {
    let keys = Messages.of(.en).keys
    let keyShape = /^[a-z_]+(\.[a-z0-9_\-]+)+$/
    for literal in Self.literals where literal.wholeMatch(of: keyShape) != nil {
      let prefix = literal.split(separator: ".").first.map(String.init) ?? ""
      guard keys.contains(where: { $0.hasPrefix(prefix + ".") }) else { continue }  // not a catalogue key (a rule's name)
      #expect(keys.contains(literal) || keys.contains(literal + ".one"), "\(literal)")
    }
    for literal in Self.literals where literal.contains("\\(") {
      let prefix = String(literal.prefix { $0 != "\\" })
      guard prefix.hasSuffix("."), let head = prefix.split(separator: ".").first, keys.contains(where: { $0.hasPrefix(head + ".") })
      else { continue }
      #expect(keys.contains { $0.hasPrefix(prefix) }, "\(literal)")
    }
  }

  /// A key of the catalogue is used: named in a literal, or under a prefix the code builds.
  @Test func everyKeyIsUsed() {
    let literals = Set(Self.literals)
    let prefixes = Self.literals.filter { $0.contains("\\(") }.map { String($0.prefix { $0 != "\\" }) }.filter { $0.hasSuffix(".") }
    for key in Messages.of(.en).keys {
      let base = key.hasSuffix(".one") || key.hasSuffix(".other") ? String(key[..<key.lastIndex(of: ".")!]) : key
      #expect(literals.contains(base) || prefixes.contains { key.hasPrefix($0) }, "\(key) is not used")
    }
  }

  @Test func frenchNumbersMoneyPercentagesAndMonths() {
    let m = Messages.of(.fr)
    #expect(m.amount(1234.56) == "1\u{202F}234,56")
    #expect(m.amount(-152622.15) == "-152\u{202F}622,15")
    #expect(m.euros(1234.5) == "1\u{202F}234,50\u{00A0}€")
    #expect(m.percent(0.123) == "12,3\u{00A0}%")
    #expect(m.month(Month(2012, 1)) == "janv. 2012")
    #expect(m.months(13) == "13 mois")
    #expect(m.amount(-0.001) == "0,00")
    #expect(m.number(1_234_567.891, digits: 1) == "1\u{202F}234\u{202F}567,9")
  }

  @Test func englishNumbersMoneyPercentagesAndMonths() {
    let m = Messages.of(.en)
    #expect(m.amount(1234.56) == "1,234.56")
    #expect(m.euros(-1234.5) == "-€1,234.50")
    #expect(m.percent(0.123) == "12.3%")
    #expect(m.month(Month(2012, 1)) == "Jan 2012")
    #expect(m.months(1) == "1 month")
    #expect(m.months(13) == "13 months")
    #expect(m.amount(0.005) == "0.01")
    #expect(m.euros(-0.000_001) == "€0.00")
  }

  @Test func theEnvironmentChoosesTheLanguageAsPOSIXOrdersIt() {
    #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == .fr)
    #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .en)
    #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"]) == .fr)
    #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8", "LC_ALL": ""]) == .fr)
    #expect(Language.fromEnvironment([:]) == .en)
    #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .en)
  }
}
