/// Compiles rule declarations into a ``RuleSet``: checks names, types and units, builds the
/// dependency graph, orders the rules, and reports every problem found, located.
public enum Compiler {
  /// Reads and compiles parsed rule files.
  public static func compile(_ documents: [YAMLDocument]) throws(DiagnosticList) -> (RuleSet, warnings: [Diagnostic]) {
    // Each file is read on its own (side by side: reading was about a tenth of a short
    // command's time), then merged in order.
    // The documents are only read (Yams' nodes are values; their tags, classes, are not
    // changed after parsing), so sharing them between the threads is safe.
    nonisolated(unsafe) let shared = documents
    let (read, errors) = sideBySide(documents.count) { i throws(DiagnosticList) in try RuleFileReader.read(shared[i]) }
    var declarations = RuleDeclarations()
    for d in read { declarations.merge(d) }
    let result: (RuleSet, warnings: [Diagnostic])
    do { result = try compile(declarations) } catch { throw DiagnosticList(errors + error.diagnostics) }
    if !errors.isEmpty { throw DiagnosticList(errors + result.warnings) }
    return result
  }

  /// Compiles declarations gathered from one or more files.
  public static func compile(_ d: RuleDeclarations) throws(DiagnosticList) -> (RuleSet, warnings: [Diagnostic]) {
    var errors: [Diagnostic] = []
    var warnings = d.warnings

    // MARK: Names, once each
    var entityKinds: [String: RuleSet.EntityKind] = [:]
    // An entity kind may be declared in several files, each adding inputs; the first
    // declaration gives its description.
    for e in d.entities where entityKinds[e.name] == nil {
      entityKinds[e.name] = .init(name: e.name, description: e.description, location: e.location)
    }
    var places: [String: SourceLocation] = [:]  // global namespace: rules, parameters, global inputs
    func claim(_ what: String, _ name: String, _ location: SourceLocation?) -> Bool {
      if let first = places[name] {
        errors.append(.duplicate(what, name, at: location, first: first))
        return false
      }
      if let location { places[name] = location }
      return true
    }
    var inputs: [RuleSet.Input] = []
    var inputSymbols: [String: (index: Int, input: RuleSet.Input)] = [:]
    for i in d.inputs {
      if let entity = i.entity, entityKinds[entity] == nil { continue }
      let input = RuleSet.Input(
        entity: i.entity, name: i.name, type: i.type, categories: i.categories, description: i.description, location: i.location)
      if let first = inputSymbols[input.key] {
        errors.append(.duplicate("input", input.key, at: i.location, first: first.input.location))
        continue
      }
      if i.entity == nil, !claim("name", i.name, i.location) { continue }
      inputSymbols[input.key] = (inputs.count, input)
      inputs.append(input)
    }
    var parameters: [String: Parameter] = [:]
    for p in d.parameters where claim("name", p.name, p.location) { parameters[p.name] = p }
    var ruleSymbols: [String: Symbols.RuleSymbol] = [:]
    var declared: [RuleDeclarations.RuleDecl] = []
    for r in d.rules {
      if let entity = r.entity, entityKinds[entity] == nil {
        let near = Phrase.suggestion(Suggestion.nearest(to: entity, among: Array(entityKinds.keys)))
        errors.append(
          .error(
            .rulesUnknownEntity, Phrase("error.rules.unknown_entity", ["rule": .text(r.name), "entity": .text(entity), "near": near]),
            at: r.entityLocation ?? r.location, length: entity.count))
        continue
      }
      guard claim("name", r.name, r.location) else { continue }
      ruleSymbols[r.name] = .init(index: declared.count, entity: r.entity, type: r.type, location: r.location)
      declared.append(r)
    }
    errors += checkScaleThresholds(parameters)
    let symbols = Symbols(entityKinds: Set(entityKinds.keys), rules: ruleSymbols, inputs: inputSymbols, parameters: parameters)

    // MARK: Formulas
    var rules: [RuleSet.Rule] = []
    var nextID = 0
    for (index, r) in declared.enumerated() {
      var checker = TypeChecker(symbols: symbols, formula: r.formula, firstID: nextID)
      do throws(FormulaError) {
        let expression = Desugar.lower(try Parser.parse(r.formula))
        var root = try checker.check(expression, scope: r.entity)
        (root, _) = checker.unify(root, CoreNode(id: -1, kind: .constant(1), type: r.type, range: root.range))
        guard root.type == r.type else {
          throw FormulaError.message(
            .rulesUnitMismatch,
            Phrase(
              "error.compiler.1", ["r_name": .text("\(r.name)"), "r_type": .phrase(r.type.phrase), "root_type": .phrase(root.type.phrase)]),
            at: SourceRange(offset: 0, length: r.formula.unicodeScalars.count))
        }
        nextID = checker.nextID
        var deps: [Int] = []
        for i in checker.ruleReferences where !deps.contains(i) { deps.append(i) }
        rules.append(
          RuleSet.Rule(
            index: index, name: r.name, entity: r.entity, type: r.type, formula: r.formula, description: r.description,
            root: root, formulaPosition: r.formulaPosition, location: r.location, dependencies: deps,
            label: r.label, group: r.group, source: r.source, path: r.path,
            line: r.line.flatMap { l in ruleSymbols[l.base].flatMap { b in ruleSymbols[l.rate].map { (b.index, $0.index) } } },
            table: r.table, column: r.column))
        rules[rules.count - 1].labelEN = r.labelEN
        rules[rules.count - 1].descriptionEN = r.descriptionEN
        rules[rules.count - 1].stock = r.stock
        rules[rules.count - 1].centsOf = r.centsOf
      } catch {
        let location = r.formulaPosition.location(ofOffset: error.offset)
        errors.append(.error(error.id, error.phrase, at: location, length: error.length, notes: error.notes))
        // Keep the rule's place so that indices stay those of the declarations.
        rules.append(
          RuleSet.Rule(
            index: index, name: r.name, entity: r.entity, type: r.type, formula: r.formula, description: r.description,
            root: CoreNode(id: -1, kind: .constant(0), type: r.type, range: SourceRange(offset: 0, length: 0)),
            formulaPosition: r.formulaPosition, location: r.location, dependencies: [],
            label: r.label, group: r.group, source: r.source, path: r.path, line: nil, table: r.table, column: r.column))
        rules[rules.count - 1].labelEN = r.labelEN
      }
    }

    // MARK: Order
    var order: [Int] = []
    switch DependencyGraph(dependencies: rules.map(\.dependencies)).topologicalOrder() {
    case .success(let o): order = o
    case .failure(let list):
      for cycle in list.cycles {
        let names = cycle.nodes.map { rules[$0].name }
        let path = (names + [names[0]]).joined(separator: " → ")
        let first = rules[cycle.nodes[0]]
        let notes = cycle.nodes.map {
          Diagnostic.Note(Phrase("diagnostic.note.defined_here", ["name": .text(rules[$0].name)]), at: rules[$0].location)
        }
        errors.append(
          .error(
            .rulesCycle,
            Phrase("error.rules_cycle.1", ["path": .text("\(path)")]),
            at: first.location, length: first.name.count, notes: notes))
      }
    }
    if errors.isEmpty == false { throw DiagnosticList(errors + warnings) }
    warnings.sort { ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0) }
    var set = RuleSet(entityKinds: entityKinds, inputs: inputs, parameters: parameters, rules: rules, order: order, nodeCount: nextID)
    for layout in d.layouts { set.layouts[layout.name] = layout }
    return (set, warnings)
  }

  private static func checkScaleThresholds(_ parameters: [String: Parameter]) -> [Diagnostic] {
    var errors: [Diagnostic] = []
    for p in parameters.values {
      guard case .scale(let versions) = p.values else { continue }
      for v in versions {
        for b in v.brackets {
          guard case .parameter(let name, _) = b.threshold else { continue }
          guard let t = parameters[name] else {
            errors.append(
              .error(
                .rulesUnknownReference,
                Phrase("error.rules_unknown_reference.1", ["p_name": .text("\(p.name)"), "name": .text("\(name)")]), at: v.location))
            continue
          }
          if t.unit != p.unit || t.isScale {
            errors.append(
              .error(
                .rulesUnitMismatch,
                Phrase(
                  "error.rules_unit_mismatch.1",
                  ["name": .text("\(name)"), "p_name": .text("\(p.name)"), "t_unit": .text("\(t.unit)"), "p_unit": .text("\(p.unit)")]),
                at: v.location)
            )
          }
        }
      }
    }
    return errors
  }
}

extension Diagnostic {
  static func duplicate(_ what: String, _ name: String, at location: SourceLocation?, first: SourceLocation?) -> Diagnostic {
    .error(
      .rulesDuplicate, Phrase("error.rules_duplicate.1", ["what": .what(what), "name": .text("\(name)")]), at: location, length: name.count,
      notes: first.map { [Note(Phrase("diagnostic.note.first_defined_here", ["name": .text(name)]), at: $0)] } ?? [])
  }
}
