import Crypto
import Foundation

/// What a run computed from files and keeps for the next run (compiled rule packs, the
/// message catalogues): bytes under a key that names everything they were made from.
///
/// A key is the SHA-256 of the running program's build identity (its GNU build-id) and of
/// the parts given (a format's version, each file's path and bytes): a kept form is used only
/// by the very build that made it, from the very same files. The bytes end with their own
/// SHA-256, checked before use. No build identity, no folder, bytes that do not check: the
/// caller computes as if nothing were kept.
///
/// The folder: `$XDG_CACHE_HOME/plan`, else `$HOME/.cache/plan`; `PLAN_NO_CACHE=1` turns
/// keeping off. Each form is written to a temporary file in the folder, then renamed into
/// place (`rename(2)`): a reader sees a whole file or none. Of each kind (the file names'
/// prefix), the `kept` most recently written remain.
package enum CompiledForms {
  package static let kept = 16

  /// The folder of the kept forms, or nil when keeping is off or there is no home.
  package static func folder(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let off = environment["PLAN_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return (xdg as NSString).appendingPathComponent("plan") }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return ((home as NSString).appendingPathComponent(".cache") as NSString).appendingPathComponent("plan")
  }

  /// The key of `parts` for this build, or nil when the program has no build identity.
  package static func key(_ parts: [[UInt8]]) -> String? {
    guard let build = BuildIdentity.current else { return nil }
    var hash = SHA256()
    for part in [build] + parts {
      // Each part with its length first: parts cannot run into each other.
      hash.update(data: withUnsafeBytes(of: UInt64(part.count).littleEndian) { Array($0) })
      hash.update(data: part)
    }
    return hash.finalize().map { String(format: "%02x", $0) }.joined()
  }

  package static func file(_ kind: String, _ key: String, in folder: String) -> String {
    (folder as NSString).appendingPathComponent("\(kind)-\(key).bin")
  }

  /// The bytes kept under `key`, if their SHA-256 checks.
  package static func read(_ kind: String, _ key: String, in folder: String) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: file(kind, key, in: folder)), data.count >= SHA256.byteCount else { return nil }
    let bytes = [UInt8](data)
    let body = Array(bytes[..<(bytes.count - SHA256.byteCount)])
    guard Array(SHA256.hash(data: body)) == Array(bytes[(bytes.count - SHA256.byteCount)...]) else { return nil }
    return body
  }

  /// Keeps `body` under `key` (best effort: a folder that cannot be written leaves the next
  /// run to compute again), then removes all but the most recent of its kind.
  package static func write(_ kind: String, _ key: String, _ body: [UInt8], in folder: String) {
    let bytes = body + Array(SHA256.hash(data: body))
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
    var template = Array((folder as NSString).appendingPathComponent(".\(kind)-XXXXXX").utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else { return }
    let temporary = String(cString: template)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count, rename(temporary, file(kind, key, in: folder)) == 0 else {
      unlink(temporary)
      return
    }
    prune(kind, folder)
  }

  /// Removes the forms of `kind` beyond the `kept` most recently written.
  package static func prune(_ kind: String, _ folder: String) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasPrefix("\(kind)-") && $0.hasSuffix(".bin")
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
package enum BuildIdentity {
  package static let current: [UInt8]? = {
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
  package static func identity(header read: (Int, Int) -> [UInt8]?) -> [UInt8]? {
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
