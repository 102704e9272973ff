import type { Span } from '../model';
import type { Rule } from './rule';
import { isVagueOwner } from '../vocabulary';

/**
 * Whether the reader cuts names at spaces where `span` stands: after `@` (a mention ends at a space), and
 * among Chinese words or mentions (`要 Comms`, `@财政局 Comms`). A suggestion with spaces would be read as
 * two names there. Looks at most 200 characters each way, to the nearest separator.
 */
function cutsAtSpaces(text: string, span: Span): boolean {
  if (text[span.start - 1] === '@' || text[span.start - 1] === '＠') return true;
  let a = span.start;
  while (a > Math.max(0, span.start - 200) && !/[、，,；;：:\n]/.test(text[a - 1])) a--;
  let b = span.end;
  while (b < Math.min(text.length, span.end + 200) && !/[、，,；;。\n]/.test(text[b])) b++;
  return /[\u4e00-\u9fff@＠]/.test(text.slice(a, b));
}

export const unknownUnit: Rule = {
  id: 'unknown-unit',
  description: {
    en: 'A unit that is not in the units registry (minutes-units.yaml) nor among the attendees. Only checked when a registry exists.',
    'zh-CN': '单位名称不在单位名录（minutes-units.yaml）或参会单位中；仅在存在单位名录时检查。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    const units = ctx.units;
    if (!units?.registry) return;
    const headerSpans = new Set(ctx.doc.header.flatMap((h) => h.values.map((v) => v.span.start)));
    for (const m of ctx.doc.mentions) {
      if (headerSpans.has(m.span.start) || units.isKnown(m.name) || isVagueOwner(m.name)) continue;
      // Where names end at spaces, a name with spaces would be cut: suggest its alias without spaces instead.
      const spaced = cutsAtSpaces(ctx.doc.text, m.span);
      // Suggestions are looked for only when the problem is listed.
      let suggestions: string[] | undefined;
      const suggest = (): string[] =>
        (suggestions ??= units
          .suggest(m.name)
          .map((s) => (spaced && /\s/.test(s) ? units.lookup(s)?.aliases.find((a) => !/\s/.test(a)) : s))
          .filter((s): s is string => s !== undefined && s !== m.name));
      ctx.report(
        m.span,
        () => {
          const names = suggest();
          const hint = names.join('、');
          const quoted = names.map((s) => `“${s}”`).join(', ');
          return {
            en: `Unknown unit “${m.name}”${hint ? `; did you mean ${quoted}?` : '.'}`,
            'zh-CN': `单位“${m.name}”不在单位名录中${hint ? `，是否应为“${hint}”？` : '。'}`,
          };
        },
        () => ({ unit: m.name, suggestions: suggest() }),
      );
    }
  },
};
