/**
 * CSV formula injection: a spreadsheet opening a CSV runs a cell that starts with =, +, -, @, a tab or a
 * carriage return as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `+1+1`). Text cells written to CSV get a
 * leading apostrophe, which spreadsheets show as text. Figures are never text here: they are written from
 * numbers (csvNumber), so a negative figure stays "-5" and reads back as a number; only free text (comments,
 * names, codes) is prefixed, whatever it looks like — "-5" typed as a comment is text and is prefixed.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** "'=1+1" for "=1+1"; text that cannot start a formula is returned as is. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0] as string) ? `'${text}` : text;
}

/** The text a user wrote before neutraliseFormula, so that an exported file imports back unchanged. */
export function restoreFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGERS.has(text[1] as string) ? text.slice(1) : text;
}
