import Crypto
import Foundation
import Planner

/// The rule packs of a folder, compiled, kept between runs: a command whose rule packs have
/// not changed since the last one reads their compiled form instead of parsing and compiling
/// the YAML again (about a third of a short command's time).
///
/// A compiled form is used only for the very files it was made from, by the very build of
/// the tool that made it: its key is the SHA-256 of the format's version, the tool's build
/// identity (the GNU build-id of the running program) and each file's path and bytes, in
/// order; its bytes end with their own SHA-256, checked before they are read. Anything else
/// (no build identity, no cache folder, a file unreadable, bytes that do not check) and the
/// packs are compiled as they would be without a cache; a compile with errors is never kept.
///
/// The folder: `$XDG_CACHE_HOME/plan`, else `$HOME/.cache/plan`; `PLAN_NO_CACHE=1` turns the
/// cache off. The sixteen most recent compiled forms are kept. Each is written to a temporary
/// file in the folder, then renamed into place (`rename(2)`): a reader sees a whole file or
/// none.
public enum RulePackCache {
  static let kept = 16

  /// The folder of the compiled forms, or nil when caching is off or there is no home.
  public static func folder(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let off = environment["PLAN_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return (xdg as NSString).appendingPathComponent("plan") }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return ((home as NSString).appendingPathComponent(".cache") as NSString).appendingPathComponent("plan")
  }

  /// The key of `paths` as they are now: nil when a file cannot be read (the compile says why)
  /// or the tool has no build identity. Reading records each file's text for messages to
  /// quote, as parsing does.
  static func key(_ paths: [String]) -> String? {
    guard let build = BuildIdentity.current else { return nil }
    var hash = SHA256()
    hash.update(data: Array("plan rule packs \(RuleSetCodec.version)\0".utf8))
    hash.update(data: build)
    for path in paths {
      guard let text = try? YAMLFileLoader.read(path) else { return nil }
      let bytes = Array(text.utf8), name = Array(path.utf8)
      hash.update(data: withUnsafeBytes(of: UInt64(name.count).littleEndian) { Array($0) } + name)
      hash.update(data: withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { Array($0) } + bytes)
    }
    return hash.finalize().map { String(format: "%02x", $0) }.joined()
  }

  static func file(_ key: String, in folder: String) -> String { (folder as NSString).appendingPathComponent("rules-\(key).bin") }

  /// The rule set kept under `key`, if there is one whose bytes check.
  static func read(_ key: String, in folder: String) -> RuleSet? {
    guard let data = FileManager.default.contents(atPath: file(key, in: folder)), data.count > SHA256.byteCount else { return nil }
    let bytes = [UInt8](data)
    let body = Array(bytes[..<(bytes.count - SHA256.byteCount)])
    guard Array(SHA256.hash(data: body)) == Array(bytes[(bytes.count - SHA256.byteCount)...]) else { return nil }
    return try? RuleSetCodec.decode(body)
  }

  /// Keeps `set` under `key` (best effort: a folder that cannot be written leaves the next run
  /// to compile again), then removes all but the most recent compiled forms.
  static func write(_ set: RuleSet, _ key: String, in folder: String) {
    let body = RuleSetCodec.encode(set)
    let bytes = body + Array(SHA256.hash(data: body))
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
    var template = Array((folder as NSString).appendingPathComponent(".rules-XXXXXX").utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else { return }
    let temporary = String(cString: template)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count, rename(temporary, file(key, in: folder)) == 0 else {
      unlink(temporary)
      return
    }
    prune(folder)
  }

  /// Removes the compiled forms beyond the `kept` most recently written.
  static func prune(_ folder: String) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasPrefix("rules-") && $0.hasSuffix(".bin")
    }
    guard names.count > kept else { return }
    let dated = names.map { name -> (String, Date) in
      let path = (folder as NSString).appendingPathComponent(name)
      let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
      return (path, date)
    }
    for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(kept) { unlink(path) }
  }
}

/// The GNU build-id of the running program (a hash the linker writes into it): the same for
/// one build, another for the next. Read from the program's file (`/proc/self/exe`): its ELF
/// header, its program headers, its notes.
enum BuildIdentity {
  static let current: [UInt8]? = {
    let fd = open("/proc/self/exe", O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
      guard offset >= 0, count >= 0, count <= 1 << 20 else { return nil }
      var out = [UInt8](repeating: 0, count: count)
      let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
      return n == count ? out : nil
    }
    return identity(header: { offset, count in bytes(offset, count) })
  }()

  /// The build-id of the ELF file whose bytes `read(offset, count)` gives (64-bit, little
  /// endian), or nil.
  static func identity(header read: (Int, Int) -> [UInt8]?) -> [UInt8]? {
    func number(_ b: [UInt8], _ at: Int, _ size: Int) -> Int {
      (0..<size).reduce(0) { $0 | Int(b[at + $1]) << (8 * $1) }
    }
    guard let elf = read(0, 64), elf[0..<4] == [0x7F, 0x45, 0x4C, 0x46], elf[4] == 2, elf[5] == 1 else { return nil }
    let phoff = number(elf, 32, 8), phentsize = number(elf, 54, 2), phnum = number(elf, 56, 2)
    guard phentsize >= 56, let headers = read(phoff, phentsize * phnum) else { return nil }
    for i in 0..<phnum {
      let h = i * phentsize
      guard number(headers, h, 4) == 4 else { continue }  // PT_NOTE
      guard let notes = read(number(headers, h + 8, 8), number(headers, h + 32, 8)) else { continue }
      // A note: name size, description size, type, then the name and the description, each
      // padded to four bytes.
      var at = 0
      while at + 12 <= notes.count {
        let nameSize = number(notes, at, 4), descriptionSize = number(notes, at + 4, 4), type = number(notes, at + 8, 4)
        let name = at + 12, description = name + (nameSize + 3) / 4 * 4
        guard description + descriptionSize <= notes.count else { break }
        if type == 3, nameSize == 4, notes[name..<(name + 4)] == [0x47, 0x4E, 0x55, 0], descriptionSize > 0 {  // NT_GNU_BUILD_ID
          return Array(notes[description..<(description + descriptionSize)])
        }
        at = description + (descriptionSize + 3) / 4 * 4
      }
    }
    return nil
  }
}
