import { daysBetween } from '../dates';
import { isOverdue } from '../features/items';
import type { Rule } from './rule';

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
    for (const item of ctx.doc.items) {
      const d = item.deadline;
      if (!d?.date || !isOverdue(item, today)) continue;
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
