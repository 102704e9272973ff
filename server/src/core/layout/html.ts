/**
 * The layout as HTML: a fragment for the editor's preview (which wraps it in its own page shell) and a
 * standalone page for `minutes export --format html`. All document text is escaped; the output has no
 * scripts and names no remote resources.
 */
import type { Locale } from '../api';
import { PREVIEW_CSS } from './css';
import type { ActionRow, Layout, LayoutBlock, LayoutField, LayoutRun, LineRange } from './model';

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A problem to mark in the margin, on its 0-based source line. */
export interface PreviewProblem {
  line: number;
  severity: ProblemSeverity;
  message: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SEVERITY_ORDER: ProblemSeverity[] = ['error', 'warning', 'information', 'hint'];

export function actionHeaders(locale: Locale): string[] {
  return locale === 'zh-CN'
    ? ['序号', '事项', '责任人', '时限', '状态']
    : ['No.', 'Action', 'Owner', 'Due', 'Status'];
}

export function statusText(done: boolean, locale: Locale): string {
  if (locale === 'zh-CN') return done ? '已完成' : '未完成';
  return done ? 'Done' : 'Open';
}

/** The locale of the text of a layout: its labels follow the document's language, not the UI's. */
export function layoutLocale(layout: Layout): Locale {
  return layout.style === 'gb' ? 'zh-CN' : 'en';
}

class HtmlWriter {
  /** Problems not yet placed, by line. */
  private readonly problems: PreviewProblem[];

  constructor(
    private readonly layout: Layout,
    problems: readonly PreviewProblem[],
  ) {
    this.problems = [...problems].sort((a, b) => a.line - b.line);
  }

  /** The problems on `lines`, taken out of those left to place. */
  private take(lines: LineRange): PreviewProblem[] {
    const here = this.problems.filter((p) => p.line >= lines.from && p.line <= lines.to);
    for (const problem of here) this.problems.splice(this.problems.indexOf(problem), 1);
    return here.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  }

  private marker(lines: LineRange): string {
    const here = this.take(lines);
    if (here.length === 0) return '';
    const worst = here[0].severity;
    // One block, one line of HTML (the preview patches the page line by line): line breaks as references.
    const title = escapeHtml(here.map((p) => p.message).join('\n')).replace(/\r?\n|\r/g, '&#10;');
    return `<span class="problem problem-${worst}" title="${title}" aria-label="${title}">${here.length}</span>`;
  }

  private attributes(lines: LineRange, extra = ''): string {
    return ` data-line="${lines.from}" data-line-end="${lines.to}"${extra ? ` class="${extra}"` : ''}`;
  }

  private runs(runs: LayoutRun[]): string {
    return runs
      .map((run) =>
        run.style === 'body'
          ? escapeHtml(run.text)
          : `<span class="${run.style}">${escapeHtml(run.text)}</span>`,
      )
      .join('');
  }

  private fields(fields: LayoutField[], kind: string): string {
    if (this.layout.style === 'business' && kind === 'fields') {
      const rows = fields
        .map(
          (f) =>
            `<tr${this.attributes(f.lines)}><th>${escapeHtml(f.label)}</th><td>${this.marker(f.lines)}${escapeHtml(f.value)}</td></tr>`,
        )
        .join('');
      return `<table class="header-table">${rows}</table>`;
    }
    const lines = fields
      .map(
        (f) =>
          `<p${this.attributes(f.lines)}>${this.marker(f.lines)}<span class="label">${escapeHtml(f.label)}：</span><span class="names">${escapeHtml(f.value)}</span></p>`,
      )
      .join('');
    return `<div class="${kind}">${lines}</div>`;
  }

  private actions(rows: ActionRow[]): string {
    const locale = layoutLocale(this.layout);
    const head = actionHeaders(locale)
      .map((h) => `<th>${escapeHtml(h)}</th>`)
      .join('');
    const body = rows
      .map(
        (row, i) =>
          `<tr${this.attributes(row.lines, row.done ? 'done' : '')}><td>${this.marker(row.lines)}${i + 1}</td><td>${escapeHtml(row.text)}</td><td>${escapeHtml(row.owners.join(', '))}</td><td>${escapeHtml(row.due)}</td><td>${escapeHtml(statusText(row.done, locale))}</td></tr>`,
      )
      .join('');
    return `<table class="actions"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  }

  block(block: LayoutBlock): string {
    switch (block.kind) {
      case 'title':
        return `<h1${this.attributes(block.lines, 'title')}>${this.marker(block.lines)}${escapeHtml(block.text)}</h1>`;
      case 'fields':
        return this.fields(block.fields, 'fields');
      case 'attendance':
        return this.fields(block.fields, 'attendance');
      case 'heading': {
        const tag = block.level === 1 ? 'h2' : 'h3';
        return `<${tag}${this.attributes(block.lines, `heading${block.level}`)}>${this.marker(block.lines)}${escapeHtml(block.text)}</${tag}>`;
      }
      case 'paragraph':
        return `<p${this.attributes(block.lines, block.bullet ? 'bullet' : '')}>${this.marker(block.lines)}${this.runs(block.runs)}</p>`;
      case 'actions':
        return this.actions(block.rows);
    }
  }

  page(): string {
    const body = this.layout.blocks.map((b) => this.block(b)).join('\n');
    const lang = this.layout.style === 'gb' ? 'zh-CN' : 'en';
    return `<article class="page page-${this.layout.style}" lang="${lang}">\n${body}\n</article>`;
  }
}

/**
 * The page as an HTML fragment, problems marked in the margin of the blocks they belong to. Each block is one
 * element on one line, between the `<article>` line and the `</article>` line.
 */
export function renderHtml(layout: Layout, problems: readonly PreviewProblem[] = []): string {
  return new HtmlWriter(layout, problems).page();
}

/** A standalone HTML page: the fragment with its styles, no scripts and no remote resources. */
export function renderHtmlDocument(layout: Layout): string {
  const lang = layout.style === 'gb' ? 'zh-CN' : 'en';
  const title = escapeHtml(layout.title ?? '');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
${PREVIEW_CSS}
</style>
</head>
<body>
${renderHtml(layout)}
</body>
</html>
`;
}
