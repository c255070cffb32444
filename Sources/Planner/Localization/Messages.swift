import Foundation
import Yams

/// The words of one language: the message catalogue (`Catalogues/<language>.yaml`, a flat
/// map from key to text, `{name}` for an argument) and the language's way of writing
/// numbers, money, percentages and months. Every word a user reads comes from here.
public struct Messages: Sendable {
  public let language: Language
  let texts: [String: String]

  /// The catalogue of `language`, read once.
  public static func of(_ language: Language) -> Messages {
    switch language {
    case .fr: french
    case .en: english
    }
  }

  static let french = Messages(language: .fr, texts: catalogue(.fr))
  static let english = Messages(language: .en, texts: catalogue(.en))

  /// The keys and texts of a language's catalogue file.
  static func catalogue(_ language: Language) -> [String: String] {
    guard
      let url = Bundle.module.url(forResource: language.rawValue, withExtension: "yaml", subdirectory: "Catalogues")
        ?? Bundle.module.url(forResource: language.rawValue, withExtension: "yaml"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { fatalError("the message catalogue '\(language.rawValue).yaml' is missing from the tool's resources") }
    // The catalogue as read by an earlier run of this build from this very text (reading the
    // YAML was a tenth of a short command, before anything else could start).
    let folder = CompiledForms.folder()
    let key = folder == nil ? nil : CompiledForms.key([Array("plan messages 1 \(language.rawValue)".utf8), Array(text.utf8)])
    if let folder, let key, let kept = CompiledForms.read("messages", key, in: folder), let texts = Self.texts(kept) {
      return texts
    }
    let texts = catalogue(text, name: language.rawValue)
    if let folder, let key { CompiledForms.write("messages", key, Self.bytes(texts), in: folder) }
    return texts
  }

  /// The keys and texts of a catalogue's YAML.
  static func catalogue(_ text: String, name: String) -> [String: String] {
    do {
      // The node tree with no type resolution, not `Yams.load`: every value is a text, read
      // as written (resolving each took a third of a short command's time).
      guard let map = try Yams.compose(yaml: text, .basic, .default, .utf8)?.mapping else {
        fatalError("the catalogue '\(name).yaml' is not a map")
      }
      var out: [String: String] = [:]
      out.reserveCapacity(map.count)
      for (k, v) in map {
        guard let key = k.scalar?.string, let s = v.scalar?.string else {
          fatalError("the catalogue '\(name).yaml': '\(k)' is not a text")
        }
        out[key] = s
      }
      return out
    } catch {
      fatalError("the catalogue '\(name).yaml' does not read as YAML: \(error)")
    }
  }

  /// A catalogue as bytes: the count of entries, then each key and text, UTF-8 after its
  /// length (four bytes, little endian), in the order of the keys.
  static func bytes(_ texts: [String: String]) -> [UInt8] {
    var out: [UInt8] = []
    func put(_ n: Int) { withUnsafeBytes(of: UInt32(n).littleEndian) { out += $0 } }
    put(texts.count)
    for key in texts.keys.sorted() {
      for s in [key, texts[key]!] {
        put(s.utf8.count)
        out += s.utf8
      }
    }
    return out
  }

  /// A catalogue read back from `bytes`, or nil when they are not one.
  static func texts(_ bytes: [UInt8]) -> [String: String]? {
    var at = 0
    func number() -> Int? {
      guard at + 4 <= bytes.count else { return nil }
      defer { at += 4 }
      return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }
    func text() -> String? {
      guard let n = number(), at + n <= bytes.count else { return nil }
      defer { at += n }
      return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }
    guard let count = number(), count <= bytes.count else { return nil }
    var out: [String: String] = [:]
    out.reserveCapacity(count)
    for _ in 0..<count {
      guard let key = text(), let value = text() else { return nil }
      out[key] = value
    }
    return at == bytes.count ? out : nil
  }

  /// Every key of the catalogue (for the tests).
  public var keys: Set<String> { Set(texts.keys) }

  /// The text of `key` with its arguments put in place of `{name}`. A key missing from the
  /// catalogue is a bug the tests catch: it shows as `⟦key⟧` rather than stopping the tool.
  public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
    guard let text = texts[key] else { return "⟦\(key)⟧" }
    guard !arguments.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
    // One pass: each `{name}` given an argument is replaced by it (an argument's own text is
    // never read again); any other brace is kept.
    var out = ""
    out.reserveCapacity(text.utf8.count + 16 * arguments.count)
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest.index(after: open)
      if let close = rest[after...].firstIndex(of: "}"), let value = arguments[String(rest[after..<close])] {
        out += value
        rest = rest[rest.index(after: close)...]
      } else {
        out += "{"
        rest = rest[after...]
      }
    }
    out += rest
    return out
  }

  /// The text of `key` when the catalogue has it (for words that may or may not be named
  /// there, such as the categories a scenario invents).
  public func lookup(_ key: String) -> String? { texts[key] }

  /// `n` things: the key's `.one` text for a singular (0 and 1 in French, 1 in English), its
  /// `.other` text otherwise, `{n}` the number.
  public func count(_ key: String, _ n: Int, _ arguments: [String: String] = [:]) -> String {
    let singular = language == .fr ? abs(n) < 2 : abs(n) == 1
    return self(key + (singular ? ".one" : ".other"), arguments.merging(["n": integer(n)]) { a, _ in a })
  }

  // MARK: - Numbers

  /// The separator of thousands: a narrow no-break space in French, a comma in English.
  public var groupSeparator: String { language == .fr ? "\u{202F}" : "," }
  /// The decimal separator.
  public var decimalSeparator: String { language == .fr ? "," : "." }
  /// The space between a number and its unit (`12,3 %`, `1 234,56 €`): no-break in French.
  public var unitSpace: String { language == .fr ? "\u{00A0}" : "" }

  /// `x` with `digits` decimals, grouped: `1 234,56` / `1,234.56`; rounded half away from
  /// zero, like the amounts.
  public func number(_ x: Double, digits: Int = 2) -> String {
    guard x.isFinite else { return self(x.isNaN ? "number.nan" : (x < 0 ? "number.minus_infinity" : "number.infinity")) }
    let scale = pow(10, Double(digits))
    let scaled = Kernels.roundHalfAwayFromZero(abs(x), scale: scale) * scale
    let negative = x < 0 && scaled.rounded() != 0
    guard scaled < 9e15 else { return (negative ? "-" : "") + group(String(format: "%.0f", abs(x))) }
    let whole = (scaled / scale).rounded(.towardZero)
    let fraction = Int((scaled - whole * scale).rounded())
    var out = (negative ? "-" : "") + group(String(Int(whole)))
    if digits > 0 {
      let f = String(fraction)
      out += decimalSeparator + String(repeating: "0", count: max(0, digits - f.count)) + f
    }
    return out
  }

  /// A whole number, grouped.
  public func integer(_ n: Int) -> String { (n < 0 ? "-" : "") + group(String(n.magnitude)) }

  /// An amount in euros and cents, for a table's cell (the unit in the column's heading).
  public func amount(_ x: Double) -> String { number(x, digits: 2) }

  /// An amount with its unit, for a sentence: `1 234,56 €` / `€1,234.56`.
  public func euros(_ x: Double, digits: Int = 2) -> String {
    let shown = number(x, digits: digits)
    if language == .fr { return shown + unitSpace + "€" }
    // A figure that rounds to zero is shown without its sign.
    return shown.hasPrefix("-") ? "-€" + shown.dropFirst() : "€" + shown
  }

  /// A share (0.123) as a percentage: `12,3 %` / `12.3%`.
  public func percent(_ share: Double, digits: Int = 1) -> String { number(share * 100, digits: digits) + unitSpace + "%" }

  /// A month for a person: `janv. 2012` / `Jan 2012`.
  public func month(_ m: Month) -> String { self("month.\(m.month)") + " " + String(m.year) }

  /// A month written `YYYY-MM`, for a person; any other text as it is.
  public func month(_ iso: String) -> String { Month(parsing: iso).map(month) ?? iso }

  /// A count of months (never a date): `13 mois` / `13 months`.
  public func months(_ n: Int) -> String { count("unit.months", n) }

  func group(_ digits: String) -> String {
    var whole = Substring(digits)
    var grouped = ""
    while whole.count > 3 {
      grouped = groupSeparator + whole.suffix(3) + grouped
      whole = whole.dropLast(3)
    }
    return whole + grouped
  }
}
