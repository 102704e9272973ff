import type { Rule } from './rule';

export const invalidDate: Rule = {
  id: 'invalid-date',
  description: {
    en: 'A date that cannot exist (2024-02-30, 13月, 32日).',
    'zh-CN': '日期不存在（如2024年2月30日、13月、32日）。',
  },
  defaultSeverity: 'error',
  check(ctx) {
    for (const d of ctx.doc.dates) {
      if (!d.invalid) continue;
      ctx.report(d.span, {
        en: `“${d.text}” is not a valid date (${d.invalid}).`,
        'zh-CN': `“${d.text}”不是有效日期（${d.invalid}）。`,
      });
    }
  },
};
