/**
 * RFC 4180 CSV for moderators to open in a spreadsheet. The cells hold what strangers typed into
 * Discord, so a cell that a spreadsheet would read as a formula ("=HYPERLINK(…)", "+1+cmd|…") is
 * defused with a leading apostrophe, which spreadsheets show as text and do not evaluate.
 */

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

export function csvCell(value: CsvCell): string {
  const text = value === null ? "" : typeof value === "number" ? String(value) : guardFormula(value);
  return `"${text.replaceAll('"', '""')}"`;
}

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Every field quoted, records ended by CRLF (RFC 4180 section 2). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
