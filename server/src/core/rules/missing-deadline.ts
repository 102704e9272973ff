import { assignments, quote, type Rule } from './rule';

export const missingDeadline: Rule = {
  id: 'missing-deadline',
  description: {
    en: 'A decision, requirement or action has no deadline (时限：…, Due: …, or a date such as 6月底前 / by June 30).',
    'zh-CN': '决定、要求或待办事项没有完成时限（时限：…、Due: …，或“6月底前”等日期）。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    for (const item of assignments(ctx.doc)) {
      if (item.deadline || item.vagueDeadlines.length > 0) continue;
      ctx.report(item.headSpan, () => {
        const q = quote(ctx.doc, item);
        return {
          en: `No deadline for “${q}”: add one (Due: YYYY-MM-DD).`,
          'zh-CN': `“${q}”未明确完成时限：请写明“时限：×月×日前”。`,
        };
      });
    }
  },
};
