/// The names a formula can use, gathered from every declaration before compiling.
struct Symbols {
  struct RuleSymbol {
    var index: Int
    var entity: String?
    var type: ValueType
    var location: SourceLocation
  }

  var entityKinds: Set<String>
  var rules: [String: RuleSymbol]
  /// Inputs by key (`kind.name` or `name`).
  var inputs: [String: (index: Int, input: RuleSet.Input)]
  var parameters: [String: Parameter]

  /// Every name visible from a scope, for "did you mean" suggestions.
  func visibleNames(scope: String?) -> [String] {
    var names = Array(rules.keys) + Array(parameters.keys)
    for (_, i) in inputs where i.input.entity == nil || i.input.entity == scope { names.append(i.input.name) }
    return names
  }
}
