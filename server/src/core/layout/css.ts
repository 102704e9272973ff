/**
 * The page's styles, shared by the editor's preview and the standalone HTML export: paper for the page,
 * the editor's theme (when there is one) around it.
 */
import { BUSINESS, BUSINESS_FONTS, GB, GB_FONTS, gbBottomMm, gbRightMm, PAGE } from './typesetting';

const family = (names: string[]) =>
  names.map((n) => (/^(serif|sans-serif)$/.test(n) ? n : `"${n}"`)).join(', ');

/** One 28th of the text block: the character pitch of the GB grid. */
const pitch = `calc(${GB.textWidthMm}mm / ${GB.charsPerLine})`;

export const PREVIEW_CSS = `
body { margin: 0; padding: 16px 0 48px; background: var(--vscode-editor-background, #e8e8e8); }
.page { box-sizing: border-box; width: ${PAGE.widthMm}mm; min-height: ${PAGE.heightMm}mm; margin: 0 auto;
  background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35); position: relative; }
.page [data-line] { position: relative; }
.page p, .page h1, .page h2, .page h3 { margin: 0; font-weight: normal; }
.problem { position: absolute; left: -18mm; top: 0.2em; min-width: 1.4em; padding: 0 0.3em; border-radius: 0.7em;
  font: 600 11px/1.4 var(--vscode-font-family, sans-serif); text-align: center; text-indent: 0; letter-spacing: 0;
  color: #fff; cursor: help; }
.problem-error { background: #d32f2f; }
.problem-warning { background: #c77c02; }
.problem-information { background: #1a73e8; }
.problem-hint { background: #6b6b6b; }
.page-gb { padding: ${GB.topMm}mm ${gbRightMm}mm ${gbBottomMm}mm ${GB.leftMm}mm;
  font: ${GB.bodyPt}pt/calc(${GB.textHeightMm}mm / ${GB.linesPerPage}) ${family(GB_FONTS.body)};
  letter-spacing: calc(${pitch} - ${GB.bodyPt}pt); text-align: justify; }
.page-gb .title { font: ${GB.titlePt}pt/calc(2 * ${GB.textHeightMm}mm / ${GB.linesPerPage}) ${family(GB_FONTS.title)};
  text-align: center; letter-spacing: 0; margin-bottom: calc(${GB.textHeightMm}mm / ${GB.linesPerPage}); }
.page-gb p, .page-gb h2, .page-gb h3 { text-indent: calc(2 * ${pitch}); }
.page-gb h2, .page-gb .heading1, .page-gb .label { font-family: ${family(GB_FONTS.hei)}; font-size: ${GB.bodyPt}pt; }
.page-gb h3, .page-gb .heading2 { font-family: ${family(GB_FONTS.kai)}; font-size: ${GB.bodyPt}pt; }
.page-gb .attendance { margin-top: calc(${GB.textHeightMm}mm / ${GB.linesPerPage}); }
.page-gb .attendance p { text-indent: 0; padding-left: calc(5 * ${pitch}); }
.page-gb .attendance .label { margin-left: calc(-3 * ${pitch}); }
.page-business { padding: ${BUSINESS.marginMm}mm; font: ${BUSINESS.bodyPt}pt/1.4 ${family(BUSINESS_FONTS.body)}; }
.page-business .title { font-size: ${BUSINESS.titlePt}pt; font-weight: bold; text-align: center; margin-bottom: 8pt; }
.page-business h2, .page-business h3 { font-size: ${BUSINESS.headingPt}pt; font-weight: bold; margin: 12pt 0 4pt; }
.page-business p { margin: 0 0 6pt; }
.page-business p.bullet { padding-left: 1.2em; text-indent: -1.2em; }
.page-business p.bullet::before { content: "• "; }
.page-business .label, .page-business th { font-weight: bold; }
.page-business table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; }
.page-business td, .page-business th { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
.page-business .header-table th { width: 28%; background: #f2f2f2; }
.page-business .actions thead th { background: #e7edf5; }
.page-business tr.done td { color: #555; }
`;
