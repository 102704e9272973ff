/**
 * The formal document: one layout model built from the parsed minutes, rendered as HTML (here) and as .docx
 * (`./docx`, imported on demand by the adapters: the Word writer is most of the bundle and most sessions never
 * export).
 */
export { buildLayout, layoutStyleOf } from './model';
export type { Layout, LayoutBlock, LayoutStyle, LayoutRun, LayoutField, ActionRow, LineRange } from './model';
export { renderHtml, renderHtmlDocument, escapeHtml } from './html';
export type { PreviewProblem, ProblemSeverity } from './html';
export { PREVIEW_CSS } from './css';
