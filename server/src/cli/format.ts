/**
 * Output formats of the `minutes` command: diagnostics as text or JSON, extracted items as JSON, and the rule
 * list (items as CSV and Markdown are the core's `export.ts`, shared with the editor's export).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { DiagnosticData, DocumentRecord, Locale, RuleSeverity } from '../core/api';

/** The diagnostics of one checked file; `file` is the path as shown to the user. */
export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
}

/** A rule as listed by `minutes rules`. */
export interface RuleInfo {
  id: string;
  description: Record<Locale, string>;
  defaultSeverity: RuleSeverity;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

type SeverityName = 'error' | 'warning' | 'information';

const strings = {
  en: {
    problems: (n: number) => `${n} ${n === 1 ? 'problem' : 'problems'}`,
    errors: (n: number) => `${n} ${n === 1 ? 'error' : 'errors'}`,
    warnings: (n: number) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
    infos: (n: number) => `${n} info`,
    summary: (parts: string[], total: string) => `${total} (${parts.join(', ')})`,
    clean: (files: number) => `No problems found in ${files} ${files === 1 ? 'file' : 'files'}.`,
    rulesHeader: ['Rule', 'Default', 'Description'],
  },
  'zh-CN': {
    problems: (n: number) => `${n} 个问题`,
    errors: (n: number) => `${n} 个错误`,
    warnings: (n: number) => `${n} 个警告`,
    infos: (n: number) => `${n} 个提示`,
    summary: (parts: string[], total: string) => `${total}（${parts.join('，')}）`,
    clean: (files: number) => `已检查 ${files} 个文件，未发现问题。`,
    rulesHeader: ['规则', '默认级别', '说明'],
  },
} satisfies Record<Locale, unknown>;

const ansi = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  underline: '\x1b[4m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  reset: '\x1b[0m',
};

/**
 * `text` safe to print on a terminal: control characters (C0 but tab, DEL, C1), which could move the cursor,
 * reset or retitle the terminal, are shown as `\xNN` escapes.
 */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function paint(color: boolean, codes: string, text: string): string {
  return color ? `${codes}${text}${ansi.reset}` : text;
}

/** The rule id of a diagnostic: `data.rule`, else its code. */
export function ruleOf(diagnostic: Diagnostic): string {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (typeof data?.rule === 'string') return data.rule;
  return diagnostic.code === undefined ? '' : String(diagnostic.code);
}

function severityName(diagnostic: Diagnostic): SeverityName | null {
  switch (diagnostic.severity ?? DiagnosticSeverity.Error) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    default:
      return null;
  }
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/**
 * The diagnostics a report shows, in document order. Hints are left out: like the editor's Problems view,
 * reports list errors, warnings and information only.
 */
export function reportedDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => severityName(d) !== null).sort((a, b) => compareRanges(a.range, b.range));
}

export function countProblems(files: FileDiagnostics[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      const severity = severityName(d);
      if (severity === 'error') counts.errors++;
      else if (severity === 'warning') counts.warnings++;
      else if (severity === 'information') counts.infos++;
    }
  }
  return counts;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Terminal columns taken by `text`: CJK and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** Lays out rows as left-aligned columns two spaces apart, without trailing blanks. */
function table(rows: { text: string; style: string }[][], indent: string, color: boolean): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text))));
  }
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const padding = i === row.length - 1 ? '' : ' '.repeat(widths[i] - displayWidth(cell.text));
      return paint(color && cell.style !== '', cell.style, cell.text) + padding;
    });
    return indent + cells.join('  ');
  });
}

function severityStyle(severity: SeverityName): string {
  return severity === 'error' ? ansi.red : severity === 'warning' ? ansi.yellow : ansi.blue;
}

/** Summary line such as `✖ 3 problems (1 error, 2 warnings)`. */
function summaryLine(counts: Counts, locale: Locale, color: boolean): string {
  const s = strings[locale];
  const parts = [s.errors(counts.errors), s.warnings(counts.warnings)];
  if (counts.infos > 0) parts.push(s.infos(counts.infos));
  const total = counts.errors + counts.warnings + counts.infos;
  const style = ansi.bold + (counts.errors > 0 ? ansi.red : counts.warnings > 0 ? ansi.yellow : ansi.blue);
  return paint(color, style, `✖ ${s.summary(parts, s.problems(total))}`);
}

export interface TextOptions {
  locale: Locale;
  color: boolean;
}

/**
 * ESLint-style report: per file with problems a header line, then `line:col  severity  message  rule` (1-based
 * line and UTF-16 column), a blank line, and a closing summary. Empty when there is nothing to report.
 */
export function formatCheckText(files: FileDiagnostics[], options: TextOptions): string {
  const { color, locale } = options;
  const reported = files.map((f) => ({ file: f.file, diagnostics: reportedDiagnostics(f.diagnostics) }));
  const out: string[] = [];
  for (const file of reported) {
    if (file.diagnostics.length === 0) continue;
    out.push(paint(color, ansi.underline, printable(file.file)));
    const rows = file.diagnostics.map((d) => {
      const severity = severityName(d) as SeverityName;
      return [
        { text: `${d.range.start.line + 1}:${d.range.start.character + 1}`, style: ansi.dim },
        { text: severity === 'information' ? 'info' : severity, style: severityStyle(severity) },
        { text: printable(d.message.replace(/\s*[\r\n]+\s*/g, ' ')), style: '' },
        { text: ruleOf(d), style: ansi.dim },
      ];
    });
    // One push per row: a file with a hundred thousand problems would overflow the stack as arguments.
    for (const line of table(rows, '  ', color)) out.push(line);
    out.push('');
  }
  if (out.length === 0) return '';
  out.push(summaryLine(countProblems(reported), locale, color));
  return out.join('\n') + '\n';
}

/** The line shown on a terminal when no file has a problem. */
export function formatCheckClean(fileCount: number, locale: Locale, color: boolean): string {
  return `${paint(color, ansi.green, '✔')} ${strings[locale].clean(fileCount)}\n`;
}

/** The `minutes check --format json` contract, version 1 (see docs/cli.md). */
export function formatCheckJson(files: FileDiagnostics[]): string {
  const reported = files.map((f) => ({ file: f.file, diagnostics: reportedDiagnostics(f.diagnostics) }));
  const counts = countProblems(reported);
  const json = {
    version: 1,
    files: reported.map((f) => ({
      file: f.file,
      diagnostics: f.diagnostics.map((d) => ({
        rule: ruleOf(d),
        severity: severityName(d),
        message: d.message,
        range: d.range,
      })),
    })),
    errorCount: counts.errors,
    warningCount: counts.warnings,
    infoCount: counts.infos,
  };
  return JSON.stringify(json, null, 2) + '\n';
}

/** The `minutes actions --format json` contract, version 1: `{ version, documents }`. */
export function formatActionsJson(documents: DocumentRecord[]): string {
  return JSON.stringify({ version: 1, documents }, null, 2) + '\n';
}

/** `minutes rules`: the rules with their default severity and description in the chosen language. */
export function formatRules(rules: readonly RuleInfo[], format: 'text' | 'json', locale: Locale): string {
  if (format === 'json') {
    const json = {
      version: 1,
      rules: rules.map((r) => ({
        id: r.id,
        defaultSeverity: r.defaultSeverity,
        description: r.description[locale],
      })),
    };
    return JSON.stringify(json, null, 2) + '\n';
  }
  const rows = [
    strings[locale].rulesHeader,
    ...rules.map((r) => [r.id, r.defaultSeverity, r.description[locale]]),
  ];
  return (
    table(
      rows.map((row) => row.map((text) => ({ text, style: '' }))),
      '',
      false,
    ).join('\n') + '\n'
  );
}
