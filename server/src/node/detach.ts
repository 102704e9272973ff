/**
 * Copies of what a document gives the workspace index that keep nothing of the document alive: no string cut
 * out of its text (V8 keeps a cut of 13 characters or more as a view of the whole text, so one item's words
 * would keep a 10 KB document in memory), and one object for what its items and ledger facts say alike (the
 * same range, the same deadline).
 */
import type { Position, Range } from 'vscode-languageserver';
import type { DocumentRecord, ItemRecord } from '../core/api';
import type { FollowUp, LedgerDocument, LedgerItem, Reference } from '../core/ledger/extract';

/** V8 copies cuts shorter than this; longer ones are views of the string they were cut from. */
const shortestView = 13;

/** A copy of `text` that shares no memory with the string it may have been cut from. */
export function detached(text: string): string {
  // A JSON round trip makes a flat string of its own; `(' ' + s).slice(1)` would make another view.
  return text.length < shortestView ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * A table of values many documents repeat, one copy each; it forgets them all once it holds `mostShared` (a
 * long session meets many names), which costs only copies. Shared values are frozen: they must not change.
 */
class Shared<K, V> {
  private readonly kept = new Map<K, V>();

  /** `keyOf`: what a value is kept under, given the key it was asked for (by default that key). */
  constructor(private readonly keyOf: (key: K, value: V) => K = (key) => key) {}

  get(key: K, make: () => V): V {
    let value = this.kept.get(key);
    if (value === undefined) {
      if (this.kept.size >= mostShared) this.kept.clear();
      value = make();
      this.kept.set(this.keyOf(key, value), value);
    }
    return value;
  }
}

const mostShared = 50_000;

/** Strings this short are names, dates, headings: shared; longer ones are an item's words, copied. */
const longestShared = 24;

/** Kept under their copies: the string asked for may be a cut of a document's text. */
const strings = new Shared<string, string>((_, copy) => copy);

/** One detached copy of a short string (a name, a date, a heading) for the whole index; a longer one its own. */
export function shared(text: string): string;
export function shared(text: string | null): string | null;
export function shared(text: string | null): string | null {
  if (text === null) return text;
  if (text.length > longestShared) return detached(text);
  return strings.get(text, () => detached(text));
}

type Owner = ItemRecord['owners'][number];

const none: never[] = Object.freeze([]) as unknown as never[];

/** Each owner named, as each role, vagueness and unit it comes with: by its name. */
const ownersByName = new Shared<string, Owner[]>();
/** The list of one owner, by that owner. */
const soleOwners = new WeakMap<Owner, Owner[]>();

function owner(o: Owner): Owner {
  const name = shared(o.name);
  const unit = shared(o.unit);
  const variants = ownersByName.get(name, () => []);
  let kept = variants.find((v) => v.role === o.role && v.vague === o.vague && v.unit === unit);
  if (!kept) {
    kept = Object.freeze({ name, role: o.role, vague: o.vague, unit });
    variants.push(kept);
  }
  return kept;
}

function owners(list: readonly Owner[]): Owner[] {
  if (list.length === 0) return none;
  if (list.length > 1) return list.map(owner);
  const sole = owner(list[0]);
  let kept = soleOwners.get(sole);
  if (!kept) {
    kept = Object.freeze([sole]) as Owner[];
    soleOwners.set(sole, kept);
  }
  return kept;
}

/** The list of one name, by that name. */
const soleNames = new Shared<string, string[]>();

function names(list: readonly string[]): string[] {
  if (list.length === 0) return none;
  if (list.length > 1) return list.map((name) => shared(name));
  const name = shared(list[0]);
  return soleNames.get(name, () => Object.freeze([name]) as string[]);
}

const positions = new Shared<number, Position>();

/** A position, one object for every range of the index that starts or ends there. */
function position(at: Position): Position {
  const { line, character } = at;
  if (character >= 2 ** 21) return { line, character };
  return positions.get(line * 2 ** 21 + character, () => Object.freeze({ line, character }));
}

type Deadline = { text: string; date: string | null } | null;

/** Detaches one document's record and ledger facts, with one object for each range and deadline they repeat. */
class Detacher {
  /** Ranges by their start and end positions (shared objects). */
  private readonly ranges = new Map<Position, Map<Position, Range>>();
  /** Deadlines by their words, then date. */
  private readonly deadlines = new Map<string, NonNullable<Deadline>[]>();
  /** Each item's detached text, by its range: the ledger's words for the item are cut from it. */
  private readonly texts = new Map<Range, string>();

  range(range: Range): Range {
    const start = position(range.start);
    const end = position(range.end);
    let ends = this.ranges.get(start);
    if (!ends) this.ranges.set(start, (ends = new Map()));
    let kept = ends.get(end);
    if (!kept) ends.set(end, (kept = { start, end }));
    return kept;
  }

  deadline(deadline: Deadline): Deadline {
    if (!deadline) return null;
    const text = shared(deadline.text);
    const date = shared(deadline.date);
    let dates = this.deadlines.get(text);
    if (!dates) this.deadlines.set(text, (dates = []));
    let kept = dates.find((d) => d.date === date);
    if (!kept) dates.push((kept = { text, date }));
    return kept;
  }

  private lastSection: [string | null, string | null] = [null, null];

  /** The section of an item: the one before's, most of the time. */
  private section(section: string | null): string | null {
    if (section !== this.lastSection[0]) this.lastSection = [section, shared(section)];
    return this.lastSection[1];
  }

  item(item: ItemRecord): ItemRecord {
    const range = this.range(item.range);
    const text = detached(item.text);
    this.texts.set(range, text);
    return {
      kind: item.kind,
      section: this.section(item.section),
      text,
      range,
      owners: owners(item.owners),
      deadline: this.deadline(item.deadline),
      vagueDeadline: shared(item.vagueDeadline),
      status: item.status,
      resolution: item.resolution,
    };
  }

  record(record: DocumentRecord): DocumentRecord {
    const { meeting } = record;
    return {
      file: record.file,
      language: record.language,
      title: shared(record.title),
      meeting: {
        date: meeting.date,
        place: shared(meeting.place),
        chair: shared(meeting.chair),
        attendees: meeting.attendees.map((a) => shared(a)),
        recorder: shared(meeting.recorder),
      },
      items: record.items.map((item) => this.item(item)),
    };
  }

  reference(ref: Reference): Reference {
    return {
      id: shared(ref.id),
      quote: ref.quote === null ? null : detached(ref.quote),
      span: { start: ref.span.start, end: ref.span.end },
      range: this.range(ref.range),
    };
  }

  /** The ledger's words for the item at `range`: a cut of the item's kept text when they are part of it. */
  private ledgerText(range: Range, text: string): string {
    const whole = this.texts.get(range);
    const at = whole === undefined ? -1 : whole.indexOf(text);
    return whole === undefined || at < 0 ? detached(text) : whole.slice(at, at + text.length);
  }

  ledgerItem(item: LedgerItem): LedgerItem {
    const range = this.range(item.range);
    return {
      id: shared(item.id),
      pinned: item.pinned,
      text: this.ledgerText(range, item.text),
      lead: names(item.lead),
      support: names(item.support),
      deadline: this.deadline(item.deadline),
      status: item.status,
      completedOn: item.completedOn,
      progress: item.progress === null ? null : detached(item.progress),
      span: { start: item.span.start, end: item.span.end },
      range,
      origin: item.origin && this.reference(item.origin),
    };
  }

  followUp(followUp: FollowUp): FollowUp {
    return {
      ref: this.reference(followUp.ref),
      span: { start: followUp.span.start, end: followUp.span.end },
      range: this.range(followUp.range),
      status: followUp.status,
      completedOn: followUp.completedOn,
      progress: followUp.progress === null ? null : detached(followUp.progress),
    };
  }

  ledger(ledger: LedgerDocument, file: string): LedgerDocument {
    return {
      file,
      title: shared(ledger.title),
      meetingDate: ledger.meetingDate,
      language: ledger.language,
      items: ledger.items.map((item) => this.ledgerItem(item)),
      followUps: ledger.followUps.map((f) => this.followUp(f)),
    };
  }
}

/** A document's record and ledger facts, copied so that they keep nothing of its text or model alive. */
export function detachedFacts(
  record: DocumentRecord,
  ledger: LedgerDocument,
): { record: DocumentRecord; ledger: LedgerDocument } {
  const detacher = new Detacher();
  const kept = detacher.record(record);
  return { record: kept, ledger: detacher.ledger(ledger, kept.file) };
}
