import { isOpenStatus } from '../ledger/vocabulary';
import { workspaceLedger } from '../ledger/ledger';
import type { Rule } from './rule';

export const notFollowedUp: Rule = {
  id: 'not-followed-up',
  description: {
    en: 'An open item past its deadline that no later minutes in the workspace mention (checked against today, or --today / minutes.today, once a later meeting exists).',
    'zh-CN':
      '事项已过时限仍未完成，且工作区内其后的会议纪要均未提及其落实情况（以今天或 --today / minutes.today 为准，有后续会议时检查）。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    const today = ctx.today;
    const workspace = ctx.workspace;
    if (!today || !workspace) return;
    const date = ctx.doc.meeting.date;
    if (!date) return;
    // Later meetings that review earlier items (上次会议议定事项落实情况, Matters arising): minutes of other
    // series, or that review nothing, do not count.
    const later = workspace.documents.filter(
      (d) =>
        d.file !== workspace.file &&
        d.meetingDate !== null &&
        d.meetingDate > date &&
        (d.followUps.length > 0 || d.items.some((i) => i.origin)),
    );
    if (later.length === 0) return;
    const self = ctx.ledger();
    const { row } = workspaceLedger(workspace.documents);
    const latest = later.reduce((a, d) => ((d.meetingDate ?? '') > a ? (d.meetingDate ?? '') : a), '');
    for (const item of self.items) {
      const due = item.deadline?.date;
      if (!due || due >= today || !isOpenStatus(item.status ?? 'open')) continue;
      const mentions = row(workspace.file, item.id)?.mentions ?? [];
      if (mentions.some((m) => m.file !== workspace.file && (m.meetingDate ?? '') > date)) continue;
      const lineEnd = ctx.doc.text.indexOf('\n', item.span.start);
      const n = later.length;
      ctx.report(
        { start: item.span.start, end: lineEnd < 0 || lineEnd > item.span.end ? item.span.end : lineEnd },
        {
          en:
            n === 1
              ? `${item.id} is past its deadline (${due}) and the later meeting's minutes (${latest}) do not report on it.`
              : `${item.id} is past its deadline (${due}) and none of the ${n} later meetings' minutes (latest ${latest}) reports on it.`,
          'zh-CN': `事项 ${item.id} 已过时限（${due}），其后 ${n} 次会议纪要（最近 ${latest}）均未提及落实情况。`,
        },
        { id: item.id },
      );
    }
  },
};
