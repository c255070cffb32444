import Testing
@testable import Planner

/// Every invalid fixture, with the whole message `plan check` prints for it (file, line,
/// column, source line and caret). The fixture is named after the diagnostic id.
extension InvalidFixtureTests {
  static let cases: [InvalidCase] = [
    InvalidCase(
      "invalid/evaluation.division-by-zero.yaml", strict: false,
      """
      invalid/evaluation.division-by-zero.yaml:10:14: error: division by zero in rule 'hourly_pay' for position 'intern' in 2012-02
              formula: gross / hours
                       ^~~~~~~~~~~~~
      """),
    InvalidCase(
      "invalid/evaluation.missing-input.yaml", strict: false,
      """
      invalid/evaluation.missing-input.yaml:4:7: error: input 'position.gross' is used by the rules but not given
                gross: {unit: EUR}
                ^
      """),
    InvalidCase(
      "invalid/examples.mismatch.yaml", strict: false,
      """
      invalid/examples.mismatch.yaml:26:21: error: example 'a large member pays the cap': dues[le_fil] in 2011-01 is 5000 EUR, expected 8000 EUR
                dues[le_fil]: 8000 EUR
                              ^
      """),
    InvalidCase(
      "invalid/parameters.before-first-value.yaml", strict: false,
      """
      invalid/parameters.before-first-value.yaml:14:22: error: parameter 'surcharge_rate' has no value before 2013-07; rule 'surcharge' looks up its value for 2013-01. Add a dated value in force at 2013-01 or guard the lookup with 'if'
              formula: gross * surcharge_rate
                               ^~~~~~~~~~~~~~
      invalid/parameters.before-first-value.yaml:6:3: note: 'surcharge_rate' is defined here
            surcharge_rate:
            ^
      """),
    InvalidCase(
      "invalid/parameters.past-last-confirmed.yaml", strict: true,
      """
      invalid/parameters.past-last-confirmed.yaml:2:3: error: parameter 'smic_horaire' is confirmed until 2013-12 but is used until 2014-06; its last value is carried forward
            smic_horaire:
            ^
      invalid/parameters.past-last-confirmed.yaml:8:3: note: used by the rule defined here
            smic_monthly:
            ^
      """),
    InvalidCase(
      "invalid/rules.cycle-self.yaml", strict: false,
      """
      invalid/rules.cycle-self.yaml:2:3: error: rules depend on each other in a cycle: reserves → reserves; a rule cannot need its own value (use previous_month for last month's)
            reserves:
            ^~~~~~~~
      invalid/rules.cycle-self.yaml:2:3: note: 'reserves' is defined here
            reserves:
            ^
      """),
    InvalidCase(
      "invalid/rules.cycle.yaml", strict: false,
      """
      invalid/rules.cycle.yaml:2:3: error: rules depend on each other in a cycle: result → income → result; a rule cannot need its own value (use previous_month for last month's)
            result:
            ^~~~~~
      invalid/rules.cycle.yaml:2:3: note: 'result' is defined here
            result:
            ^
      invalid/rules.cycle.yaml:8:3: note: 'income' is defined here
            income:
            ^
      """),
    InvalidCase(
      "invalid/rules.duplicate.yaml", strict: false,
      """
      invalid/rules.duplicate.yaml:7:3: error: name 'rate' is defined twice
            rate:
            ^~~~
      invalid/rules.duplicate.yaml:2:3: note: 'rate' is first defined here
            rate:
            ^
      """),
    InvalidCase(
      "invalid/rules.empty-formula.yaml", strict: false,
      """
      invalid/rules.empty-formula.yaml:4:15: error: the formula is empty
              formula: ""
                        ^
      """),
    InvalidCase(
      "invalid/rules.missing-formula.yaml", strict: false,
      """
      invalid/rules.missing-formula.yaml:2:3: error: rule 'total' has no 'formula' (nor 'base' and 'rate')
            total:
            ^~~~~
      """),
    InvalidCase(
      "invalid/rules.syntax.yaml", strict: false,
      """
      invalid/rules.syntax.yaml:4:24: error: expected a number, a name or '(', found '*'
              formula: 100 EUR * * 2
                                 ^
      """),
    InvalidCase(
      "invalid/rules.type-mismatch.yaml", strict: false,
      """
      invalid/rules.type-mismatch.yaml:9:17: error: the condition of 'if' must be a condition, but 'gross' is an amount in EUR
              formula: if gross then 100 EUR else 0
                          ^~~~~
      """),
    InvalidCase(
      "invalid/rules.unit-mismatch.yaml", strict: false,
      """
      invalid/rules.unit-mismatch.yaml:10:14: error: cannot add an amount in EUR and an amount in h ('gross' + 'hours')
              formula: gross + hours
                       ^~~~~~~~~~~~~
      """),
    InvalidCase(
      "invalid/rules.unknown-category.yaml", strict: false,
      """
      invalid/rules.unknown-category.yaml:10:29: error: 'cdx' is not a value of 'contract'; did you mean 'cdd'?
              formula: if contract == "cdx" then 0.1 * gross else 0
                                      ^~~~~
      """),
    InvalidCase(
      "invalid/rules.unknown-entity.yaml", strict: false,
      """
      invalid/rules.unknown-entity.yaml:7:13: error: rule 'cost' is declared per 'postion', which is not an entity kind; did you mean 'position'?
              entity: postion
                      ^~~~~~~
      """),
    InvalidCase(
      "invalid/rules.unknown-function.yaml", strict: false,
      """
      invalid/rules.unknown-function.yaml:4:14: error: unknown function 'mni'; did you mean 'min'?
              formula: mni(100 EUR, 200 EUR)
                       ^~~~~~~~~~~~~~~~~~~~~
      """),
    InvalidCase(
      "invalid/rules.unknown-reference.yaml", strict: false,
      """
      invalid/rules.unknown-reference.yaml:14:22: error: unknown name 'tuax'; did you mean 'taux'?
              formula: gross * tuax
                               ^~~~
      """),
    InvalidCase(
      "invalid/rules.unknown-unit.yaml", strict: false,
      """
      invalid/rules.unknown-unit.yaml:3:11: error: unknown unit 'EURO'; units are EUR, h, FTE, month, week, count, ratio and their quotients such as EUR/h
              unit: EURO
                    ^~~~
      """),
    InvalidCase(
      "invalid/rules.wrong-entity.yaml", strict: false,
      """
      invalid/rules.wrong-entity.yaml:12:14: error: 'cost' is computed per position; from a rule for the whole organisation, use sum(position, cost)
              formula: cost
                       ^~~~
      invalid/rules.wrong-entity.yaml:6:3: note: 'cost' is defined here
            cost:
            ^
      """),
    InvalidCase(
      "invalid/time.bad-date.yaml", strict: false,
      """
      invalid/time.bad-date.yaml:5:7: error: '2012-13' is not a month; write YYYY-MM (or YYYY-MM-01)
                2012-13: {value: 9.22, reference: "Décret 2011-2043"}
                ^~~~~~~
      """),
    InvalidCase(
      "invalid/yaml.duplicate-key.yaml", strict: false,
      """
      invalid/yaml.duplicate-key.yaml:2:3: error: duplicate key 'total' in a mapping
            total:
            ^
      """),
    InvalidCase(
      "invalid/yaml.empty-file.yaml", strict: false,
      """
      invalid/yaml.empty-file.yaml:1:1: error: the file is empty; expected a YAML mapping

          ^
      """),
    InvalidCase(
      "invalid/yaml.malformed.yaml", strict: false,
      """
      invalid/yaml.malformed.yaml:5:1: error: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 4)

          ^
      """),
    InvalidCase(
      "invalid/yaml.tab-indentation.yaml", strict: false,
      """
      invalid/yaml.tab-indentation.yaml:3:1: error: a tab is used for indentation; YAML indents with spaces only
           unit: EUR
          ^
      """),
  ]
}
