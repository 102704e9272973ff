/** Runs the rules over a parsed document: severities from config, suppression comments applied. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale, MinutesConfig, RuleSeverity } from './api';
import type { MinutesDocument } from './model';
import { rules } from './rules';
import { UnitIndex } from './units';

const LSP_SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'minutes';

export function validate(
  doc: MinutesDocument,
  registry: UnitIndex | null,
  config: MinutesConfig,
  locale: Locale,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const attendees = [...doc.meeting.attendees, ...doc.meeting.observers];
  const units = registry?.registry ? new UnitIndex(registry.registry, attendees) : null;
  for (const rule of rules) {
    const severity = config.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const suppressions = doc.suppressions.filter((s) => s.rules.length === 0 || s.rules.includes(rule.id));
    rule.check({
      doc,
      units,
      today: config.today ?? null,
      report(span, message, data) {
        const range = doc.lines.range(span);
        if (suppressions.some((s) => range.start.line >= s.fromLine && range.start.line <= s.toLine)) return;
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
