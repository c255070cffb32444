/// A diagnostic's stable id, `domain.name` (`rules.type-mismatch`), for tests and programs.
///
/// Every id is declared once, as a constant, in the catalogue of the module that raises it
/// (this file for the engine, `Scenarios/Diagnostics/DiagnosticID+Scenarios.swift` for the
/// domain); a call site names the constant (`.error(.rulesTypeMismatch, …)`), never a string.
/// Each id a user can meet has a fixture named after it (`Tests/*/Fixtures/invalid/ID….yaml`).
public struct DiagnosticID: Sendable, Hashable, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}

// The engine's ids: YAML and files, rule packs, parameters, examples, time, evaluation.
extension DiagnosticID {
  // MARK: - evaluation

  public static let evaluationDivisionByZero = DiagnosticID("evaluation.division-by-zero")
  public static let evaluationInputNotFinite = DiagnosticID("evaluation.input-not-finite")
  public static let evaluationInputShape = DiagnosticID("evaluation.input-shape")
  public static let evaluationMissingInput = DiagnosticID("evaluation.missing-input")
  public static let evaluationNotFinite = DiagnosticID("evaluation.not-finite")

  // MARK: - examples

  public static let examplesInvalid = DiagnosticID("examples.invalid")
  public static let examplesMismatch = DiagnosticID("examples.mismatch")

  // MARK: - explain

  public static let explainUnknownPeriod = DiagnosticID("explain.unknown-period")
  public static let explainUnknownRule = DiagnosticID("explain.unknown-rule")

  // MARK: - file

  public static let fileEncoding = DiagnosticID("file.encoding")
  public static let fileUnreadable = DiagnosticID("file.unreadable")

  // MARK: - parameters

  public static let parametersBadBracket = DiagnosticID("parameters.bad-bracket")
  public static let parametersBadThreshold = DiagnosticID("parameters.bad-threshold")
  public static let parametersBeforeFirstValue = DiagnosticID("parameters.before-first-value")
  public static let parametersMissingBrackets = DiagnosticID("parameters.missing-brackets")
  public static let parametersMissingReference = DiagnosticID("parameters.missing-reference")
  public static let parametersMissingUnit = DiagnosticID("parameters.missing-unit")
  public static let parametersMissingValue = DiagnosticID("parameters.missing-value")
  public static let parametersMissingValues = DiagnosticID("parameters.missing-values")
  public static let parametersNotAValue = DiagnosticID("parameters.not-a-value")
  public static let parametersPastLastConfirmed = DiagnosticID("parameters.past-last-confirmed")
  public static let parametersUnconfirmed = DiagnosticID("parameters.unconfirmed")
  public static let parametersUnorderedDates = DiagnosticID("parameters.unordered-dates")

  // MARK: - rules

  public static let rulesCategoryWithoutValues = DiagnosticID("rules.category-without-values")
  public static let rulesCycle = DiagnosticID("rules.cycle")
  public static let rulesDuplicate = DiagnosticID("rules.duplicate")
  public static let rulesEmptyFormula = DiagnosticID("rules.empty-formula")
  public static let rulesExpectedMapping = DiagnosticID("rules.expected-mapping")
  public static let rulesFormulaTooDeep = DiagnosticID("rules.formula-too-deep")
  public static let rulesMissingFormula = DiagnosticID("rules.missing-formula")
  public static let rulesMissingUnit = DiagnosticID("rules.missing-unit")
  public static let rulesSyntax = DiagnosticID("rules.syntax")
  public static let rulesTypeMismatch = DiagnosticID("rules.type-mismatch")
  public static let rulesUnitMismatch = DiagnosticID("rules.unit-mismatch")
  public static let rulesUnknownCategory = DiagnosticID("rules.unknown-category")
  public static let rulesUnknownEntity = DiagnosticID("rules.unknown-entity")
  public static let rulesUnknownFunction = DiagnosticID("rules.unknown-function")
  public static let rulesUnknownReference = DiagnosticID("rules.unknown-reference")
  public static let rulesUnknownSection = DiagnosticID("rules.unknown-section")
  public static let rulesUnknownType = DiagnosticID("rules.unknown-type")
  public static let rulesUnknownUnit = DiagnosticID("rules.unknown-unit")
  public static let rulesWrongArguments = DiagnosticID("rules.wrong-arguments")
  public static let rulesWrongEntity = DiagnosticID("rules.wrong-entity")

  // MARK: - time

  public static let timeBadDate = DiagnosticID("time.bad-date")
  public static let timeExerciseGap = DiagnosticID("time.exercise-gap")
  public static let timeNoExercise = DiagnosticID("time.no-exercise")

  // MARK: - yaml

  public static let yamlDuplicateKey = DiagnosticID("yaml.duplicate-key")
  public static let yamlEmptyFile = DiagnosticID("yaml.empty-file")
  public static let yamlExpectedMapping = DiagnosticID("yaml.expected-mapping")
  public static let yamlExpectedNumber = DiagnosticID("yaml.expected-number")
  public static let yamlExpectedScalar = DiagnosticID("yaml.expected-scalar")
  public static let yamlExpectedSequence = DiagnosticID("yaml.expected-sequence")
  public static let yamlInvalid = DiagnosticID("yaml.invalid")
  public static let yamlMalformed = DiagnosticID("yaml.malformed")
  public static let yamlTabIndentation = DiagnosticID("yaml.tab-indentation")
  public static let yamlUnreadable = DiagnosticID("yaml.unreadable")
}
