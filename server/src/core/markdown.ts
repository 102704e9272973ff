/** Markdown output shared by the exports: a table cell's text, escaped. */

/** `|`, `\` and `<` escaped, line breaks folded to one space: safe inside a Markdown table cell. */
export function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
