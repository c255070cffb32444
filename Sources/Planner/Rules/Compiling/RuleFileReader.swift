/// Reads the declarations of one rule file (a YAML document already parsed).
///
/// A rule file is a mapping with any of four sections: `entities`, `inputs`, `parameters`
/// and `rules`. The format is documented in README.md. Every error is collected (not just
/// the first) and located.
package final class RuleFileReader {
  // A class: the reading functions add to one list of errors as they go.
  var errors: [Diagnostic] = []
  var out = RuleDeclarations()

  package static func read(_ document: YAMLDocument) throws(DiagnosticList) -> RuleDeclarations {
    let reader = RuleFileReader()
    reader.readDocument(document.root)
    if !reader.errors.isEmpty { throw DiagnosticList(reader.errors + reader.out.warnings) }
    return reader.out
  }

  func attempt(_ body: () throws(DiagnosticList) -> Void) {
    do { try body() } catch { errors += error.diagnostics }
  }

  private func readDocument(_ root: YAMLNode) {
    attempt { () throws(DiagnosticList) in
      for (key, keyNode, value) in try root.mapping("a rule file") {
        switch key {
        case "entities": readEntities(value)
        case "inputs": readInputs(value, entity: nil)
        case "parameters": readParameters(value)
        case "rules": readRules(value)
        case "tables": readTables(value)
        case "layouts": readLayouts(value)
        case "description", "source", "title", "examples": break
        default:
          errors.append(
            .error(
              .rulesUnknownSection,
              Phrase("error.rules_unknown_section.3", ["key": .text("\(key)")]),
              at: keyNode.location, length: key.count))
        }
      }
    }
  }

  // MARK: - Entities and inputs

  private func readEntities(_ node: YAMLNode) {
    attempt { () throws(DiagnosticList) in
      for (name, keyNode, body) in try node.mapping("the entity kinds") {
        out.entities.append(.init(name: name, description: body.value("description")?.scalarText, location: keyNode.location))
        if let inputs = body.value("inputs") { readInputs(inputs, entity: name) }
      }
    }
  }

  private func readInputs(_ node: YAMLNode, entity: String?) {
    attempt { () throws(DiagnosticList) in
      for (name, keyNode, body) in try node.mapping("the inputs") {
        var type = ValueType.number(.dimensionless)
        var categories: [String] = []
        if let typeNode = body.value("type") {
          switch try typeNode.string("an input type") {
          case "category":
            type = .text
            guard let values = body.value("values") else {
              throw DiagnosticList([
                .error(
                  .rulesCategoryWithoutValues, Phrase("error.rules_category_without_values.1", ["name": .text("\(name)")]),
                  at: keyNode.location)
              ])
            }
            for v in try values.sequence("the values of a category") { categories.append(try v.string("a category value")) }
          case "month": type = .month
          case "condition": type = .bool
          case "number": break
          case let other:
            throw DiagnosticList([
              .error(
                .rulesUnknownType, Phrase("error.rules_unknown_type.1", ["other": .text("\(other)")]),
                at: typeNode.location)
            ])
          }
        }
        if let unitNode = body.value("unit") {
          type = .number(try unit(unitNode))
        } else if type == .number(.dimensionless), body.value("type") == nil {
          throw DiagnosticList([
            .error(.rulesMissingUnit, Phrase("error.rules_missing_unit.1", ["name": .text("\(name)")]), at: keyNode.location)
          ])
        }
        out.inputs.append(
          .init(
            entity: entity, name: name, type: type, categories: categories, description: body.value("description")?.scalarText,
            location: keyNode.location))
      }
    }
  }

  func unit(_ node: YAMLNode) throws(DiagnosticList) -> Unit {
    let text = try node.string("a unit")
    guard let (u, _) = Unit.parse(text) else {
      throw DiagnosticList([
        .error(
          .rulesUnknownUnit, Phrase("error.rules_unknown_unit.1", ["text": .text("\(text)")]),
          at: node.location, length: text.count)
      ])
    }
    return u
  }

  // MARK: - Parameters

  private func readParameters(_ node: YAMLNode) {
    attempt { () throws(DiagnosticList) in
      for (name, keyNode, body) in try node.mapping("the parameters") {
        attempt { () throws(DiagnosticList) in try readParameter(name, keyNode, body) }
      }
    }
  }

  private func readParameter(_ name: String, _ keyNode: YAMLNode, _ body: YAMLNode) throws(DiagnosticList) {
    guard let unitNode = body.value("unit") else {
      throw DiagnosticList([
        .error(.parametersMissingUnit, Phrase("error.parameters_missing_unit.1", ["name": .text("\(name)")]), at: keyNode.location)
      ])
    }
    let parameterUnit = try unit(unitNode)
    var lastConfirmed: Month?
    if let lc = body.value("last_confirmed") { lastConfirmed = try month(lc) }
    guard let valuesNode = body.value("values") else {
      throw DiagnosticList([
        .error(
          .parametersMissingValues, Phrase("error.parameters_missing_values.1", ["name": .text("\(name)")]), at: keyNode.location)
      ])
    }
    let isScale = body.value("type")?.scalarText == "scale"
    var dated: [DatedValue] = []
    var versions: [Scale.Version] = []
    var previous: Month?
    for (_, dateNode, entry) in try valuesNode.mapping("the dated values of '\(name)'") {
      let from = try month(dateNode)
      if let previous, from <= previous {
        throw DiagnosticList([
          .error(
            .parametersUnorderedDates,
            Phrase(
              "error.parameters_unordered_dates.1", ["name": .text("\(name)"), "from": .text("\(from)"), "previous": .text("\(previous)")]),
            at: dateNode.location)
        ])
      }
      previous = from
      let reference = entry.value("reference")?.scalarText
      if reference == nil {
        out.warnings.append(
          .warning(
            .parametersMissingReference,
            Phrase("error.parameters_missing_reference.1", ["name": .text("\(name)"), "from": .text("\(from)")]), at: dateNode.location))
      }
      if isScale {
        guard let bracketsNode = entry.value("brackets") else {
          throw DiagnosticList([
            .error(
              .parametersMissingBrackets,
              Phrase("error.parameters_missing_brackets.1", ["name": .text("\(name)"), "from": .text("\(from)")]), at: dateNode.location)
          ])
        }
        var brackets: [Scale.Bracket] = []
        for b in try bracketsNode.sequence("the brackets") {
          guard let t = b.value("threshold"), let r = b.value("rate") else {
            throw DiagnosticList([.error(.parametersBadBracket, Phrase("error.parameters_bad_bracket.1"), at: b.location)])
          }
          brackets.append(.init(threshold: try threshold(t), rate: try number(r, "a rate")))
        }
        versions.append(.init(from: from, brackets: brackets, reference: reference, location: dateNode.location))
      } else {
        let valueNode = entry.isMapping ? entry.value("value") : entry
        guard let valueNode else {
          throw DiagnosticList([
            .error(
              .parametersMissingValue, Phrase("error.parameters_missing_value.1", ["name": .text("\(name)"), "from": .text("\(from)")]),
              at: dateNode.location)
          ])
        }
        dated.append(
          DatedValue(
            from: from, value: try number(valueNode, "a value"), reference: reference,
            unconfirmed: entry.value("unconfirmed")?.scalarText, location: dateNode.location))
      }
    }
    out.parameters.append(
      Parameter(
        name: name, unit: parameterUnit, description: body.value("description")?.scalarText,
        values: isScale ? .scale(versions) : .values(dated), lastConfirmed: lastConfirmed, location: keyNode.location))
  }

  private func month(_ node: YAMLNode) throws(DiagnosticList) -> Month {
    let text = try node.string("a date")
    guard let m = Month(parsing: text) else {
      throw DiagnosticList([
        .error(.timeBadDate, Phrase("error.time_bad_date.1", ["text": .text("\(text)")]), at: node.location, length: text.count)
      ])
    }
    return m
  }

  /// A number, possibly written with `%` (`4.25 %` is 0.0425) or `_` separators.
  private func number(_ node: YAMLNode, _ what: String) throws(DiagnosticList) -> Double { try node.number(what) }

  private func threshold(_ node: YAMLNode) throws(DiagnosticList) -> Scale.Threshold {
    let text = try node.string("a threshold")
    if let d = Literal.value(text) { return .amount(d) }
    // `N * name` or `name`
    let parts = text.split(separator: "*").map { $0.trimmed }
    if parts.count == 1 { return .parameter(parts[0], times: 1) }
    if parts.count == 2, let f = Double(parts[0]) { return .parameter(parts[1], times: f) }
    throw DiagnosticList([
      .error(.parametersBadThreshold, Phrase("error.parameters_bad_threshold.1", ["text": .text("\(text)")]), at: node.location)
    ])
  }

  // MARK: - Rules

  private func readRules(_ node: YAMLNode) {
    attempt { () throws(DiagnosticList) in
      for (name, keyNode, body) in try node.mapping("the rules") {
        attempt { () throws(DiagnosticList) in
          guard body.isMapping else {
            throw DiagnosticList([
              .error(.rulesExpectedMapping, Phrase("error.rules_expected_mapping.2", ["name": .text("\(name)")]), at: body.location)
            ])
          }
          let (label, labelEN) = try Self.label(body.value("label"))
          let (description, descriptionEN) = try Self.label(body.value("description"), what: "a description")
          let group = body.value("group")?.scalarText
          let source = body.value("source")?.scalarText
          let path = body.value("path")?.scalarText
          let entityNode = body.value("entity")
          if let baseNode = body.value("base"), let rateNode = body.value("rate") {
            try readLine(
              name, keyNode, body, base: baseNode, rate: rateNode, entityNode: entityNode, label: label, group: group, source: source)
            out.rules[out.rules.count - 1].labelEN = labelEN
            return
          }
          guard let formulaNode = body.value("formula") else {
            throw DiagnosticList([
              .error(
                .rulesMissingFormula, Phrase("error.rules_missing_formula.7", ["name": .text("\(name)")]), at: keyNode.location,
                length: name.count)
            ])
          }
          var type: ValueType
          if let unitNode = body.value("unit") {
            type = .number(try unit(unitNode))
          } else if let t = body.value("type")?.scalarText, t == "condition" {
            type = .bool
          } else {
            throw DiagnosticList([
              .error(
                .rulesMissingUnit, Phrase("error.rules_missing_unit.2", ["name": .text("\(name)")]), at: keyNode.location,
                length: name.count)
            ])
          }
          let formula = formulaNode.isNull ? "" : try formulaNode.string("a formula")
          out.rules.append(
            .init(
              name: name, entity: try entityNode.map { (n) throws(DiagnosticList) in try n.string("an entity kind") },
              entityLocation: entityNode?.location, type: type,
              description: description, formula: formula, formulaPosition: FormulaPosition(formulaNode),
              location: keyNode.location, label: label, group: group, source: source, path: path))
          out.rules[out.rules.count - 1].labelEN = labelEN
          out.rules[out.rules.count - 1].descriptionEN = descriptionEN
          if let periodNode = body.value("period") {
            switch periodNode.scalarText {
            case "sum": break
            case "end": out.rules[out.rules.count - 1].stock = true
            default:
              throw DiagnosticList([
                .error(
                  .rulesUnknownSection, Phrase("error.rules_unknown_section.4"),
                  at: periodNode.location)
              ])
            }
          }
        }
      }
    }
  }

  /// A label: a text (the same in French and English: a proper name, an acronym) or
  /// `{fr: …, en: …}`.
  static func label(_ node: YAMLNode?, what: String = "a label") throws(DiagnosticList) -> (fr: String?, en: String?) {
    guard let node else { return (nil, nil) }
    if !node.isMapping {
      if let text = node.scalarText { return (text, nil) }
      return (try node.string(what), nil)
    }
    var fr: String?, en: String?
    for (key, keyNode, value) in try node.mapping(what) {
      switch key {
      case "fr": fr = try value.string("\(what) in French")
      case "en": en = try value.string("\(what) in English")
      default:
        throw DiagnosticList([
          .error(
            .rulesUnknownSection, Phrase("error.rules_unknown_section.5", ["key": .text("\(key)"), "what": .what(what)]),
            at: keyNode.location,
            length: key.count)
        ])
      }
    }
    guard let fr, let en else {
      throw DiagnosticList([.error(.rulesMissingFormula, Phrase("error.rules_missing_formula.8", ["what": .what(what)]), at: node.location)]
      )
    }
    return (fr, en)
  }

  /// A line written as a base and a rate becomes three rules: `name.base`, `name.rate`, and
  /// `name` = `round(name.base * name.rate, 2)` (amounts are rounded to the cent, line by
  /// line, as on a payslip).
  private func readLine(
    _ name: String, _ keyNode: YAMLNode, _ body: YAMLNode, base: YAMLNode, rate: YAMLNode, entityNode: YAMLNode?,
    label: String?, group: String?, source: String?
  ) throws(DiagnosticList) {
    let amountUnit = try body.value("unit").map { (n) throws(DiagnosticList) in try unit(n) } ?? .euro
    let entity = try entityNode.map { (n) throws(DiagnosticList) in try n.string("an entity kind") }
    let description = body.value("description")?.scalarText
    let baseName = "\(name).base", rateName = "\(name).rate"
    out.rules.append(
      .init(
        name: baseName, entity: entity, entityLocation: entityNode?.location, type: .number(amountUnit),
        description: "The base of \(label ?? name).", formula: try base.string("a base formula"),
        formulaPosition: FormulaPosition(base), location: base.location))
    out.rules.append(
      .init(
        name: rateName, entity: entity, entityLocation: entityNode?.location, type: .number(.dimensionless),
        description: "The rate of \(label ?? name).", formula: try rate.string("a rate formula"),
        formulaPosition: FormulaPosition(rate), location: rate.location))
    var rule = RuleDeclarations.RuleDecl(
      name: name, entity: entity, entityLocation: entityNode?.location, type: .number(amountUnit),
      description: description, formula: "round(\(baseName) * \(rateName), 2)", formulaPosition: FormulaPosition(keyNode),
      location: keyNode.location, label: label, group: group, source: source)
    rule.line = (baseName, rateName)
    out.rules.append(rule)
  }
}
