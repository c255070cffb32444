/// Reads the `examples:` section of a rule file against a compiled rule set.
///
///     examples:
///       - name: two positions
///         months: 2012-01..2012-03          # or exercises: {"2012": 2012-01..2012-12}
///         entities: {position: [a, b]}
///         inputs:
///           hours: {a: 10, b: [20, 20, 25]}  # per entity: one value, or one per month
///           contract: {a: cdd, b: cdi}       # categories by name, months as YYYY-MM
///         parameters: {taux: 0.2}            # replaces a parameter's dated values
///         expect:
///           total_hours: 30                  # every month
///           total_hours@2012-03: 35          # one month
///           fte[a]@2012: 0.5                 # one entity, the total over an exercise
public enum ExampleReader {
  public static func read(_ document: YAMLDocument, ruleSet: RuleSet) throws(DiagnosticList) -> [Example] {
    guard let section = document.root.value("examples") else { return [] }
    var examples: [Example] = []
    var errors: [Diagnostic] = []
    for node in try section.sequence("the examples") {
      do { examples.append(try example(node, ruleSet)) } catch { errors += error.diagnostics }
    }
    if !errors.isEmpty { throw DiagnosticList(errors) }
    return examples
  }

  static func error(_ message: Phrase, _ node: YAMLNode) -> DiagnosticList {
    DiagnosticList([.error(.examplesInvalid, message, at: node.location)])
  }

  static func example(_ node: YAMLNode, _ rs: RuleSet) throws(DiagnosticList) -> Example {
    let name = node.value("name")?.scalarText ?? "example at line \(node.location.line)"
    let timeline: Timeline
    if let e = node.value("exercises") {
      var exercises: [Exercise] = []
      for (id, _, range) in try e.mapping("the exercises") {
        guard let r = MonthRange(parsing: try range.string("a month range")) else { throw error(Phrase("error.example_reader.1"), range) }
        exercises.append(Exercise(id: id, months: r))
      }
      timeline = try Timeline(exercises: exercises)
    } else if let m = node.value("months") {
      guard let r = MonthRange(parsing: try m.string("a month range")) else { throw error(Phrase("error.example_reader.2"), m) }
      timeline = Timeline(months: r)
    } else {
      throw error(Phrase("error.example_reader.3", ["name": .text("\(name)")]), node)
    }
    var entities: [String: [String]] = [:]
    if let e = node.value("entities") {
      for (kind, keyNode, ids) in try e.mapping("the entities") {
        guard rs.entityKinds[kind] != nil else { throw error(Phrase("error.example_reader.4", ["kind": .text("\(kind)")]), keyNode) }
        entities[kind] = try ids.sequence("entity ids").map { (n) throws(DiagnosticList) in try n.string("an entity id") }
      }
    }
    for kind in rs.entityKinds.keys where entities[kind] == nil { entities[kind] = [] }
    var situation = Situation(timeline: timeline, entities: entities)
    if let inputs = node.value("inputs") {
      for (name, keyNode, value) in try inputs.mapping("the inputs") {
        let candidates = rs.inputs.filter { $0.name == name || $0.key == name }
        guard candidates.count == 1, let input = candidates.first else {
          throw error(
            Phrase(candidates.isEmpty ? "error.example.no_input" : "error.example.ambiguous_input", ["name": .text(name)]), keyNode)
        }
        situation.inputs[input.key] = try block(value, input, situation)
      }
    }
    var variation = Variation.single
    if let parameters = node.value("parameters") {
      for (name, keyNode, value) in try parameters.mapping("the parameters") {
        guard rs.parameters[name] != nil else { throw error(Phrase("error.example_reader.5", ["name": .text("\(name)")]), keyNode) }
        variation.parameters[name] = [try value.number("a parameter value")]
      }
    }
    var expectations: [Example.Expectation] = []
    if let expect = node.value("expect") {
      for (key, keyNode, value) in try expect.mapping("the expected values") {
        expectations.append(try expectation(key, keyNode, value, rs, timeline))
      }
    }
    return Example(name: name, situation: situation, variation: variation, expectations: expectations, location: node.location)
  }

  /// `rule`, `rule[entity]`, `rule@2012-03`, `rule[entity]@2012`.
  static func expectation(_ key: String, _ keyNode: YAMLNode, _ value: YAMLNode, _ rs: RuleSet, _ t: Timeline)
    throws(DiagnosticList) -> Example.Expectation
  {
    var rest = Substring(key)
    var period: Substring?
    if let at = rest.firstIndex(of: "@") {
      period = rest[rest.index(after: at)...]
      rest = rest[..<at]
    }
    var entity: String?
    if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
      entity = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
      rest = rest[..<open]
    }
    let name = String(rest)
    guard let rule = rs.rule(named: name) else { throw error(Phrase("error.example_reader.6", ["name": .text("\(name)")]), keyNode) }
    var month: Month?
    var exercise: String?
    if let period {
      if let m = Month(parsing: String(period)) {
        guard t.months.contains(m) else { throw error(Phrase("error.example_reader.7", ["m": .text("\(m)")]), keyNode) }
        month = m
      } else if t.exercise(String(period)) != nil {
        exercise = String(period)
      } else {
        throw error(Phrase("error.example_reader.8", ["period": .text("\(period)")]), keyNode)
      }
    }
    if rule.entity != nil && entity == nil {
      throw error(Phrase("error.example_reader.9", ["name": .text("\(name)"), "value": .text("\(rule.entity!)")]), keyNode)
    }
    let number: Double
    let text = try value.string("an expected value")
    if rule.type == .bool, text == "true" || text == "false" {
      number = text == "true" ? 1 : 0
    } else {
      number = try quantity(value, expected: rule.type.unit)
    }
    return .init(rule: name, entity: entity, month: month, exercise: exercise, value: number, location: value.location)
  }

  /// A number, optionally followed by its unit, which must then be `unit` (`10 h`, `4.25 %`).
  static func quantity(_ node: YAMLNode, expected unit: Unit?) throws(DiagnosticList) -> Double {
    let text = try node.string("a value").trimmed
    switch Literal.parse(text) {
    case .success(let l):
      if let unit, let u = l.unit, u != unit {
        throw error(Phrase("error.example_reader.10", ["u": .text("\(u)"), "unit": .text("\(unit)")]), node)
      }
      return l.value
    case .failure(.unknownUnit(let u)): throw error(Phrase("error.example_reader.11", ["u": .text("\(u)")]), node)
    case .failure: throw error(Phrase("error.example_reader.12", ["text": .text("\(text)")]), node)
    }
  }

  static func block(_ node: YAMLNode, _ input: RuleSet.Input, _ s: Situation) throws(DiagnosticList) -> Block {
    let months = s.timeline.monthCount
    func scalar(_ n: YAMLNode) throws(DiagnosticList) -> Double {
      switch input.type {
      case .text:
        let v = try n.string("a category")
        guard let i = input.categories.firstIndex(of: v) else {
          throw error(
            Phrase(
              "error.example_reader.13",
              ["v": .text("\(v)"), "input_name": .text("\(input.name)"), "value": .text("\(input.categories.joined(separator: ", "))")]), n)
        }
        return Double(i)
      case .month:
        let v = try n.string("a month")
        guard let m = Month(parsing: v) else { throw error(Phrase("error.example_reader.14", ["v": .text("\(v)")]), n) }
        return Double(m.ordinal)
      case .bool:
        return try n.string("true or false") == "true" ? 1 : 0
      case .number(let u):
        return try quantity(n, expected: u)
      }
    }
    func row(_ n: YAMLNode) throws(DiagnosticList) -> [Double] {
      if n.isSequence {
        let values = try n.sequence("monthly values").map { (x) throws(DiagnosticList) in try scalar(x) }
        guard values.count == months else {
          throw error(Phrase("error.example_reader.15", ["months": .text("\(months)"), "values_count": .text("\(values.count)")]), n)
        }
        return values
      }
      return Array(repeating: try scalar(n), count: months)
    }
    guard let kind = input.entity else { return Block(rows: 1, months: months, width: 1, data: try row(node)) }
    let ids = s.entities[kind] ?? []
    guard node.isMapping else { return Block(rows: 1, months: months, width: 1, data: try row(node)) }
    var data = [Double](repeating: .nan, count: ids.count * months)
    for (id, keyNode, value) in try node.mapping("values by \(kind)") {
      guard let r = ids.firstIndex(of: id) else {
        throw error(Phrase("error.example_reader.16", ["kind": .text("\(kind)"), "id": .text("\(id)")]), keyNode)
      }
      data.replaceSubrange(r * months..<(r + 1) * months, with: try row(value))
    }
    if let missing = ids.indices.first(where: { data[$0 * months].isNaN }) {
      throw error(
        Phrase(
          "error.example_reader.17", ["input_name": .text("\(input.name)"), "kind": .text("\(kind)"), "value": .text("\(ids[missing])")]),
        node)
    }
    return Block(rows: ids.count, months: months, width: 1, data: data)
  }
}
