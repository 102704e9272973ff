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

/** How many strings `shared` keeps before it starts again (a long session meets many names). */
const mostShared = 50_000;

/** Short strings many documents repeat (units, owners, dates, sections), one copy each. */
const sharedStrings = new Map<string, string>();

/** One detached copy of a short string (a name, a date, a heading) for the whole index; a longer one its own. */
export function shared(text: string): string;
export function shared(text: string | null): string | null;
export function shared(text: string | null): string | null {
  if (text === null) return text;
  if (text.length > 40) return detached(text);
  let kept = sharedStrings.get(text);
  if (kept === undefined) {
    if (sharedStrings.size >= mostShared) sharedStrings.clear();
    kept = detached(text);
    sharedStrings.set(kept, kept);
  }
  return kept;
}

/** Positions, owners and lists of names many items repeat, frozen (shared, they must not change), one copy each. */
const sharedValues = new Map<string, unknown>();

/** The value kept under `key` (a key made of detached strings only), made and frozen when missing. */
function sharedValue<T extends object>(key: string, make: () => T): T {
  let kept = sharedValues.get(key) as T | undefined;
  if (kept === undefined) {
    if (sharedValues.size >= mostShared) sharedValues.clear();
    kept = Object.freeze(make());
    sharedValues.set(key, kept);
  }
  return kept;
}

type Owner = ItemRecord['owners'][number];

function owners(list: readonly Owner[]): Owner[] {
  const kept = list.map((o) => {
    const name = shared(o.name);
    const unit = shared(o.unit);
    return sharedValue(`o\n${name}\n${o.role}\n${o.vague}\n${unit}`, () => ({
      name,
      role: o.role,
      vague: o.vague,
      unit,
    }));
  });
  return sharedValue(
    `O${kept.map((o) => `\n${o.name}\n${o.role}\n${o.vague}\n${o.unit}`).join('\t')}`,
    () => kept,
  );
}

function names(list: readonly string[]): string[] {
  const kept = list.map((name) => shared(name));
  return sharedValue(`N\n${kept.join('\n')}`, () => kept);
}

/** A position, one frozen object for every range of the index that starts or ends there. */
function position(at: Position): Position {
  return sharedValue(`p${at.line}:${at.character}`, () => ({ line: at.line, character: at.character }));
}

type Deadline = { text: string; date: string | null } | null;

/** Detaches one document's record and ledger facts, with one object for each range and deadline they repeat. */
class Detacher {
  private readonly ranges = new Map<string, Range>();
  private readonly deadlines = new Map<string, NonNullable<Deadline>>();
  /** Each item's detached text, by its range: the ledger's words for the item are cut from it. */
  private readonly texts = new Map<Range, string>();

  range(range: Range): Range {
    const { start, end } = range;
    const key = `${start.line}:${start.character}:${end.line}:${end.character}`;
    let kept = this.ranges.get(key);
    if (!kept) {
      kept = { start: position(start), end: position(end) };
      this.ranges.set(key, kept);
    }
    return kept;
  }

  deadline(deadline: Deadline): Deadline {
    if (!deadline) return null;
    const text = shared(deadline.text);
    const date = shared(deadline.date);
    // The key is made of detached strings: a key joining cuts of the text could keep the text alive.
    const key = `${date ?? ''}\n${text}`;
    let kept = this.deadlines.get(key);
    if (!kept) {
      kept = { text, date };
      this.deadlines.set(key, kept);
    }
    return kept;
  }

  item(item: ItemRecord): ItemRecord {
    const range = this.range(item.range);
    const text = detached(item.text);
    this.texts.set(range, text);
    return {
      kind: item.kind,
      section: shared(item.section),
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
