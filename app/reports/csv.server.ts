// A report table as CSV (issue 12, item 1), with `csv-stringify`: a cell starting "=", "+", "-" or "@" is escaped
// so a spreadsheet never runs it as a formula (escape_formulas), numbers stay numbers, and a byte order mark tells
// Excel it is UTF-8.
import { stringify } from "csv-stringify/sync";

export function csvOf(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], { escape_formulas: true, bom: true });
}
