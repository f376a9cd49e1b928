/**
 * CSV for the report's tables (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled). Text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) is prefixed with a single quote, so opening the file never runs anything.
 * Pure; browser-safe.
 */
export type Cell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as they are; text guarded against formula injection, then quoted when it needs to be. */
export function csvCell(value: Cell) {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then each row, every line ending in CRLF. */
export function toCsv(head: readonly string[], rows: readonly (readonly Cell[])[]) {
  return [head, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

/** A download's file name: letters, digits and hyphens only, e.g. NMC-licence-decisions-2025-04-01-to-2026-03-31.csv. */
export function csvFilename(authorityCode: string, table: string, period: { from: string; to: string }) {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, "-");
  return `${safe(authorityCode)}-${safe(table)}-${safe(period.from)}-to-${safe(period.to)}.csv`;
}
