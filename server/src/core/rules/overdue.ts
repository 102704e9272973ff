import { daysBetween } from '../dates';
import { isOverdue } from '../features/items';
import type { Item } from '../model';
import { taskStatuses } from '../ledger/extract';
import { workspaceLedger } from '../ledger/ledger';
import { isOpenStatus, type LedgerStatus } from '../ledger/vocabulary';
import type { Rule, RuleContext } from './rule';

/**
 * The ledger's word on each item `wanted` picks, by where it starts: its status line (进行中, 已取消…) and,
 * when checked with the workspace, what later meetings reported (已完成 at the next meeting closes it).
 */
function ledgerStatuses(ctx: RuleContext, wanted: (item: Item) => boolean): Map<number, LedgerStatus> {
  const statuses = new Map<number, LedgerStatus>();
  const workspace = ctx.workspace;
  const ledger = workspace ? workspaceLedger(workspace.documents) : null;
  for (const [start, task] of taskStatuses(ctx.doc, workspace?.file ?? '', wanted)) {
    const status = (workspace && ledger?.row(workspace.file, task.id)?.status) ?? task.status;
    if (status) statuses.set(start, status);
  }
  return statuses;
}

export const overdue: Rule = {
  id: 'overdue',
  description: {
    en: 'An open item whose deadline has passed (against today, or the date given with --today / minutes.today).',
    'zh-CN': '未完成事项已超过时限（以今天或 --today / minutes.today 指定的日期为准）。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    const today = ctx.today;
    if (!today) return;
    const due = (item: Item): boolean => !!item.deadline?.date && isOverdue(item, today);
    // Computed at the first overdue item only, for the overdue items: minutes with none need no ledger.
    let statuses: Map<number, LedgerStatus> | undefined;
    for (const item of ctx.doc.items) {
      const d = item.deadline;
      if (!d?.date || !due(item)) continue;
      statuses ??= ledgerStatuses(ctx, due);
      const status = statuses.get(item.span.start);
      if (status && !isOpenStatus(status)) continue;
      const days = daysBetween(d.date, today);
      ctx.report(
        d.span,
        {
          en: `Overdue by ${days} day${days === 1 ? '' : 's'} (due ${d.date}).`,
          'zh-CN': `已超期${days}天（时限${d.date}）。`,
        },
        { days },
      );
    }
  },
};
