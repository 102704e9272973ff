/**
 * The ledger (督办台账) of a set of documents: every accountable item with its latest status across the later
 * meetings that report on it, the links between a re-assigned task and its origin, the follow-ups that name
 * no known item, and per-unit counts. Computed from `LedgerDocument`s, so the CLI, the server and the rules
 * share it.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Locale } from '../api';
import type { FollowUp, LedgerDocument, LedgerItem, Reference } from './extract';
import { normalizeQuote } from './extract';
import { isOpenStatus, type LedgerStatus } from './vocabulary';

/** A later meeting's word on an item: where it was said and what. */
export interface Mention {
  file: string;
  meetingDate: string | null;
  range: Range;
  status: LedgerStatus | null;
  progress: string | null;
}

export interface LedgerRow {
  id: string;
  pinned: boolean;
  file: string;
  title: string | null;
  meetingDate: string | null;
  language: Locale;
  text: string;
  lead: string[];
  support: string[];
  deadline: { text: string; date: string | null } | null;
  /** The latest status: the item's own, then each later follow-up in meeting order. */
  status: LedgerStatus;
  completedOn: string | null;
  progress: string | null;
  /** Open (or in progress) with its deadline before today. */
  overdue: boolean;
  range: Range;
  /** The item this one re-assigns, and the item that re-assigned this one. */
  origin: string | null;
  carriedTo: string | null;
  mentions: Mention[];
}

export interface DanglingReference {
  file: string;
  ref: Reference;
  /** Ids of the known items nearest to what was written. */
  suggestions: string[];
}

export interface UnitSummary {
  unit: string;
  total: number;
  done: number;
  inProgress: number;
  open: number;
  overdue: number;
  cancelled: number;
  /** Done out of those not cancelled or carried over, 0–1; null when none count. */
  completionRate: number | null;
}

export interface Ledger {
  rows: LedgerRow[];
  dangling: DanglingReference[];
  units: UnitSummary[];
}

interface Known {
  doc: LedgerDocument;
  item: LedgerItem;
}

/** An item with its text as quotes are compared with it (`normalizeQuote`) and its place in the documents. */
interface Quoted extends Known {
  key: string;
  at: number;
}

/** The items a set of documents holds, for resolving references. */
export class ItemIndex {
  private readonly byId = new Map<string, Known>();
  private readonly all: Known[] = [];
  /** Every item by its normalized text, sorted: the items a quote begins are a range. Built on first use. */
  private quoted: Quoted[] | null = null;

  constructor(docs: readonly LedgerDocument[]) {
    for (const doc of docs) {
      for (const item of doc.items) {
        const known = { doc, item };
        this.all.push(known);
        if (!this.byId.has(item.id)) this.byId.set(item.id, known);
      }
    }
  }

  private byText(): Quoted[] {
    this.quoted ??= this.all
      .map((k, at) => ({ ...k, key: normalizeQuote(k.item.text), at }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.quoted;
  }

  /** The items whose normalized text starts with `quote`. */
  private quoting(quote: string): Quoted[] {
    const sorted = this.byText();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].key < quote) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < sorted.length && sorted[end].key.startsWith(quote)) end++;
    return sorted.slice(low, end);
  }

  /**
   * The item a reference from `from` names: by id anywhere, or by quote among the items of earlier meetings
   * (the latest such meeting first) and never of `from` itself.
   */
  resolve(ref: Reference, from: LedgerDocument): Known | null {
    if (ref.id !== null) return this.byId.get(ref.id) ?? null;
    const quote = normalizeQuote(ref.quote ?? '');
    if (quote.length < 2) return null;
    let best: Quoted | null = null;
    for (const known of this.quoting(quote)) {
      if (known.doc === from || known.doc.file === from.file) continue;
      const date = known.doc.meetingDate;
      if (from.meetingDate && date && date >= from.meetingDate) continue;
      // The first in document order among equally late meetings, as a scan in document order finds it.
      if (
        !best ||
        (date ?? '') > (best.doc.meetingDate ?? '') ||
        ((date ?? '') === (best.doc.meetingDate ?? '') && known.at < best.at)
      )
        best = known;
    }
    return best && { doc: best.doc, item: best.item };
  }

  /** Did you mean: up to three ids of items close to what a dangling reference wrote. */
  suggest(ref: Reference): string[] {
    const scored =
      ref.id !== null
        ? this.all.map((k) => ({ id: k.item.id, score: 1 - distance(ref.id ?? '', k.item.id) / 4 }))
        : this.byText().map((k) => ({ id: k.item.id, score: dice(normalizeQuote(ref.quote ?? ''), k.key) }));
    return scored
      .filter((s) => s.score >= 0.4)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, 3)
      .map((s) => s.id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}

/** Levenshtein distance, for near-miss ids. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return 5;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** Bigram overlap of two strings (Dice coefficient), for near-miss quotes. */
function dice(a: string, b: string): number {
  const grams = (s: string): string[] =>
    Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const x = grams(a);
  const y = new Map<string, number>();
  for (const g of grams(b.slice(0, a.length + 4))) y.set(g, (y.get(g) ?? 0) + 1);
  if (x.length === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) {
    const n = y.get(g) ?? 0;
    if (n > 0) {
      common++;
      y.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + Math.min(b.length - 1, a.length + 3));
}

const byMeeting = (a: { meetingDate: string | null }, b: { meetingDate: string | null }): number =>
  (a.meetingDate ?? '').localeCompare(b.meetingDate ?? '');

/** The ledger of `docs` as of `today` (ISO; null: nothing is overdue). */
export function buildLedger(docs: readonly LedgerDocument[], today: string | null): Ledger {
  return compute(docs, today).ledger;
}

/** A workspace's ledger (as of no date) with its item index, for the rules that compare meetings. */
export interface WorkspaceLedger {
  ledger: Ledger;
  index: ItemIndex;
  /** The row of the item `id` of `file`. */
  row(file: string, id: string): LedgerRow | undefined;
}

const workspaces = new WeakMap<readonly LedgerDocument[], WorkspaceLedger>();

/** The ledger of a set of documents, computed once per set (every document's check shares it). */
export function workspaceLedger(docs: readonly LedgerDocument[]): WorkspaceLedger {
  let found = workspaces.get(docs);
  if (!found) {
    const { ledger, index } = compute(docs, null);
    const rows = new Map(ledger.rows.map((r) => [`${r.file}\u0000${r.id}`, r]));
    found = { ledger, index, row: (file, id) => rows.get(`${file}\u0000${id}`) };
    workspaces.set(docs, found);
  }
  return found;
}

function compute(
  docs: readonly LedgerDocument[],
  today: string | null,
): { ledger: Ledger; index: ItemIndex } {
  const ordered = [...docs].sort((a, b) => byMeeting(a, b) || a.file.localeCompare(b.file));
  const index = new ItemIndex(ordered);
  const rows = new Map<LedgerItem, LedgerRow>();
  for (const doc of ordered) {
    for (const item of doc.items) {
      rows.set(item, {
        id: item.id,
        pinned: item.pinned,
        file: doc.file,
        title: doc.title,
        meetingDate: doc.meetingDate,
        language: doc.language,
        text: item.text,
        lead: item.lead,
        support: item.support,
        deadline: item.deadline,
        status: item.status ?? 'open',
        completedOn: item.completedOn,
        progress: item.progress,
        overdue: false,
        range: item.range,
        origin: null,
        carriedTo: null,
        mentions: [],
      });
    }
  }
  const dangling: DanglingReference[] = [];
  const note = (doc: LedgerDocument, ref: Reference): Known | null => {
    const known = index.resolve(ref, doc);
    if (!known) dangling.push({ file: doc.file, ref, suggestions: index.suggest(ref) });
    return known;
  };
  // Meeting order: a later meeting's word replaces an earlier one's.
  for (const doc of ordered) {
    for (const item of doc.items) {
      if (!item.origin) continue;
      const known = note(doc, item.origin);
      if (!known || known.item === item) continue;
      const origin = rows.get(known.item) as LedgerRow;
      const row = rows.get(item) as LedgerRow;
      row.origin = origin.id;
      origin.carriedTo = row.id;
      origin.status = 'carried-over';
      origin.mentions.push(mention(doc, item.range, 'carried-over', null));
    }
    for (const followUp of doc.followUps) {
      const known = note(doc, followUp.ref);
      if (!known) continue;
      const row = rows.get(known.item) as LedgerRow;
      row.mentions.push(mention(doc, followUp.range, followUp.status, followUp.progress));
      apply(row, followUp);
    }
  }
  const list = [...rows.values()];
  for (const row of list) {
    row.overdue =
      today !== null && isOpenStatus(row.status) && !!row.deadline?.date && row.deadline.date < today;
  }
  return { ledger: { rows: list, dangling, units: summarize(list) }, index };
}

function mention(
  doc: LedgerDocument,
  range: Range,
  status: LedgerStatus | null,
  progress: string | null,
): Mention {
  return { file: doc.file, meetingDate: doc.meetingDate, range, status, progress };
}

function apply(row: LedgerRow, followUp: FollowUp): void {
  if (followUp.status !== null && !(row.status === 'carried-over' && isOpenStatus(followUp.status))) {
    row.status = followUp.status;
    row.completedOn = followUp.status === 'done' ? followUp.completedOn : null;
  }
  if (followUp.progress !== null) row.progress = followUp.progress;
}

/** Per lead unit: counts by status and the completion rate, units in order of first appearance. */
export function summarize(rows: readonly LedgerRow[]): UnitSummary[] {
  const units = new Map<string, UnitSummary>();
  for (const row of rows) {
    for (const unit of row.lead.length > 0 ? row.lead : ['']) {
      let s = units.get(unit);
      if (!s) {
        s = {
          unit,
          total: 0,
          done: 0,
          inProgress: 0,
          open: 0,
          overdue: 0,
          cancelled: 0,
          completionRate: null,
        };
        units.set(unit, s);
      }
      s.total++;
      if (row.status === 'done') s.done++;
      else if (row.status === 'in-progress') s.inProgress++;
      else if (row.status === 'open') s.open++;
      else if (row.status === 'cancelled') s.cancelled++;
      if (row.overdue) s.overdue++;
    }
  }
  for (const s of units.values()) {
    const counted = s.done + s.inProgress + s.open;
    s.completionRate = counted > 0 ? s.done / counted : null;
  }
  return [...units.values()];
}
