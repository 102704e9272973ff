import type { Rule } from './rule';

export const deadlineBeforeMeeting: Rule = {
  id: 'deadline-before-meeting',
  description: {
    en: 'A deadline that falls before the meeting date: a typo in the year or a copied item.',
    'zh-CN': '完成时限早于会议日期：可能年份有误或沿用了旧文稿。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    const meeting = ctx.doc.meeting.date;
    if (!meeting) return;
    for (const item of ctx.doc.items) {
      const d = item.deadline;
      if (!d?.date || d.date >= meeting) continue;
      ctx.report(d.span, {
        en: `Deadline ${d.date} is before the meeting (${meeting}).`,
        'zh-CN': `时限${d.date}早于会议日期${meeting}。`,
      });
    }
  },
};
