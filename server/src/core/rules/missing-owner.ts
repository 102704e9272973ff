import { assignments, quote, type Rule } from './rule';

export const missingOwner: Rule = {
  id: 'missing-owner',
  description: {
    en: 'A decision, requirement or action names no responsible unit or person (责任单位/牵头单位, @unit, Owner:).',
    'zh-CN': '决定、要求或待办事项未明确责任单位或责任人（责任单位/牵头单位、@单位、Owner:）。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    for (const item of assignments(ctx.doc)) {
      if (item.owners.length > 0) continue;
      ctx.report(item.headSpan, () => {
        const q = quote(ctx.doc, item);
        return {
          en: `No owner for “${q}”: name the responsible unit (@unit or Owner:).`,
          'zh-CN': `“${q}”未明确责任单位：请用“@单位”或“责任单位：”写明。`,
        };
      });
    }
  },
};
