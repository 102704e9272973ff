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

export function validate(
  doc: MinutesDocument,
  registry: UnitIndex | null,
  config: MinutesConfig,
  locale: Locale,
  workspace: WorkspaceDocuments | null = null,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let own: LedgerDocument | undefined;
  const ledger = (): LedgerDocument => (own ??= ledgerDocument(doc, workspace?.file ?? ''));
  const attendees = [...doc.meeting.attendees, ...doc.meeting.observers];
  const units = registry?.registry ? registry.withExtra(attendees) : null;
  for (const rule of rules) {
    const severity = config.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const suppressed = coverage(
      doc.suppressions.filter((s) => s.rules.length === 0 || s.rules.includes(rule.id)),
    );
    rule.check({
      doc,
      units,
      today: config.today ?? null,
      workspace,
      ledger,
      report(span, message, data) {
        const range = doc.lines.range(span);
        if (suppressed(range.start.line)) return;
        out.push({
          range,
          severity: LSP_SEVERITY[severity],
          source: DIAGNOSTIC_SOURCE,
          code: rule.id,
          message: message[locale],
          data: { rule: rule.id, ...data },
        });
      },
    });
  }
  out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return out;
}
