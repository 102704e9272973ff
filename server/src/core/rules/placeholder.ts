import type { Rule } from './rule';

export const placeholder: Rule = {
  id: 'placeholder',
  description: {
    en: 'Template text left unfilled (20XX, XX月, ×××, XXX, ○○, 【请填写】, {{…}}).',
    'zh-CN': '模板占位符未填写（20XX、XX月、×××、○○、【请填写】等）。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    const year = ctx.doc.meeting.date?.slice(0, 4) ?? null;
    for (const p of ctx.doc.placeholders) {
      const isYear = /^(?:19|20)[Xx×Ｘｘ]{2}$/.test(p.text);
      ctx.report(
        p.span,
        {
          en: `Placeholder “${p.text}” left unfilled.`,
          'zh-CN': `占位符“${p.text}”未填写。`,
        },
        isYear && year ? { year } : {},
      );
    }
  },
};
