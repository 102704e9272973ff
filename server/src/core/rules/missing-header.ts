import type { HeaderKey } from '../model';
import type { Rule } from './rule';

const NAMES: Record<'date' | 'chair' | 'attendees', { en: string; 'zh-CN': string }> = {
  date: { en: 'date', 'zh-CN': '时间' },
  chair: { en: 'chair', 'zh-CN': '主持' },
  attendees: { en: 'attendees', 'zh-CN': '出席' },
};

export const missingHeader: Rule = {
  id: 'missing-header',
  description: {
    en: 'The minutes do not say when the meeting was held, who chaired it, or who attended.',
    'zh-CN': '纪要缺少会议时间、主持人或出席人员。',
  },
  defaultSeverity: 'information',
  check(ctx) {
    const { doc } = ctx;
    if (doc.text.trim().length === 0) return;
    const missing: (keyof typeof NAMES)[] = [];
    // A date field the checker cannot read (12/09/2024: which is the month?) is still a date field.
    if (!doc.meeting.date && !doc.header.some((h) => h.key === 'date')) missing.push('date');
    if (!doc.meeting.chair) missing.push('chair');
    if (
      doc.meeting.attendees.length === 0 &&
      !doc.header.some((h) => h.key === ('attendees' satisfies HeaderKey))
    )
      missing.push('attendees');
    if (missing.length === 0) return;
    const span = doc.title?.span ?? { start: 0, end: doc.lines.lineEnd(0) };
    ctx.report(
      span,
      {
        en: `Missing header: ${missing.map((m) => NAMES[m].en).join(', ')}.`,
        'zh-CN': `缺少会议要素：${missing.map((m) => NAMES[m]['zh-CN']).join('、')}。`,
      },
      { missing },
    );
  },
};
