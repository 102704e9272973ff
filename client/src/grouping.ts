/**
 * How the decisions & actions view groups the items the server sends: by unit, by deadline or by document.
 * Pure: no editor API, so it is tested on its own.
 */
import type { ItemRecord } from '../../server/src/core/api';
import { isOverdue } from '../../server/src/core/features/items';
import type { UriDocumentRecord } from '../../server/src/protocol';

export type GroupBy = 'unit' | 'deadline' | 'document';

export const groupByValues: readonly GroupBy[] = ['unit', 'deadline', 'document'];

/** One item, with the document it comes from. */
export interface ItemRef {
  uri: string;
  file: string;
  item: ItemRecord;
  /** The version of the open document the item was read from; absent for a saved file. */
  version?: number;
}

function refsOf(doc: UriDocumentRecord): ItemRef[] {
  return doc.items.map((item) => ({ uri: doc.uri, file: doc.file, item, version: doc.version }));
}

export type GroupKind = 'unit' | 'unassigned' | 'overdue' | 'thisWeek' | 'later' | 'noDeadline' | 'document';

export interface Group {
  kind: GroupKind;
  /** The unit's name, the document's file, or the English title of a fixed group (a localization key). */
  title: string;
  items: ItemRef[];
}

const fixedTitles: Record<Exclude<GroupKind, 'unit' | 'document'>, string> = {
  unassigned: 'Unassigned',
  overdue: 'Overdue',
  thisWeek: 'This week',
  later: 'Later',
  noDeadline: 'No deadline',
};

/** Days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Sunday ending the week (Monday to Sunday) that holds ISO date `today`. */
export function endOfWeek(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  const daysToSunday = (7 - date.getUTCDay()) % 7;
  date.setUTCDate(date.getUTCDate() + daysToSunday);
  return date.toISOString().slice(0, 10);
}

function byPlace(a: ItemRef, b: ItemRef): number {
  return a.file.localeCompare(b.file) || a.item.range.start.line - b.item.range.start.line;
}

function byDeadline(a: ItemRef, b: ItemRef): number {
  const da = a.item.deadline?.date ?? '';
  const db = b.item.deadline?.date ?? '';
  return da.localeCompare(db) || byPlace(a, b);
}

export function itemRefs(documents: readonly UriDocumentRecord[]): ItemRef[] {
  return documents.flatMap(refsOf);
}

/** Open items whose deadline has passed. */
export function overdueItems(documents: readonly UriDocumentRecord[], today: string): ItemRef[] {
  return itemRefs(documents)
    .filter((ref) => isOverdue(ref.item, today))
    .sort(byDeadline);
}

function byUnit(refs: ItemRef[]): Group[] {
  const units = new Map<string, ItemRef[]>();
  const unassigned: ItemRef[] = [];
  for (const ref of refs) {
    const names = [...new Set(ref.item.owners.map((o) => o.unit ?? o.name))];
    if (names.length === 0) unassigned.push(ref);
    for (const name of names) units.set(name, [...(units.get(name) ?? []), ref]);
  }
  const groups: Group[] = [...units]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([title, items]) => ({ kind: 'unit', title, items: items.sort(byPlace) }));
  if (unassigned.length > 0)
    groups.push({ kind: 'unassigned', title: fixedTitles.unassigned, items: unassigned.sort(byPlace) });
  return groups;
}

/** Open items only: the deadline view is a to-do list; done items leave it. */
function byDeadlineGroups(refs: ItemRef[], today: string): Group[] {
  const weekEnd = endOfWeek(today);
  const buckets: Record<'overdue' | 'thisWeek' | 'later' | 'noDeadline', ItemRef[]> = {
    overdue: [],
    thisWeek: [],
    later: [],
    noDeadline: [],
  };
  for (const ref of refs) {
    if (ref.item.status !== 'open') continue;
    const date = ref.item.deadline?.date;
    if (!date) buckets.noDeadline.push(ref);
    else if (isOverdue(ref.item, today)) buckets.overdue.push(ref);
    else if (date <= weekEnd) buckets.thisWeek.push(ref);
    else buckets.later.push(ref);
  }
  return (Object.keys(buckets) as (keyof typeof buckets)[])
    .filter((kind) => buckets[kind].length > 0)
    .map((kind) => ({ kind, title: fixedTitles[kind], items: buckets[kind].sort(byDeadline) }));
}

function byDocument(documents: readonly UriDocumentRecord[]): Group[] {
  return [...documents]
    .filter((doc) => doc.items.length > 0)
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((doc) => ({
      kind: 'document',
      title: doc.file,
      items: refsOf(doc),
    }));
}

export function groupItems(documents: readonly UriDocumentRecord[], by: GroupBy, today: string): Group[] {
  if (by === 'document') return byDocument(documents);
  const refs = itemRefs(documents);
  return by === 'unit' ? byUnit(refs) : byDeadlineGroups(refs, today);
}
