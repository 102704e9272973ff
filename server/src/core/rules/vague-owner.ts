import type { Rule } from './rule';

export const vagueOwner: Rule = {
  id: 'vague-owner',
  description: {
    en: 'An owner that names no one in particular (各有关单位, 相关部门, relevant departments, everyone, TBD).',
    'zh-CN': '责任主体笼统（各有关单位、相关部门、全县上下等），无法落实到具体单位。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    for (const item of ctx.doc.items) {
      for (const owner of item.owners) {
        if (!owner.vague) continue;
        ctx.report(
          owner.span,
          {
            en: `“${owner.name}” is not a specific owner: name the unit that leads.`,
            'zh-CN': `“${owner.name}”表述笼统：请明确具体牵头单位。`,
          },
          { owner: owner.name },
        );
      }
    }
  },
};
