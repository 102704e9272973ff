/**
 * The ledger's words, as data in one place: status words, progress labels, the headings of follow-up
 * sections and the markers of a re-assigned task. Each entry is tested (test/core/ledger.test.ts).
 */

/** Where a task stands. `open`: decided, nothing reported yet (未开始 / not started). */
export type LedgerStatus = 'open' | 'in-progress' | 'done' | 'cancelled' | 'carried-over';

/** Labels that introduce a status: `状态：进行中`, `Status: done 2024-03-28`. */
export const STATUS_LABEL_WORDS: readonly string[] = ['状态', '办理状态', '完成情况', 'Status', 'State'];

/** Status words, each with the status it gives. Longer words are tried first. */
export const STATUS_WORDS: readonly (readonly [string, LedgerStatus])[] = [
  ['已完成', 'done'],
  ['已办结', 'done'],
  ['已落实', 'done'],
  ['完成', 'done'],
  ['办结', 'done'],
  ['done', 'done'],
  ['completed', 'done'],
  ['complete', 'done'],
  ['closed', 'done'],
  ['进行中', 'in-progress'],
  ['推进中', 'in-progress'],
  ['正在办理', 'in-progress'],
  ['in progress', 'in-progress'],
  ['ongoing', 'in-progress'],
  ['underway', 'in-progress'],
  ['未开始', 'open'],
  ['未启动', 'open'],
  ['not started', 'open'],
  ['open', 'open'],
  ['已取消', 'cancelled'],
  ['取消', 'cancelled'],
  ['不再执行', 'cancelled'],
  ['cancelled', 'cancelled'],
  ['canceled', 'cancelled'],
  ['dropped', 'cancelled'],
];

/** Labels that introduce what has been done so far: `进展：…`, `落实情况：…`, `Progress: …`. */
export const PROGRESS_LABELS: readonly string[] = ['落实情况', '进展情况', '进展', 'Progress', 'Update'];

/** Words marking an item as an earlier task assigned again: it links to its origin. */
export const CARRY_OVER_MARKERS: readonly string[] = [
  '再次部署',
  '继续部署',
  '继续推进',
  '延续',
  'carried over',
  'carried forward',
  're-assigned',
  'reassigned',
];

/** Labels after which an item's own text ends (its owners and deadline follow). */
export const FIELD_LABELS: readonly string[] = [
  '牵头单位',
  '责任单位',
  '配合单位',
  '协办单位',
  '责任人',
  '完成时限',
  '时限',
  'Owner',
  'Owners',
  'Due',
  'Deadline',
];

/** What each status is called, in the ledger's two languages. */
export const STATUS_NAMES: Record<LedgerStatus, { en: string; 'zh-CN': string }> = {
  open: { en: 'Not started', 'zh-CN': '未开始' },
  'in-progress': { en: 'In progress', 'zh-CN': '进行中' },
  done: { en: 'Done', 'zh-CN': '已完成' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已取消' },
  'carried-over': { en: 'Carried over', 'zh-CN': '已再次部署' },
};

/** Statuses that still need work: the ones that can be overdue and that calendars list. */
export function isOpenStatus(status: LedgerStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

/** The status a word names, or null. */
export function statusOfWord(word: string): LedgerStatus | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return STATUS_WORDS.find(([s]) => s.toLowerCase() === w)?.[1] ?? null;
}
