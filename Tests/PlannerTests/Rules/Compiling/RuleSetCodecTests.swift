import Foundation
import TestSupport
import Testing

@testable import Planner

/// A compiled rule set written as bytes and read back is the very rule set: every stored
/// property of every part, found by reflection (a property added later and forgotten by the
/// codec fails here).
@Suite struct RuleSetCodecTests {
  /// The shipped rule packs, and each mechanism's fixture: between them, every kind of node.
  static let sets: [(name: String, set: RuleSet)] = {
    let shipped = repositoryPath("scenarios/rules")
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: shipped.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    let documents = files.map { try! YAMLFileLoader.load(shipped.appendingPathComponent($0).path) }
    var out = [("scenarios/rules", try! Compiler.compile(documents).0)]
    for relative in Fixtures.files(in: "mechanisms") {
      if let document = try? YAMLDocument.parse(Fixtures.text(relative), path: relative),
        let (set, _) = try? Compiler.compile([document])
      {
        out.append((relative, set))
      }
    }
    return out
  }()

  @Test func aRuleSetReadBackIsTheSame() throws {
    #expect(Self.sets.count > 10)
    for (name, set) in Self.sets {
      let bytes = RuleSetCodec.encode(set)
      let back = try RuleSetCodec.decode(bytes)
      let differences = Reflection.differences(set, back)
      #expect(differences.isEmpty, "\(name): \(differences.prefix(5))")
      #expect(RuleSetCodec.encode(back) == bytes, "\(name)")
    }
  }

  /// The comparison is not blind: a label, a constant, a parameter's value changed are found.
  @Test func theComparisonFindsAChange() throws {
    let set = Self.sets[0].set
    var labelled = set
    labelled.rules[3].label = (labelled.rules[3].label ?? "") + "x"
    #expect(Reflection.differences(set, labelled).count == 1)
    var other = try RuleSetCodec.decode(RuleSetCodec.encode(set))
    let name = try #require(other.parameters.keys.sorted().first { if case .values = other.parameters[$0]!.values { true } else { false } })
    if case .values(var values) = other.parameters[name]!.values {
      values[0].value += 1e-9
      other.parameters[name]!.values = .values(values)
    }
    #expect(Reflection.differences(set, other).count == 1)
  }

  /// Every kind of node is met by the round trip above.
  @Test func theSetsHoldEveryKindOfNode() {
    var kinds = Set<String>()
    for (_, set) in Self.sets {
      for rule in set.rules {
        rule.root.walk { node in
          kinds.insert(Mirror(reflecting: node.kind).children.first?.label ?? "\(node.kind)")
        }
      }
    }
    let all: Set = [
      "constant", "rule", "input", "parameter", "parameterAt", "calendar", "unary", "binary", "select", "scale", "sum",
      "previousMonth", "exerciseTotal", "cumulative", "yearTotal",
    ]
    #expect(all.subtracting(kinds).isEmpty, "not met: \(all.subtracting(kinds).sorted())")
  }

  /// Bytes cut short, or changed, are refused (or read as some rule set), never a crash.
  @Test func damagedBytesAreRefused() {
    let bytes = RuleSetCodec.encode(Self.sets[0].set)
    for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
      #expect(throws: RuleSetCodec.Failure.self) { try RuleSetCodec.decode(Array(bytes[..<cut])) }
    }
    var state: UInt64 = 7
    for _ in 0..<200 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var damaged = bytes
      damaged[Int(state >> 33) % bytes.count] ^= UInt8(truncatingIfNeeded: state >> 20) | 1
      _ = try? RuleSetCodec.decode(damaged)
    }
    #expect(throws: RuleSetCodec.Failure.self) { try RuleSetCodec.decode(Array("not a rule set".utf8)) }
  }
}

/// The stored properties of two values compared by reflection, down to their leaves:
/// dictionaries key by key, doubles bit for bit.
enum Reflection {
  static func differences(_ a: Any, _ b: Any, at path: String = "") -> [String] {
    if let x = a as? Double, let y = b as? Double {
      return x.bitPattern == y.bitPattern ? [] : ["\(path): \(x) ≠ \(y)"]
    }
    if let x = a as? [String: Any], let y = b as? [String: Any] {
      guard Set(x.keys) == Set(y.keys) else { return ["\(path): keys \(x.keys.sorted()) ≠ \(y.keys.sorted())"] }
      return x.keys.sorted().flatMap { differences(x[$0]!, y[$0]!, at: "\(path)[\($0)]") }
    }
    let ma = Mirror(reflecting: a), mb = Mirror(reflecting: b)
    let ca = Array(ma.children), cb = Array(mb.children)
    if ca.isEmpty && cb.isEmpty {
      return String(reflecting: a) == String(reflecting: b) ? [] : ["\(path): \(a) ≠ \(b)"]
    }
    guard ca.count == cb.count, ca.map(\.label) == cb.map(\.label) else {
      return ["\(path): \(ca.map { $0.label ?? "·" }) ≠ \(cb.map { $0.label ?? "·" })"]
    }
    return zip(ca, cb).enumerated().flatMap { i, pair in
      differences(pair.0.value, pair.1.value, at: "\(path).\(pair.0.label ?? "\(i)")")
    }
  }
}
