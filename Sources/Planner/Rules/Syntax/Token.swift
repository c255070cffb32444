/// A token of the rules language, with its place in the formula text.
package struct Token: Sendable, Hashable {
  package enum Kind: Sendable, Hashable {
    /// A number, with the unit written after it (`5000 EUR`, `35 h/week`, `1 %`), if any.
    case number(Double, unitText: String?)
    case identifier(String)
    case string(String)
    case symbol(String)  // + - * / ( ) , : == != < <= > >=
    case keyword(String)  // if then else and or not true false
    case end
  }

  package var kind: Kind
  /// Offset of the first character in the formula, in Unicode scalars.
  package var offset: Int
  /// Length in Unicode scalars.
  package var length: Int

  package static let keywords: Set<String> = ["if", "then", "else", "and", "or", "not", "true", "false"]
}
