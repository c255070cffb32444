import Foundation
import Planner

/// Everything the tool prints on its standard output goes through here (it stands in for
/// the standard library's `print` in this module): control characters that came from a file
/// (a scenario's title, a label) are written out as `\u001B`, so that no file can drive the
/// terminal. JSON reads the same escapes as the characters.
func print(_ text: String, terminator: String = "\n") {
  FileHandle.standardOutput.write(Data((text.escapingControlCharacters + terminator).utf8))
}
