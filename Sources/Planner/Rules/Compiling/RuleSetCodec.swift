/// A compiled rule set as bytes, and back: what lets a command keep the rule packs it
/// compiled for the next run (the cache itself, its files and its key, is the domain's
/// `RulePackCache`). Reading the bytes gives the very rule set the compiler gave: every
/// stored property of every part, compared property by property in the tests.
///
/// The bytes: a magic word and the format's version; the texts, each once; then the rule
/// set, its numbers as variable-length integers (zigzag for signed ones) and doubles as their
/// 64 bits, each text as its index among the texts, each dictionary in the order of its keys.
/// A reader meets only what a writer of the same version wrote (the cache's key names the
/// tool's build); still, bytes cut short or out of range are a `Failure`, never a crash.
public enum RuleSetCodec {
  /// Changed whenever the layout of the bytes changes.
  public static let version = 1
  static let magic: [UInt8] = Array("plan-rules".utf8)

  /// Why bytes are not a rule set.
  public struct Failure: Error, Sendable {
    public var reason: String
  }

  public static func encode(_ set: RuleSet) -> [UInt8] {
    var body = Writer()
    body.ruleSet(set)
    var head = Writer()
    head.bytes = magic
    head.int(version)
    head.int(body.texts.count)
    for text in body.textsInOrder {
      let utf8 = Array(text.utf8)
      head.int(utf8.count)
      head.bytes += utf8
    }
    return head.bytes + body.bytes
  }

  public static func decode(_ bytes: [UInt8]) throws(Failure) -> RuleSet {
    var r = Reader(bytes: bytes)
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw Failure(reason: "not a rule set") }
    r.at = magic.count
    guard try r.int() == version else { throw Failure(reason: "another version") }
    let count = try r.count()
    r.texts.reserveCapacity(count)
    for _ in 0..<count {
      let n = try r.count()
      guard r.at + n <= bytes.count else { throw Failure(reason: "cut short") }
      r.texts.append(String(decoding: bytes[r.at..<(r.at + n)], as: UTF8.self))
      r.at += n
    }
    let set = try r.ruleSet()
    guard r.at == bytes.count else { throw Failure(reason: "bytes after the rule set") }
    return set
  }

  // MARK: - Writing

  struct Writer {
    var bytes: [UInt8] = []
    var texts: [String: Int] = [:]
    var textsInOrder: [String] = []

    mutating func uint(_ v: UInt64) {
      var v = v
      while v >= 0x80 {
        bytes.append(UInt8(v & 0x7F) | 0x80)
        v >>= 7
      }
      bytes.append(UInt8(v))
    }
    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> (Int.bitWidth - 1))))) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func double(_ v: Double) {
      var bits = v.bitPattern
      for _ in 0..<8 {
        bytes.append(UInt8(bits & 0xFF))
        bits >>= 8
      }
    }
    mutating func text(_ s: String) {
      if let i = texts[s] { return int(i) }
      texts[s] = textsInOrder.count
      int(textsInOrder.count)
      textsInOrder.append(s)
    }
    mutating func optional<T>(_ v: T?, _ write: (inout Writer, T) -> Void) {
      guard let v else { return bool(false) }
      bool(true)
      write(&self, v)
    }
    mutating func array<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
      int(values.count)
      for v in values { write(&self, v) }
    }
    mutating func optionalText(_ s: String?) { optional(s) { $0.text($1) } }

    mutating func month(_ m: Month) {
      int(m.year)
      int(m.month)
    }
    mutating func location(_ l: SourceLocation) {
      text(l.file)
      int(l.line)
      int(l.column)
    }
    mutating func unit(_ u: Unit) { array(u.exponents) { $0.int(Int($1)) } }
    mutating func type(_ t: ValueType) {
      switch t {
      case .number(let u):
        int(0)
        unit(u)
      case .bool: int(1)
      case .text: int(2)
      case .month: int(3)
      }
    }

    mutating func ruleSet(_ s: RuleSet) {
      array(s.entityKinds.keys.sorted()) { w, key in
        let e = s.entityKinds[key]!
        w.text(key)
        w.text(e.name)
        w.optionalText(e.description)
        w.optional(e.location) { $0.location($1) }
      }
      array(s.inputs) { w, i in
        w.optionalText(i.entity)
        w.text(i.name)
        w.type(i.type)
        w.array(i.categories) { $0.text($1) }
        w.optionalText(i.description)
        w.optional(i.location) { $0.location($1) }
      }
      array(s.parameters.keys.sorted()) { w, key in
        w.text(key)
        w.parameter(s.parameters[key]!)
      }
      array(s.rules) { $0.rule($1) }
      array(s.order) { $0.int($1) }
      int(s.nodeCount)
      array(s.layouts.keys.sorted()) { w, key in
        w.text(key)
        w.layout(s.layouts[key]!)
      }
    }

    mutating func parameter(_ p: Parameter) {
      text(p.name)
      unit(p.unit)
      optionalText(p.description)
      switch p.values {
      case .values(let values):
        int(0)
        array(values) { w, v in
          w.month(v.from)
          w.double(v.value)
          w.optionalText(v.reference)
          w.optionalText(v.unconfirmed)
          w.optional(v.location) { $0.location($1) }
        }
      case .scale(let versions):
        int(1)
        array(versions) { w, v in
          w.month(v.from)
          w.array(v.brackets) { w, b in
            switch b.threshold {
            case .amount(let a):
              w.int(0)
              w.double(a)
            case .parameter(let name, let times):
              w.int(1)
              w.text(name)
              w.double(times)
            }
            w.double(b.rate)
          }
          w.optionalText(v.reference)
          w.optional(v.location) { $0.location($1) }
        }
      }
      optional(p.lastConfirmed) { $0.month($1) }
      optional(p.location) { $0.location($1) }
    }

    mutating func rule(_ r: RuleSet.Rule) {
      int(r.index)
      text(r.name)
      optionalText(r.entity)
      type(r.type)
      text(r.formula)
      optionalText(r.description)
      node(r.root)
      text(r.formulaPosition.file)
      array(r.formulaPosition.lineStarts) { w, s in
        w.int(s.line)
        w.int(s.column)
      }
      array(r.formulaPosition.lineLengths) { $0.int($1) }
      location(r.location)
      array(r.dependencies) { $0.int($1) }
      optionalText(r.label)
      optionalText(r.labelEN)
      optionalText(r.descriptionEN)
      bool(r.stock)
      optionalText(r.centsOf)
      optionalText(r.group)
      optionalText(r.source)
      optionalText(r.path)
      optional(r.line) { w, l in
        w.int(l.base)
        w.int(l.rate)
      }
      optionalText(r.table)
      optionalText(r.column)
    }

    mutating func node(_ n: CoreNode) {
      int(n.id)
      type(n.type)
      int(n.range.offset)
      int(n.range.length)
      switch n.kind {
      case .constant(let v):
        int(0)
        double(v)
      case .rule(let i):
        int(1)
        int(i)
      case .input(let i):
        int(2)
        int(i)
      case .parameter(let name):
        int(3)
        text(name)
      case .parameterAt(let name, let month):
        int(4)
        text(name)
        node(month)
      case .calendar(let q):
        int(5)
        text(q.rawValue)
      case .unary(let op, let a):
        int(6)
        switch op {
        case .negate: int(0)
        case .not: int(1)
        case .abs: int(2)
        case .floor: int(3)
        case .ceil: int(4)
        case .round(let decimals):
          int(5)
          int(decimals)
        }
        node(a)
      case .binary(let op, let a, let b):
        int(7)
        text(op.rawValue)
        node(a)
        node(b)
      case .select(let c, let a, let b):
        int(8)
        node(c)
        node(a)
        node(b)
      case .scale(let name, let mode, let a):
        int(9)
        text(name)
        text(mode.rawValue)
        node(a)
      case .sum(let entity, let a, let filter):
        int(10)
        text(entity)
        node(a)
        optional(filter) { $0.node($1) }
      case .previousMonth(let a, let initial):
        int(11)
        node(a)
        node(initial)
      case .exerciseTotal(let a, let offset, let initial):
        int(12)
        node(a)
        int(offset)
        optional(initial) { $0.node($1) }
      case .cumulative(let a):
        int(13)
        node(a)
      case .yearTotal(let a):
        int(14)
        node(a)
      }
    }

    mutating func layout(_ l: Layout) {
      text(l.name)
      text(l.table)
      text(l.title)
      optionalText(l.titleEN)
      array(l.parts) { w, p in
        w.text(p.name)
        w.optionalText(p.total)
        w.optionalText(p.totalEN)
        w.array(p.rows) { $0.layoutRow($1) }
      }
      optionalText(l.note)
      optionalText(l.noteEN)
      location(l.location)
    }

    mutating func layoutRow(_ r: Layout.Row) {
      text(r.account)
      text(r.label)
      optionalText(r.labelEN)
      array(r.from) { $0.text($1) }
      array(r.rows) { $0.layoutRow($1) }
      location(r.location)
    }
  }

  // MARK: - Reading

  struct Reader {
    let bytes: [UInt8]
    var at = 0
    var texts: [String] = []

    mutating func byte() throws(Failure) -> UInt8 {
      guard at < bytes.count else { throw Failure(reason: "cut short") }
      defer { at += 1 }
      return bytes[at]
    }
    mutating func uint() throws(Failure) -> UInt64 {
      var v: UInt64 = 0, shift: UInt64 = 0
      while true {
        let b = try byte()
        guard shift < 64 else { throw Failure(reason: "a number too long") }
        v |= UInt64(b & 0x7F) << shift
        if b < 0x80 { return v }
        shift += 7
      }
    }
    mutating func int() throws(Failure) -> Int {
      let u = try uint()
      return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }
    /// A count of things that follow: at most the bytes left (each thing takes one at least).
    mutating func count() throws(Failure) -> Int {
      let n = try int()
      guard n >= 0, n <= bytes.count - at else { throw Failure(reason: "a count out of range") }
      return n
    }
    mutating func bool() throws(Failure) -> Bool {
      switch try byte() {
      case 0: return false
      case 1: return true
      default: throw Failure(reason: "not a yes or no")
      }
    }
    mutating func double() throws(Failure) -> Double {
      guard at + 8 <= bytes.count else { throw Failure(reason: "cut short") }
      var bits: UInt64 = 0
      for k in 0..<8 { bits |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
      at += 8
      return Double(bitPattern: bits)
    }
    mutating func text() throws(Failure) -> String {
      let i = try int()
      guard texts.indices.contains(i) else { throw Failure(reason: "a text out of range") }
      return texts[i]
    }
    mutating func optional<T>(_ read: (inout Reader) throws(Failure) -> T) throws(Failure) -> T? {
      try bool() ? try read(&self) : nil
    }
    mutating func array<T>(_ read: (inout Reader) throws(Failure) -> T) throws(Failure) -> [T] {
      let n = try count()
      var out: [T] = []
      out.reserveCapacity(n)
      for _ in 0..<n { out.append(try read(&self)) }
      return out
    }
    mutating func optionalText() throws(Failure) -> String? { try optional { r throws(Failure) in try r.text() } }
    mutating func tag(below n: Int) throws(Failure) -> Int {
      let t = try int()
      guard (0..<n).contains(t) else { throw Failure(reason: "an unknown kind") }
      return t
    }

    mutating func month() throws(Failure) -> Month {
      let year = try int(), month = try int()
      guard (1...12).contains(month) else { throw Failure(reason: "a month out of range") }
      return Month(year, month)
    }
    mutating func location() throws(Failure) -> SourceLocation {
      SourceLocation(file: try text(), line: try int(), column: try int())
    }
    mutating func optionalLocation() throws(Failure) -> SourceLocation? {
      try optional { r throws(Failure) in try r.location() }
    }
    mutating func unit() throws(Failure) -> Unit {
      let exponents = try array { r throws(Failure) -> Int8 in
        let e = try r.int()
        guard let e8 = Int8(exactly: e) else { throw Failure(reason: "a power out of range") }
        return e8
      }
      guard exponents.count == Unit.baseNames.count else { throw Failure(reason: "a unit of another shape") }
      return Unit(exponents: exponents)
    }
    mutating func type() throws(Failure) -> ValueType {
      switch try tag(below: 4) {
      case 0: return .number(try unit())
      case 1: return .bool
      case 2: return .text
      default: return .month
      }
    }

    mutating func ruleSet() throws(Failure) -> RuleSet {
      var entityKinds: [String: RuleSet.EntityKind] = [:]
      for (key, kind) in try array({ r throws(Failure) in
        (try r.text(), RuleSet.EntityKind(name: try r.text(), description: try r.optionalText(), location: try r.optionalLocation()))
      }) {
        entityKinds[key] = kind
      }
      let inputs = try array { r throws(Failure) in
        RuleSet.Input(
          entity: try r.optionalText(), name: try r.text(), type: try r.type(),
          categories: try r.array { r throws(Failure) in try r.text() }, description: try r.optionalText(),
          location: try r.optionalLocation())
      }
      var parameters: [String: Parameter] = [:]
      for (key, p) in try array({ r throws(Failure) in (try r.text(), try r.parameter()) }) { parameters[key] = p }
      let rules = try array { r throws(Failure) in try r.rule() }
      let order = try array { r throws(Failure) in try r.int() }
      let nodeCount = try int()
      var set = RuleSet(entityKinds: entityKinds, inputs: inputs, parameters: parameters, rules: rules, order: order, nodeCount: nodeCount)
      for (key, l) in try array({ r throws(Failure) in (try r.text(), try r.layout()) }) { set.layouts[key] = l }
      // Indices the engine follows without checking: within the rules and the inputs.
      let n = rules.count
      var inRange = order.allSatisfy { (0..<n).contains($0) }
      for rule in rules where inRange {
        inRange = rule.dependencies.allSatisfy { (0..<n).contains($0) }
        rule.root.walk { node in
          switch node.kind {
          case .rule(let i): if !(0..<n).contains(i) { inRange = false }
          case .input(let i): if !inputs.indices.contains(i) { inRange = false }
          default: break
          }
        }
      }
      guard inRange else { throw Failure(reason: "an index out of range") }
      return set
    }

    mutating func parameter() throws(Failure) -> Parameter {
      let name = try text(), unit = try unit(), description = try optionalText()
      let values: Parameter.Values
      switch try tag(below: 2) {
      case 0:
        values = .values(
          try array { r throws(Failure) in
            DatedValue(
              from: try r.month(), value: try r.double(), reference: try r.optionalText(), unconfirmed: try r.optionalText(),
              location: try r.optionalLocation())
          })
      default:
        values = .scale(
          try array { r throws(Failure) in
            Scale.Version(
              from: try r.month(),
              brackets: try r.array { r throws(Failure) in
                let threshold: Scale.Threshold =
                  try r.tag(below: 2) == 0 ? .amount(try r.double()) : .parameter(try r.text(), times: try r.double())
                return Scale.Bracket(threshold: threshold, rate: try r.double())
              },
              reference: try r.optionalText(), location: try r.optionalLocation())
          })
      }
      return Parameter(
        name: name, unit: unit, description: description, values: values,
        lastConfirmed: try optional { r throws(Failure) in try r.month() }, location: try optionalLocation())
    }

    mutating func rule() throws(Failure) -> RuleSet.Rule {
      let index = try int(), name = try text(), entity = try optionalText(), type = try type()
      let formula = try text(), description = try optionalText(), root = try node()
      let position = FormulaPosition(
        file: try text(), lineStarts: try array { r throws(Failure) in (line: try r.int(), column: try r.int()) },
        lineLengths: try array { r throws(Failure) in try r.int() })
      let location = try location()
      let dependencies = try array { r throws(Failure) in try r.int() }
      let label = try optionalText(), labelEN = try optionalText(), descriptionEN = try optionalText()
      let stock = try bool(), centsOf = try optionalText()
      let group = try optionalText(), source = try optionalText(), path = try optionalText()
      let line = try optional { r throws(Failure) in (base: try r.int(), rate: try r.int()) }
      let table = try optionalText(), column = try optionalText()
      var rule = RuleSet.Rule(
        index: index, name: name, entity: entity, type: type, formula: formula, description: description, root: root,
        formulaPosition: position, location: location, dependencies: dependencies, label: label, group: group, source: source,
        path: path, line: line, table: table, column: column)
      rule.labelEN = labelEN
      rule.descriptionEN = descriptionEN
      rule.stock = stock
      rule.centsOf = centsOf
      return rule
    }

    mutating func node() throws(Failure) -> CoreNode {
      let id = try int(), type = try type()
      let range = SourceRange(offset: try int(), length: try int())
      let kind: CoreNode.Kind
      switch try tag(below: 15) {
      case 0: kind = .constant(try double())
      case 1: kind = .rule(try int())
      case 2: kind = .input(try int())
      case 3: kind = .parameter(try text())
      case 4: kind = .parameterAt(try text(), try node())
      case 5:
        guard let q = CalendarQuantity(rawValue: try text()) else { throw Failure(reason: "an unknown calendar quantity") }
        kind = .calendar(q)
      case 6:
        let op: UnaryOperator
        switch try tag(below: 6) {
        case 0: op = .negate
        case 1: op = .not
        case 2: op = .abs
        case 3: op = .floor
        case 4: op = .ceil
        default: op = .round(decimals: try int())
        }
        kind = .unary(op, try node())
      case 7:
        guard let op = BinaryOperator(rawValue: try text()) else { throw Failure(reason: "an unknown operator") }
        kind = .binary(op, try node(), try node())
      case 8: kind = .select(try node(), try node(), try node())
      case 9:
        let name = try text()
        guard let mode = Scale.Mode(rawValue: try text()) else { throw Failure(reason: "an unknown scale mode") }
        kind = .scale(name, mode, try node())
      case 10: kind = .sum(entity: try text(), try node(), filter: try optional { r throws(Failure) in try r.node() })
      case 11: kind = .previousMonth(try node(), initial: try node())
      case 12: kind = .exerciseTotal(try node(), offset: try int(), initial: try optional { r throws(Failure) in try r.node() })
      case 13: kind = .cumulative(try node())
      default: kind = .yearTotal(try node())
      }
      return CoreNode(id: id, kind: kind, type: type, range: range)
    }

    mutating func layout() throws(Failure) -> Layout {
      Layout(
        name: try text(), table: try text(), title: try text(), titleEN: try optionalText(),
        parts: try array { r throws(Failure) in
          Layout.Part(
            name: try r.text(), total: try r.optionalText(), totalEN: try r.optionalText(),
            rows: try r.array { r throws(Failure) in try r.layoutRow() })
        },
        note: try optionalText(), noteEN: try optionalText(), location: try location())
    }

    mutating func layoutRow() throws(Failure) -> Layout.Row {
      Layout.Row(
        account: try text(), label: try text(), labelEN: try optionalText(), from: try array { r throws(Failure) in try r.text() },
        rows: try array { r throws(Failure) in try r.layoutRow() }, location: try location())
    }
  }
}

extension FormulaPosition {
  init(file: String, lineStarts: [(line: Int, column: Int)], lineLengths: [Int]) {
    self.file = file
    self.lineStarts = lineStarts
    self.lineLengths = lineLengths
  }
}
