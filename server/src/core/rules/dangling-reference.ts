import { mayRefer } from '../ledger/extract';
import { workspaceLedger } from '../ledger/ledger';
import type { Rule } from './rule';

export const danglingReference: Rule = {
  id: 'dangling-reference',
  description: {
    en: 'A follow-up entry (matters arising, carried over) that names no item of an earlier meeting in the workspace, by id or by quoting its beginning.',
    'zh-CN': '落实情况或再次部署的事项所指的前次会议事项（按编号或开头文字）在工作区中找不到。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    if (!ctx.workspace || !mayRefer(ctx.doc)) return;
    const self = ctx.ledger();
    const refs = [
      ...self.followUps.map((f) => f.ref),
      ...self.items.flatMap((i) => (i.origin ? [i.origin] : [])),
    ];
    // Minutes that refer to nothing need not wait for the workspace's ledger.
    if (refs.length === 0) return;
    const { index } = workspaceLedger(ctx.workspace.documents);
    for (const ref of refs) {
      if (index.resolve(ref, self) ?? self.items.find((i) => i.id === ref.id)) continue;
      const suggestions = index.suggest(ref);
      const hint = suggestions.length > 0 ? suggestions.join(', ') : null;
      const named = ref.id ?? `“${ref.quote ?? ''}”`;
      ctx.report(
        ref.span,
        {
          en:
            (ref.id !== null
              ? `No item has the id ${named}.`
              : `No item of an earlier meeting begins with ${named}.`) +
            (hint ? ` Did you mean ${hint}?` : ''),
          'zh-CN':
            (ref.id !== null ? `未找到编号为 ${named} 的事项。` : `前次会议中未找到以${named}开头的事项。`) +
            (hint ? `是否指 ${hint}？` : ''),
        },
        { suggestions },
      );
    }
  },
};
