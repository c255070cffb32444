import Planner

/// Reads a scenario from its YAML node, on top of the scenario it extends (if any).
///
/// A variant overrides only what it writes: a field it gives replaces the base's; an entry of
/// a list (members, positions, subsidies, items) with the id of a base entry changes only the
/// fields it gives, `remove: true` removes it, and a new id adds one. The fields of each
/// section are declared once (`Scenario+Fields.swift`); every error is located at the value.
struct ScenarioReader {
  let document: YAMLDocument

  /// The top-level keys of a scenario file.
  static let sections = [
    "scenario", "title", "extends", "rules", "exercises", "assumptions", "organisation", "members", "dues",
    "positions", "subsidies", "items", "actuals", "published_staffing", "governance", "uncertainty", "legal_limits", "treasury",
    "organisations",
  ]

  init(_ document: YAMLDocument) { self.document = document }

  func error(_ message: Phrase, _ node: YAMLNode, id: DiagnosticID = .scenarioInvalid) -> DiagnosticList {
    ScenarioValue.error(message, node, id: id)
  }

  /// Reads the fields `node` gives into `value`; a new entry must give the required ones.
  func read<S: DeclaredSection>(_ node: YAMLNode, into value: inout S, keys: [String], new: Bool, _ context: FieldContext)
    throws(DiagnosticList)
  {
    try ScenarioValue.known(node, keys, S.what)
    let fields = S.fields
    if new {
      for f in fields where f.required { _ = try ScenarioValue.required(node, f.key, S.what) }
    }
    for f in fields {
      guard let n = node.value(f.key) else { continue }
      try f.read(&value, n, context)
      value.fieldLocations[f.key] = n.location
    }
  }

  /// A section that is one mapping (organisation, dues, uncertainty) over its base.
  func section<S: DeclaredSection>(_ node: YAMLNode?, base: S, _ context: FieldContext) throws(DiagnosticList) -> S {
    var out = base
    if let node { try read(node, into: &out, keys: S.keys, new: false, context) }
    return out
  }

  /// Merges a list of entries by id over the base's entries, in linear time. An id given
  /// twice in one file is an error; a variant changing its base's entry is not.
  func merge<E: ScenarioEntry>(_ node: YAMLNode, _ base: [E], _ context: FieldContext) throws(DiagnosticList) -> [E] {
    var out: [E?] = base
    var index: [String: Int] = [:]
    for (i, e) in base.enumerated() { index[e.id] = i }
    var seen: [String: SourceLocation] = [:]
    let entries = try node.sequence(E.section)
    guard base.count + entries.count <= Limits.entries else {
      throw error(
        Phrase(
          "error.scenario_reader.1",
          [
            "e_section": .text("\(E.section)"), "value": .text("\(base.count + entries.count)"),
            "limits_entries": .text("\(Limits.entries)"),
          ]), node, id: .scenarioLimit)
    }
    for entry in entries {
      guard let idNode = entry.value("id") else {
        throw error(Phrase("error.scenario_reader.2", ["e_section": .text("\(E.section)")]), entry, id: .scenarioMissingField)
      }
      let id = try idNode.string("an id")
      if let first = seen[id] {
        throw DiagnosticList([
          .error(
            .scenarioDuplicateId, Phrase("error.scenario_duplicate_id.1", ["id": .text("\(id)"), "e_section": .text("\(E.section)")]),
            at: idNode.location, length: id.count,
            notes: [.init(Phrase("diagnostic.note.first_given_here"), at: first)])
        ])
      }
      seen[id] = idNode.location
      if let r = entry.value("remove"), try ScenarioValue.bool(r, "remove") {
        guard let i = index[id] else {
          throw error(Phrase("error.scenario_reader.3", ["id": .text("\(id)"), "e_section": .text("\(E.section)")]), idNode)
        }
        out[i] = nil
        index[id] = nil
        continue
      }
      var value = index[id].flatMap { out[$0] } ?? E(id: id, location: entry.location)
      do {
        try read(entry, into: &value, keys: E.keys, new: index[id] == nil, context)
        value.location = entry.location
        try value.complete(at: entry)
      } catch {
        // A new entry of a variant that lacks what a new one needs, with an id near one of
        // the base's: most likely a typo of that id.
        let known = index.keys.filter { $0 != id }
        if index[id] == nil, !base.isEmpty,
          let near = known.first(where: { $0.lowercased() == id.lowercased() }) ?? Suggestion.nearest(to: id, among: Array(known))
        {
          throw DiagnosticList([
            .error(
              .scenarioMissingField,
              Phrase(
                "error.scenario_missing_field.2",
                [
                  "id": .text("\(id)"), "e_section": .text("\(E.section)"), "near": .text("\(near)"),
                  "value": error.diagnostics.first?.phrase.map { .phrase($0) } ?? .text(""),
                ]),
              at: idNode.location, length: id.count)
          ])
        }
        throw error
      }
      if let i = index[id] {
        out[i] = value
      } else {
        index[id] = out.count
        out.append(value)
      }
    }
    return out.compactMap { $0 }
  }
}
