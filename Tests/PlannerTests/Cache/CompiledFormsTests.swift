import Foundation
import TestSupport
import Testing

@testable import Planner

/// Forms kept between runs: under a key of this build and of what they were made from, used
/// only when their bytes check.
@Suite struct CompiledFormsTests {
  func withFolder(_ body: (String) throws -> Void) rethrows {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-forms-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
  }

  func names(_ folder: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

  @Test func keptBytesAreReadBackWhenTheyCheck() throws {
    try withFolder { folder in
      let key = try #require(CompiledForms.key([Array("a".utf8), Array("b".utf8)]))
      let body = Array(0..<200).map { UInt8($0) }
      CompiledForms.write("test", key, body, in: folder)
      #expect(CompiledForms.read("test", key, in: folder) == body)
      #expect(CompiledForms.read("other", key, in: folder) == nil)
      // Nothing left behind but the form itself.
      #expect(names(folder) == ["test-\(key).bin"])
      // A byte changed, or bytes cut short: not used.
      let path = CompiledForms.file("test", key, in: folder)
      var bytes = try #require(FileManager.default.contents(atPath: path))
      bytes[10] ^= 0x40
      try bytes.write(to: URL(fileURLWithPath: path))
      #expect(CompiledForms.read("test", key, in: folder) == nil)
      try Data(bytes.prefix(20)).write(to: URL(fileURLWithPath: path))
      #expect(CompiledForms.read("test", key, in: folder) == nil)
    }
  }

  /// The parts are told apart by their lengths: ["ab", "c"] is not ["a", "bc"].
  @Test func keysNameTheirParts() throws {
    let a = try #require(CompiledForms.key([Array("ab".utf8), Array("c".utf8)]))
    let b = try #require(CompiledForms.key([Array("a".utf8), Array("bc".utf8)]))
    #expect(a != b && a.count == 64)
    #expect(CompiledForms.key([Array("ab".utf8), Array("c".utf8)]) == a)
  }

  @Test func onlyTheMostRecentOfAKindAreKept() throws {
    try withFolder { folder in
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for i in 0..<(CompiledForms.kept + 4) {
        let path = folder + "/test-old\(i).bin"
        FileManager.default.createFile(atPath: path, contents: Data([1]))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(i))], ofItemAtPath: path)
      }
      FileManager.default.createFile(atPath: folder + "/other-old.bin", contents: Data([1]))
      CompiledForms.write("test", "new", [1, 2, 3], in: folder)
      let kept = names(folder).filter { $0.hasPrefix("test-") }
      #expect(kept.count == CompiledForms.kept)
      #expect(kept.contains("test-new.bin") && !kept.contains("test-old0.bin") && kept.contains("test-old19.bin"))
      // Another kind is left alone.
      #expect(names(folder).contains("other-old.bin"))
    }
  }

  @Test func theFolderComesFromTheEnvironment() {
    #expect(CompiledForms.folder(["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/plan")
    #expect(CompiledForms.folder(["HOME": "/h"]) == "/h/.cache/plan")
    #expect(CompiledForms.folder(["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/plan")
    #expect(CompiledForms.folder(["PLAN_NO_CACHE": "1", "HOME": "/h"]) == nil)
    #expect(CompiledForms.folder(["PLAN_NO_CACHE": "0", "HOME": "/h"]) == "/h/.cache/plan")
    #expect(CompiledForms.folder([:]) == nil)
  }

  /// The running program has a build identity (every key needs one), and a file that is not
  /// an ELF program has none.
  @Test func theBuildIdentityIsRead() {
    #if os(Linux)
      #expect((BuildIdentity.current?.count ?? 0) >= 8)
    #endif
    let text = Array("not a program at all, but long enough to be read as a header of sixty-four bytes".utf8)
    #expect(BuildIdentity.identity(header: { o, n in o + n <= text.count ? Array(text[o..<(o + n)]) : nil }) == nil)
  }

  /// A catalogue kept as bytes reads back whole; bytes that are not one read as none.
  @Test func aCatalogueReadsBack() {
    for language in [Language.fr, .en] {
      let texts = Messages.of(language).texts
      #expect(Messages.texts(Messages.bytes(texts)) == texts)
      #expect(Messages.texts(Array(Messages.bytes(texts).dropLast())) == nil)
    }
    #expect(Messages.texts([9, 0, 0, 0, 1]) == nil)
  }

  /// A catalogue read twice (the second time from what the first kept, where there is a
  /// cache folder) is its YAML as written in the sources.
  @Test func aKeptCatalogueIsItsYAML() throws {
    for language in [Language.fr, .en] {
      let url = TestSupport.packageRoot.appendingPathComponent("Sources/Planner/Localization/Catalogues/\(language.rawValue).yaml")
      let parsed = Messages.catalogue(try String(contentsOf: url, encoding: .utf8), name: language.rawValue)
      #expect(Messages.catalogue(language) == parsed)
      #expect(Messages.catalogue(language) == parsed)
    }
  }
}
