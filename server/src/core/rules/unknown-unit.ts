import type { Rule } from './rule';
import { isVagueOwner } from '../vocabulary';

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
      // After `@`, a name with spaces would end the mention early: suggest its alias without spaces instead.
      const afterAt = ctx.doc.text[m.span.start - 1] === '@' || ctx.doc.text[m.span.start - 1] === '＠';
      // Suggestions are looked for only when the problem is listed.
      let suggestions: string[] | undefined;
      const suggest = (): string[] =>
        (suggestions ??= units
          .suggest(m.name)
          .map((s) => (afterAt && /\s/.test(s) ? units.lookup(s)?.aliases.find((a) => !/\s/.test(a)) : s))
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
