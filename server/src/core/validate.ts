/** Runs the rules over a parsed document: severities from config, suppression comments applied. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale, MinutesConfig, RuleSeverity } from './api';
import { ledgerDocument, type LedgerDocument } from './ledger/extract';
import type { MinutesDocument, Suppression } from './model';
import { rules } from './rules';
import type { WorkspaceDocuments } from './rules/rule';
import { UnitIndex } from './units';

const LSP_SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'minutes';

/**
 * At most this many problems are listed per document; the others are counted and one more diagnostic, at the
 * start of the document, says how many are not shown. Keeps a pathological file (a line of 20XX年XX月 repeated
 * a million times) from costing gigabytes.
 */
export const MAX_DIAGNOSTICS = 1000;

/** The code (and `data.rule`) of the diagnostic that counts the problems not listed. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

function tooManyProblems(hidden: number, locale: Locale): Diagnostic {
  const message = {
    en: `${hidden} more ${hidden === 1 ? 'problem is' : 'problems are'} not shown: at most ${MAX_DIAGNOSTICS} are listed per document.`,
    'zh-CN': `另有 ${hidden} 个问题未列出：每个文档最多列出 ${MAX_DIAGNOSTICS} 个。`,
  };
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: TOO_MANY_PROBLEMS,
    message: message[locale],
    data: { rule: TOO_MANY_PROBLEMS, hidden },
  };
}

/** Which lines a set of suppressions covers, answered in O(log n) per line. */
function coverage(suppressions: Suppression[]): (line: number) => boolean {
  if (suppressions.length === 0) return () => false;
  // Merge the covered line intervals, then binary-search them.
  const sorted = [...suppressions].sort((a, b) => a.fromLine - b.fromLine);
  const merged: [number, number][] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.fromLine <= last[1] + 1) last[1] = Math.max(last[1], s.toLine);
    else merged.push([s.fromLine, s.toLine]);
  }
  return (line) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (line < merged[mid][0]) hi = mid - 1;
      else if (line > merged[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Per rule, the first `MAX_DIAGNOSTICS` diagnostics it gave (suppressed ones left out) and how many it gave. */
export type Reports = Record<string, { diagnostics: Diagnostic[]; count: number }>;

/**
 * Rules that look at one item, mention or date at a time, with the meeting's date and attendees: they can be
 * run over a part of the document (`PartChecks`) and their reports joined.
 */
export const PART_RULES: ReadonlySet<string> = new Set([
  'missing-owner',
  'missing-deadline',
  'vague-owner',
  'vague-deadline',
  'unknown-unit',
  'invalid-date',
  'deadline-before-meeting',
]);

/**
 * The document in parts, for checking it a part at a time: `check` gives a part's reports from a view of the
 * document that holds only that part's items, mentions and dates; the answer is every part's reports in order
 * (a part whose reading did not change keeps the reports it had).
 */
export type PartChecks = (check: (view: MinutesDocument) => Reports) => Reports[];

/**
 * The document's problems in document order, at most `MAX_DIAGNOSTICS` of them; when there are more, they
 * are followed by one `too-many-problems` diagnostic that counts the rest. Each rule keeps only its first
 * `MAX_DIAGNOSTICS` reports, so time and memory stay bounded however many problems a text has. With `parts`,
 * the rules of `PART_RULES` are run a part at a time.
 */
export function validate(
  doc: MinutesDocument,
  registry: UnitIndex | null,
  config: MinutesConfig,
  locale: Locale,
  workspace: WorkspaceDocuments | null = null,
  parts: PartChecks | null = null,
): Diagnostic[] {
  let out: Diagnostic[] = [];
  let total = 0;
  let own: LedgerDocument | undefined;
  const ledger = (): LedgerDocument => (own ??= ledgerDocument(doc, workspace?.file ?? ''));
  const attendees = [...doc.meeting.attendees, ...doc.meeting.observers];
  const units = registry?.registry ? registry.withExtra(attendees) : null;
  const active = rules.flatMap((rule) => {
    const severity = config.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') return [];
    const suppressed = coverage(
      doc.suppressions.filter((s) => s.rules.length === 0 || s.rules.includes(rule.id)),
    );
    return [{ rule, severity, suppressed }];
  });
  const run = (view: MinutesDocument, { rule, severity, suppressed }: (typeof active)[number]) => {
    const reports: Reports[string] = { diagnostics: [], count: 0 };
    rule.check({
      doc: view,
      units,
      today: config.today ?? null,
      workspace,
      ledger,
      report(span, message, data) {
        if (suppressed(doc.lines.lineAt(span.start))) return;
        if (++reports.count > MAX_DIAGNOSTICS) return;
        const range = doc.lines.range(span);
        reports.diagnostics.push({
          range,
          severity: LSP_SEVERITY[severity],
          source: DIAGNOSTIC_SOURCE,
          code: rule.id,
          message: (typeof message === 'function' ? message() : message)[locale],
          data: { rule: rule.id, ...(typeof data === 'function' ? data() : data) },
        });
      },
    });
    return reports;
  };
  const local = parts
    ? parts((view) => {
        const reports: Reports = {};
        for (const a of active) if (PART_RULES.has(a.rule.id)) reports[a.rule.id] = run(view, a);
        return reports;
      })
    : null;
  for (const a of active) {
    let reports: Reports[string];
    if (local && PART_RULES.has(a.rule.id)) {
      reports = { diagnostics: [], count: 0 };
      for (const part of local) {
        const r = part[a.rule.id];
        reports.count += r.count;
        for (const d of r.diagnostics)
          if (reports.diagnostics.length < MAX_DIAGNOSTICS) reports.diagnostics.push(d);
      }
    } else reports = run(doc, a);
    total += reports.count;
    for (const d of reports.diagnostics) out.push(d);
  }
  out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  if (total > MAX_DIAGNOSTICS) {
    out = out.slice(0, MAX_DIAGNOSTICS);
    out.unshift(tooManyProblems(total - MAX_DIAGNOSTICS, locale));
  }
  return out;
}
