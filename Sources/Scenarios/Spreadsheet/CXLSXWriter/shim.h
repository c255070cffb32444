// The one C header the package sees of libxlsxwriter (Debian: libxlsxwriter-dev), which
// writes XLSX files; imported by Sources/Scenarios/Spreadsheet only.
#include <xlsxwriter.h>
