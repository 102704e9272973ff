import { assignments, type Rule } from './rule';

export const vagueDeadline: Rule = {
  id: 'vague-deadline',
  description: {
    en: 'A deadline that sets no date (尽快, 及时, 限时办结, ASAP, soon): it counts as no deadline.',
    'zh-CN': '时限表述模糊（尽快、及时、限时办结等），视同未明确时限。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    for (const item of assignments(ctx.doc)) {
      if (item.deadline && !item.deadline.vague) continue;
      const span = item.deadline?.vague ? item.deadline.span : item.vagueDeadlines[0];
      if (!span) continue;
      const word = ctx.doc.text.slice(span.start, span.end);
      ctx.report(span, {
        en: `“${word}” is not a deadline: give a date.`,
        'zh-CN': `“${word}”不是明确时限：请写明具体日期。`,
      });
    }
  },
};
