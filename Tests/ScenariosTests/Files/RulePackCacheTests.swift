import Foundation
import Planner
import Testing

@testable import Scenarios

/// The compiled rule packs kept between runs: used for the very files they were made from,
/// never for others, never when damaged.
@Suite struct RulePackCacheTests {
  /// A copy of the shipped rule packs and an empty cache folder, removed after `body`.
  func withCopy(_ body: (_ rules: String, _ cache: String) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-cache-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let rules = root + "/rules", cache = root + "/cache"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: ShippedRules.folder.path, toPath: rules)
    try body(rules, cache)
  }

  func kept(_ cache: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasPrefix("rules-") }.sorted()
  }

  @Test func theCompiledFormOfUnchangedFilesIsUsed() throws {
    try withCopy { rules, cache in
      let compiled = try RulePackLoader.load(folder: rules, hint: "", cache: cache)
      #expect(kept(cache).count == 1)
      // Read back, it is the compiled rule set.
      let key = try #require(RulePackCache.key(ScenarioLoader.rulePackFiles(rules)))
      let read = try #require(RulePackCache.read(key, in: cache))
      #expect(RuleSetCodec.encode(read) == RuleSetCodec.encode(compiled))
      // What the next load gives is what the cache holds (a label changed there shows).
      var marked = compiled
      marked.rules[0].label = "marked"
      RulePackCache.write(marked, key, in: cache)
      #expect(try RulePackLoader.load(folder: rules, hint: "", cache: cache).rules[0].label == "marked")
      // A file changed by one byte: another key, compiled again, kept beside.
      let file = ScenarioLoader.rulePackFiles(rules)[0]
      try (try String(contentsOfFile: file, encoding: .utf8) + "#\n").write(toFile: file, atomically: true, encoding: .utf8)
      #expect(try RulePackLoader.load(folder: rules, hint: "", cache: cache).rules[0].label == compiled.rules[0].label)
      #expect(kept(cache).count == 2)
      // No cache: compiled, nothing written.
      #expect(try RulePackLoader.load(folder: rules, hint: "", cache: nil).rules[0].label == compiled.rules[0].label)
      #expect(kept(cache).count == 2)
    }
  }

  @Test func damagedBytesAreNotUsed() throws {
    try withCopy { rules, cache in
      let compiled = try RulePackLoader.load(folder: rules, hint: "", cache: cache)
      let key = try #require(RulePackCache.key(ScenarioLoader.rulePackFiles(rules)))
      let path = RulePackCache.file(key, in: cache)
      var bytes = try #require(FileManager.default.contents(atPath: path))
      bytes[bytes.count / 2] ^= 0x01
      try bytes.write(to: URL(fileURLWithPath: path))
      #expect(RulePackCache.read(key, in: cache) == nil)
      // The load compiles again, and keeps a whole compiled form.
      let again = try RulePackLoader.load(folder: rules, hint: "", cache: cache)
      #expect(RuleSetCodec.encode(again) == RuleSetCodec.encode(compiled))
      #expect(RulePackCache.read(key, in: cache) != nil)
      // Cut short.
      try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: path))
      #expect(RulePackCache.read(key, in: cache) == nil)
    }
  }

  @Test func aCompileWithErrorsIsNotKept() throws {
    try withCopy { rules, cache in
      let file = ScenarioLoader.rulePackFiles(rules)[0]
      try (try String(contentsOfFile: file, encoding: .utf8) + "\nrules:\n  broken:\n    formula: 1 +\n").write(
        toFile: file, atomically: true, encoding: .utf8)
      #expect(throws: DiagnosticList.self) { try RulePackLoader.load(folder: rules, hint: "", cache: cache) }
      #expect(kept(cache).isEmpty)
    }
  }
}
