/**
 * Document text shown as Markdown (hover, the Markdown export) is escaped so that it reads as the text it is:
 * no link, image, autolink, raw HTML, code span or emphasis can come from a document or a file name.
 */

/** Characters that start Markdown inline syntax, escaped with a backslash. */
const INLINE_SYNTAX = /[\\`*_[\]!|~#]/g;

/** `text` as literal Markdown inline text on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SYNTAX, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
