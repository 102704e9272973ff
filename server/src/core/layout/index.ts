/** The formal document: one layout model built from the parsed minutes, rendered as HTML and as .docx. */
export { buildLayout, layoutStyleOf } from './model';
export type { Layout, LayoutBlock, LayoutStyle, LayoutRun, LayoutField, ActionRow, LineRange } from './model';
export { renderHtml, renderHtmlDocument, escapeHtml } from './html';
export type { PreviewProblem, ProblemSeverity } from './html';
export { renderDocx } from './docx';
export { PREVIEW_CSS } from './css';
