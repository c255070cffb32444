import Planner

// The domain's ids: scenarios, the source's figures, position costs, explanations,
// simulations, goal seeking and the files the tool writes.
extension DiagnosticID {
  // MARK: - cost

  public static let costBadOption = DiagnosticID("cost.bad-option")
  /// A cases file of `plan cost --cases` that cannot be read, or one of its values.
  public static let costCases = DiagnosticID("cost.cases")
  public static let costLegalLimit = DiagnosticID("cost.legal-limit")
  public static let costRulesMissing = DiagnosticID("cost.rules-missing")
  public static let costTotalMismatch = DiagnosticID("cost.total-mismatch")
  public static let costUnknownLine = DiagnosticID("cost.unknown-line")

  // MARK: - explain

  public static let explainBadBudget = DiagnosticID("explain.bad-budget")
  public static let explainBadMonth = DiagnosticID("explain.bad-month")
  public static let explainEntityNeeded = DiagnosticID("explain.entity-needed")
  public static let explainUnknownEntity = DiagnosticID("explain.unknown-entity")
  public static let explainUnknownLine = DiagnosticID("explain.unknown-line")

  // MARK: - file

  public static let fileWrite = DiagnosticID("file.write")

  // MARK: - implausible

  public static let implausiblePayUnderSmic = DiagnosticID("implausible.pay-under-smic")

  // MARK: - recorded

  public static let recordedDiffersFromRules = DiagnosticID("recorded.differs-from-rules")

  // MARK: - rules

  public static let rulesNoFiles = DiagnosticID("rules.no-files")

  // MARK: - scenario

  public static let scenarioConstraint = DiagnosticID("scenario.constraint")
  public static let scenarioDuplicateId = DiagnosticID("scenario.duplicate-id")
  public static let scenarioExtendsCycle = DiagnosticID("scenario.extends-cycle")
  public static let scenarioExtendsMissing = DiagnosticID("scenario.extends-missing")
  public static let scenarioHoursOutsideContract = DiagnosticID("scenario.hours-outside-contract")
  public static let scenarioInvalid = DiagnosticID("scenario.invalid")
  public static let scenarioLegalLimit = DiagnosticID("scenario.legal-limit")
  public static let scenarioLimit = DiagnosticID("scenario.limit")
  public static let scenarioMissingField = DiagnosticID("scenario.missing-field")
  public static let scenarioMissingGross = DiagnosticID("scenario.missing-gross")
  public static let scenarioOutOfDomain = DiagnosticID("scenario.out-of-domain")
  public static let scenarioPayrollCarriedForward = DiagnosticID("scenario.payroll-carried-forward")
  public static let scenarioRulesMissing = DiagnosticID("scenario.rules-missing")
  public static let scenarioSectionMismatch = DiagnosticID("scenario.section-mismatch")
  /// A layout of the budget (the CERFA's) that leaves a line out, counts it twice or names
  /// a line the budget does not have.
  public static let layoutCoverage = DiagnosticID("layout.coverage")
  public static let scenarioUnknownExercise = DiagnosticID("scenario.unknown-exercise")
  public static let scenarioUnknownField = DiagnosticID("scenario.unknown-field")
  public static let scenarioUnusualValue = DiagnosticID("scenario.unusual-value")
  public static let scenarioUnknownValue = DiagnosticID("scenario.unknown-value")

  // MARK: - simulate

  public static let simulateNothingOpen = DiagnosticID("simulate.nothing-open")
  public static let simulateTooLarge = DiagnosticID("simulate.too-large")

  // MARK: - solve

  public static let solveUnknownExercise = DiagnosticID("solve.unknown-exercise")
  public static let solveUnknownPath = DiagnosticID("solve.unknown-path")

  // MARK: - seed: recorded facts the rules question

  public static let seedUnpaidHours = DiagnosticID("seed.unpaid-hours")
  public static let seedGapExplained = DiagnosticID("seed.gap-explained")
  public static let seedAidsElsewhere = DiagnosticID("seed.aids-elsewhere")

  // The cash plan.
  public static let treasuryAssumedOpening = DiagnosticID("treasury.assumed-opening")
  public static let treasuryPracticeTerms = DiagnosticID("treasury.practice-terms")

  // MARK: - source

  public static let sourceFteRounding = DiagnosticID("source.fte-rounding")
  public static let sourceSectionNotDetailed = DiagnosticID("source.section-not-detailed")
  public static let sourceShareMismatch = DiagnosticID("source.share-mismatch")
  public static let sourceTotalMismatch = DiagnosticID("source.total-mismatch")
  public static let sourceUnknownLine = DiagnosticID("source.unknown-line")

  // MARK: - staffing

  public static let staffingHoursDiffer = DiagnosticID("staffing.hours-differ")
}
