/**
 * What the server knows of every minutes document in the workspace: its decisions and actions, the units it
 * names and its symbols. Open documents are kept as edited, the others as saved; each entry is replaced on
 * its own when its document changes.
 */
import type { DocumentSymbol, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver';
import type { DocumentRecord, ItemRecord, MinutesService } from '../core/api';
import { groupRefs, regroupDocument, type Group, type GroupBy } from '../core/features/itemGroups';
import { isOverdue } from '../core/features/items';
import type { LedgerDocument } from '../core/ledger/extract';
import type { MinutesDocument } from '../core/model';
import { unitsUsed } from '../core';
import type { ListedItem } from '../protocol';
import { detached, detachedFacts, shared } from './detach';
import { isUnder } from './uri';

export interface IndexEntry {
  record: DocumentRecord;
  /** What the document gives the follow-up ledger. */
  ledger: LedgerDocument;
  /** Units named in the document, with counts. */
  units: UnitCounts;
  /** Sections and items, flattened, for workspace symbol search. */
  symbols: SymbolTable;
  /** True while the document is open in the editor (the entry then follows the editor, not the disk). */
  open: boolean;
  /** The version of the open document the entry was read from. */
  version?: number;
}

/**
 * The key of each item of a record, naming it within its document while its kind and text stay: the kind,
 * the text and which of the items with that kind and text it is.
 */
function itemKeys(items: readonly ItemRecord[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${item.kind}:${item.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    // The number and kind one string for the whole index, joined to the item's own text (not a copy of it).
    return shared(`${n}:${item.kind}:`) + item.text;
  });
}

const listed = new WeakMap<IndexEntry, ListedItem[]>();

/** A document's items as the items view lists them (made once per entry). */
export function listedItems(uri: string, entry: IndexEntry): ListedItem[] {
  let items = listed.get(entry);
  if (!items) {
    const keys = itemKeys(entry.record.items);
    items = entry.record.items.map((item, i) => ({
      uri,
      file: entry.record.file,
      key: keys[i],
      item,
      ...(entry.version === undefined ? {} : { version: entry.version }),
    }));
    listed.set(entry, items);
  }
  return items;
}

/**
 * A document's sections and items, flattened for workspace symbol search: in arrays rather than one object
 * per symbol (and per range), since the index holds every document's.
 */
export interface SymbolTable {
  names: string[];
  kinds: Uint8Array;
  /** Each symbol's selection range: start line, start character, end line, end character. */
  ranges: Uint32Array;
  /** The index of each symbol's container, -1 for none. */
  containers: Int32Array;
}

function symbolTable(symbols: DocumentSymbol[]): SymbolTable {
  const flat: { symbol: DocumentSymbol; container: number }[] = [];
  const visit = (list: DocumentSymbol[], container: number): void => {
    for (const symbol of list) {
      flat.push({ symbol, container });
      if (symbol.children) visit(symbol.children, flat.length - 1);
    }
  };
  visit(symbols, -1);
  const table: SymbolTable = {
    names: flat.map((f) => detached(f.symbol.name)),
    kinds: new Uint8Array(flat.length),
    ranges: new Uint32Array(flat.length * 4),
    containers: new Int32Array(flat.length),
  };
  flat.forEach(({ symbol, container }, i) => {
    const { start, end } = symbol.selectionRange;
    table.kinds[i] = symbol.kind;
    table.ranges.set([start.line, start.character, end.line, end.character], i * 4);
    table.containers[i] = container;
  });
  return table;
}

/** The workspace symbol `i` of a document's table. */
export function workspaceSymbol(uri: string, table: SymbolTable, i: number): WorkspaceSymbol {
  const r = table.ranges;
  const container = table.containers[i];
  return {
    name: table.names[i],
    kind: table.kinds[i] as SymbolKind,
    location: {
      uri,
      range: {
        start: { line: r[i * 4], character: r[i * 4 + 1] },
        end: { line: r[i * 4 + 2], character: r[i * 4 + 3] },
      },
    },
    ...(container < 0 ? {} : { containerName: table.names[container] }),
  };
}

/**
 * Units named in a document and how often each (`counts[i]` for `names[i]`): in two arrays rather than a map
 * per document, each name one string for the whole index.
 */
export interface UnitCounts {
  names: readonly string[];
  counts: Uint32Array;
}

function unitCounts(doc: MinutesDocument): UnitCounts {
  const used = unitsUsed(doc);
  return { names: [...used.keys()].map((unit) => shared(unit)), counts: Uint32Array.from(used.values()) };
}

/**
 * The index entry of one parsed document: only what the workspace features read, copied out of the model
 * and the text (neither is kept once the entry is made).
 */
export function analyze(
  service: MinutesService,
  doc: MinutesDocument,
  file: string,
  version: number | undefined,
): IndexEntry {
  return {
    ...detachedFacts(service.items(doc, file), service.ledgerDocument(doc, file)),
    units: unitCounts(doc),
    symbols: symbolTable(service.symbols(doc, file)),
    open: version !== undefined,
    ...(version === undefined ? {} : { version }),
  };
}

/** How many of an entry's open items are past their deadline as of `today`. */
function overdueIn(entry: IndexEntry | undefined, today: string): number {
  let count = 0;
  for (const item of entry?.record.items ?? []) if (isOverdue(item, today)) count++;
  return count;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly totals = new Map<string, number>();
  /** Every entry's ledger data, rebuilt after a change: one array per state, which the core's cache keys on. */
  private ledgers: readonly LedgerDocument[] | null = null;
  /** The items grouped each way asked for, by grouping and date: updated document by document. */
  private readonly grouped = new Map<string, { by: GroupBy; today: string; groups: Group<ListedItem>[] }>();
  /** How many open items are past their deadline, by date asked for: updated document by document. */
  private readonly overdueCounts = new Map<string, number>();
  /** Bumped whenever what the documents give the ledger changes: other documents' diagnostics may change. */
  revision = 0;

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  [Symbol.iterator](): IterableIterator<[string, IndexEntry]> {
    return this.entries.entries();
  }

  /** Stores an entry; answers whether the document's items (or what it gives the ledger) changed. */
  set(uri: string, entry: IndexEntry): boolean {
    const previous = this.entries.get(uri);
    if (previous) this.count(previous.units, -1);
    this.count(entry.units, 1);
    this.entries.set(uri, entry);
    const changed =
      !previous ||
      JSON.stringify(previous.record) !== JSON.stringify(entry.record) ||
      JSON.stringify(previous.ledger) !== JSON.stringify(entry.ledger);
    if (changed) this.changed(uri, previous, entry);
    return changed;
  }

  /** Updates what is kept across documents after the entry of `uri` changed from `before` to `after`. */
  private changed(uri: string, before: IndexEntry | undefined, after: IndexEntry | undefined): void {
    this.ledgers = null;
    this.revision++;
    const was = before ? listedItems(uri, before) : [];
    const now = after ? listedItems(uri, after) : [];
    for (const { by, today, groups } of this.grouped.values()) regroupDocument(groups, was, now, by, today);
    for (const [today, count] of this.overdueCounts) {
      this.overdueCounts.set(today, count - overdueIn(before, today) + overdueIn(after, today));
    }
  }

  /** How many open items are past their deadline as of `today`, across the workspace. */
  overdue(today: string): number {
    let count = this.overdueCounts.get(today);
    if (count === undefined) {
      count = 0;
      for (const entry of this.entries.values()) count += overdueIn(entry, today);
      this.overdueCounts.clear();
      this.overdueCounts.set(today, count);
    }
    return count;
  }

  /** Every document's items grouped `by` as of `today`: grouped once, then updated as documents change. */
  groups(by: GroupBy, today: string): Group<ListedItem>[] {
    const key = `${by}:${today}`;
    let grouped = this.grouped.get(key);
    if (!grouped) {
      // A new day regroups: the groups of other days are not kept up to date.
      for (const [other, kept] of this.grouped) if (kept.today !== today) this.grouped.delete(other);
      grouped = {
        by,
        today,
        groups: groupRefs(
          [...this.entries].map(([uri, e]) => listedItems(uri, e)),
          by,
          today,
        ),
      };
      this.grouped.set(key, grouped);
    }
    return grouped.groups;
  }

  /** The ledger data of every document, the same array until an entry changes. */
  ledgerDocuments(): readonly LedgerDocument[] {
    this.ledgers ??= [...this.entries.values()].map((e) => e.ledger);
    return this.ledgers;
  }

  /** Forgets a document, or every document under a folder URI; answers the entries forgotten. */
  delete(uri: string): [string, IndexEntry][] {
    const keys = this.entries.has(uri) ? [uri] : [...this.entries.keys()].filter((key) => isUnder(key, uri));
    const removed: [string, IndexEntry][] = [];
    // A folder's documents gone: group again when asked rather than document by document.
    if (keys.length > 1) {
      this.grouped.clear();
      this.overdueCounts.clear();
    }
    for (const key of keys) {
      const entry = this.entries.get(key) as IndexEntry;
      this.count(entry.units, -1);
      this.entries.delete(key);
      this.changed(key, entry, undefined);
      removed.push([key, entry]);
    }
    return removed;
  }

  /** Units named across the workspace, with counts, leaving out one document's own. */
  unitCounts(exceptUri?: string): Map<string, number> {
    const counts = new Map(this.totals);
    const own = exceptUri === undefined ? undefined : this.entries.get(exceptUri);
    if (own) {
      own.units.names.forEach((unit, i) => {
        const left = (counts.get(unit) ?? 0) - own.units.counts[i];
        if (left > 0) counts.set(unit, left);
        else counts.delete(unit);
      });
    }
    return counts;
  }

  private count(units: UnitCounts, sign: 1 | -1): void {
    units.names.forEach((unit, i) => {
      const total = (this.totals.get(unit) ?? 0) + sign * units.counts[i];
      if (total > 0) this.totals.set(unit, total);
      else this.totals.delete(unit);
    });
  }
}
