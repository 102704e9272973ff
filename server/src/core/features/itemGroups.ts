/**
 * How the decisions & actions view groups a workspace's items: by unit, by deadline or by document. The
 * server groups (and answers a group's items a page at a time); the view uses `groupsOf` to tell which of its
 * groups a changed item touches.
 */
import type { ItemRecord } from '../api';
import { isOverdue } from './items';

export type GroupBy = 'unit' | 'deadline' | 'document';

export const groupByValues: readonly GroupBy[] = ['unit', 'deadline', 'document'];

/** A document's items as the grouping reads them. */
export interface GroupedDocument {
  uri: string;
  file: string;
  /** The version of the open document the items were read from; absent for a saved file. */
  version?: number;
  items: readonly ItemRecord[];
}

/** One item, with the document it comes from. */
export interface ItemRef {
  uri: string;
  file: string;
  item: ItemRecord;
  /** The version of the open document the item was read from; absent for a saved file. */
  version?: number;
}

export type GroupKind = 'unit' | 'unassigned' | 'overdue' | 'thisWeek' | 'later' | 'noDeadline' | 'document';

/** Which group: its kind and its title (the unit's name, the document's file, or a fixed group's title). */
export interface GroupId {
  kind: GroupKind;
  title: string;
}

export interface Group<R extends ItemRef = ItemRef> extends GroupId {
  items: R[];
}

/** Unit names in pinyin order, file names in the default order: one collator each, not one per comparison. */
const unitOrder = new Intl.Collator('zh-CN');
const fileOrder = new Intl.Collator();

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

/** The units an item falls under (canonical names where the registry knows them), none when unassigned. */
function unitsOf(item: ItemRecord): string[] {
  const { owners } = item;
  // Most items have one owner or none: no set needed.
  if (owners.length === 0) return [];
  if (owners.length === 1) return [owners[0].unit ?? owners[0].name];
  return [...new Set(owners.map((o) => o.unit ?? o.name))];
}

/** The deadline group of an item; null for a done item (the deadline view is a to-do list). */
function deadlineKind(item: ItemRecord, today: string, weekEnd: string): GroupKind | null {
  if (item.status !== 'open') return null;
  const date = item.deadline?.date;
  if (!date) return 'noDeadline';
  if (isOverdue(item, today)) return 'overdue';
  return date <= weekEnd ? 'thisWeek' : 'later';
}

/** The groups an item of `file` is listed in, grouped `by`. */
export function groupsOf(item: ItemRecord, file: string, by: GroupBy, today: string): GroupId[] {
  if (by === 'document') return [{ kind: 'document', title: file }];
  if (by === 'deadline') {
    const kind = deadlineKind(item, today, endOfWeek(today));
    return kind ? [{ kind, title: fixedTitles[kind as keyof typeof fixedTitles] }] : [];
  }
  const units = unitsOf(item);
  return units.length > 0
    ? units.map((title) => ({ kind: 'unit', title }))
    : [{ kind: 'unassigned', title: fixedTitles.unassigned }];
}

function refsOf(doc: GroupedDocument): ItemRef[] {
  return doc.items.map((item) => ({ uri: doc.uri, file: doc.file, item, version: doc.version }));
}

/** Each document's items (one list per document) in file order, each in line order: every group's order. */
function inPlaceOrder<R extends ItemRef>(documents: readonly (readonly R[])[]): R[] {
  const ordered = documents
    .filter((refs) => refs.length > 0)
    .sort((a, b) => fileOrder.compare(a[0].file, b[0].file));
  const inOrder: R[] = [];
  for (const refs of ordered) {
    const sorted = refs.every(
      (r, i) => i === 0 || refs[i - 1].item.range.start.line <= r.item.range.start.line,
    );
    // Items come in document order: sort (a copy) only when they do not.
    for (const ref of sorted
      ? refs
      : [...refs].sort((a, b) => a.item.range.start.line - b.item.range.start.line))
      inOrder.push(ref);
  }
  return inOrder;
}

const byDate = (a: ItemRef, b: ItemRef): number => {
  const da = a.item.deadline?.date ?? '';
  const db = b.item.deadline?.date ?? '';
  return da < db ? -1 : da > db ? 1 : 0;
};

/** Open items whose deadline has passed, the oldest deadline first. */
export function overdueItems(documents: readonly GroupedDocument[], today: string): ItemRef[] {
  // A stable sort of refs in place order: equal dates stay in file and line order.
  return inPlaceOrder(documents.map(refsOf))
    .filter((ref) => isOverdue(ref.item, today))
    .sort(byDate);
}

function byUnit<R extends ItemRef>(refs: R[]): Group<R>[] {
  const units = new Map<string, R[]>();
  const unassigned: R[] = [];
  for (const ref of refs) {
    const names = unitsOf(ref.item);
    if (names.length === 0) unassigned.push(ref);
    for (const name of names) {
      const list = units.get(name);
      if (list) list.push(ref);
      else units.set(name, [ref]);
    }
  }
  const groups: Group<R>[] = [...units]
    .sort(([a], [b]) => unitOrder.compare(a, b))
    .map(([title, items]) => ({ kind: 'unit', title, items }));
  if (unassigned.length > 0)
    groups.push({ kind: 'unassigned', title: fixedTitles.unassigned, items: unassigned });
  return groups;
}

/** Open items only: the deadline view is a to-do list; done items leave it. */
function byDeadlineGroups<R extends ItemRef>(refs: R[], today: string): Group<R>[] {
  const weekEnd = endOfWeek(today);
  const buckets: Record<'overdue' | 'thisWeek' | 'later' | 'noDeadline', R[]> = {
    overdue: [],
    thisWeek: [],
    later: [],
    noDeadline: [],
  };
  for (const ref of refs) {
    const kind = deadlineKind(ref.item, today, weekEnd);
    if (kind) buckets[kind as keyof typeof buckets].push(ref);
  }
  return (Object.keys(buckets) as (keyof typeof buckets)[])
    .filter((kind) => buckets[kind].length > 0)
    .map((kind) => ({ kind, title: fixedTitles[kind], items: buckets[kind].sort(byDate) }));
}

function byDocument<R extends ItemRef>(refs: R[]): Group<R>[] {
  const groups: Group<R>[] = [];
  for (const ref of refs) {
    const last = groups[groups.length - 1];
    if (last?.title === ref.file) last.items.push(ref);
    else groups.push({ kind: 'document', title: ref.file, items: [ref] });
  }
  return groups;
}

/**
 * Items grouped `by`, groups in display order, each group's items in display order; `documents` holds each
 * document's items, one list per document.
 */
export function groupRefs<R extends ItemRef>(
  documents: readonly (readonly R[])[],
  by: GroupBy,
  today: string,
): Group<R>[] {
  const refs = inPlaceOrder(documents);
  if (by === 'document') return byDocument(refs);
  return by === 'unit' ? byUnit(refs) : byDeadlineGroups(refs, today);
}

/** Where a group stands in the view: units in pinyin order then the unassigned, deadlines in time order. */
const groupRank: Record<GroupKind, number> = {
  unit: 0,
  unassigned: 1,
  overdue: 0,
  thisWeek: 1,
  later: 2,
  noDeadline: 3,
  document: 0,
};

function groupOrder(a: GroupId, b: GroupId): number {
  const rank = groupRank[a.kind] - groupRank[b.kind];
  if (rank !== 0 || a.kind !== b.kind) return rank;
  if (a.kind === 'unit') return unitOrder.compare(a.title, b.title);
  return a.kind === 'document' ? fileOrder.compare(a.title, b.title) : 0;
}

/** Place order: file, then line. */
const byPlace = (a: ItemRef, b: ItemRef): number =>
  fileOrder.compare(a.file, b.file) || a.item.range.start.line - b.item.range.start.line;

/** The deadline groups' order: date, then place. */
const byDateThenPlace = (a: ItemRef, b: ItemRef): number => byDate(a, b) || byPlace(a, b);

/** The first index of `items` whose item comes after `ref` in `order` (past items equal to it). */
function upperBound<R extends ItemRef>(items: readonly R[], ref: R, order: (a: R, b: R) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (order(items[mid], ref) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

const groupKey = (id: GroupId): string => `${id.kind}\u0000${id.title}`;

/**
 * Updates `groups` (grouped `by` as of `today`, as `groupRefs` made them) in place after one document's items
 * changed from `before` to `after`: only the groups those items fall in are touched, and no group is
 * sorted again (the new items go in where they belong).
 */
export function regroupDocument<R extends ItemRef>(
  groups: Group<R>[],
  before: readonly R[],
  after: readonly R[],
  by: GroupBy,
  today: string,
): void {
  const byKey = new Map(groups.map((g) => [groupKey(g), g]));
  const removed = new Set<R>(before);
  const added = new Map<Group<R>, R[]>();
  const touched = new Set<Group<R>>();
  for (const ref of before) {
    for (const id of groupsOf(ref.item, ref.file, by, today)) {
      const group = byKey.get(groupKey(id));
      if (group) touched.add(group);
    }
  }
  let reordered = false;
  // The document's new items in line order, as the full grouping takes them.
  for (const ref of inPlaceOrder([after])) {
    for (const id of groupsOf(ref.item, ref.file, by, today)) {
      const key = groupKey(id);
      let group = byKey.get(key);
      if (!group) {
        group = { ...id, items: [] };
        byKey.set(key, group);
        groups.push(group);
        reordered = true;
      }
      touched.add(group);
      const list = added.get(group);
      if (list) list.push(ref);
      else added.set(group, [ref]);
    }
  }
  const order = by === 'deadline' ? byDateThenPlace : byPlace;
  for (const group of touched) {
    const kept = removed.size > 0 ? group.items.filter((r) => !removed.has(r)) : group.items;
    const adding = added.get(group);
    if (adding) {
      if (by === 'deadline') adding.sort(order);
      const merged: R[] = [];
      let from = 0;
      for (const ref of adding) {
        const at = upperBound(kept, ref, order);
        for (; from < at; from++) merged.push(kept[from]);
        merged.push(ref);
      }
      for (; from < kept.length; from++) merged.push(kept[from]);
      group.items = merged;
    } else {
      group.items = kept;
    }
    if (group.items.length === 0) reordered = true;
  }
  if (reordered) {
    const nonEmpty = groups.filter((g) => g.items.length > 0).sort(groupOrder);
    groups.splice(0, groups.length, ...nonEmpty);
  }
}

/** The documents' items grouped `by`. */
export function groupItems(documents: readonly GroupedDocument[], by: GroupBy, today: string): Group[] {
  return groupRefs(documents.map(refsOf), by, today);
}
