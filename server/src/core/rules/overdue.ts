import { daysBetween } from '../dates';
import { isOverdue } from '../features/items';
import { workspaceLedger } from '../ledger/ledger';
import { isOpenStatus, type LedgerStatus } from '../ledger/vocabulary';
import type { Rule, RuleContext } from './rule';

/**
 * The ledger's word on each item, by where it starts: its status line (进行中, 已取消…) and, when checked with
 * the workspace, what later meetings reported (已完成 at the next meeting closes it).
 */
function ledgerStatuses(ctx: RuleContext): Map<number, LedgerStatus> {
  const statuses = new Map<number, LedgerStatus>();
  const workspace = ctx.workspace;
  const ledger = workspace ? workspaceLedger(workspace.documents) : null;
  for (const item of ctx.ledger().items) {
    const status = (workspace && ledger?.row(workspace.file, item.id)?.status) ?? item.status;
    if (status) statuses.set(item.span.start, status);
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
    // Computed at the first overdue item only: minutes with none need no ledger.
    let statuses: Map<number, LedgerStatus> | undefined;
    for (const item of ctx.doc.items) {
      const d = item.deadline;
      if (!d?.date || !isOverdue(item, today)) continue;
      statuses ??= ledgerStatuses(ctx);
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
