/**
 * Incremental re-reading: a document edited a keystroke at a time is read again only where the edit can
 * change the reading. The minutes are cut into parts at their Markdown headings (`# …` at the start of a
 * line, outside front matter and fenced code); each part is read on its own with what the text before it
 * gives it (whether that holds a title or a section, the levels of the headings before it) and kept under its
 * text, so an edit re-reads the one part it falls in. What the document as a whole decides — the meeting's
 * date, the date of the next meeting, which repeated items are read once — is worked out again from the
 * parts' readings on every read; the parts' items are read again only when those facts change for them.
 * The result is the model `parse` gives for the same text (the property test in
 * test/robustness/incremental.test.ts compares the two after every edit of random edit sequences).
 */
import type { DateValue, Item, MinutesDocument, NamedSpan } from './model';
import { findMentions } from './owners';
import {
  datesIn,
  documentOf,
  keptItems,
  meetingFacts,
  readItems,
  repeatKeys,
  type ParseOptions,
} from './parse';
import { assemble, type Assembled, type Part, type RawSection } from './reader/assemble';
import { foldScript } from './reader/script';
import { LineIndex } from './text';

/** A part read on its own, in offsets and lines counted from the part's start. */
interface PartReading {
  read: Assembled;
  /** Per raw item, what makes a repeat of it the same item. */
  keys: string[];
  mentions: NamedSpan[];
  /** The part's dates and items for the document-level facts they were last read with. */
  items: { facts: string; dates: DateValue[]; items: Item[] } | null;
  /** The part's reading where it last stood in the document. */
  placed: { at: string; read: Assembled; items: Item[]; dates: DateValue[]; mentions: NamedSpan[] } | null;
}

/** Where a part stands: how far its offsets, lines and section numbers are from the part's own. */
interface Placement {
  offset: number;
  line: number;
  section: number;
}

const INDENT = /^[ \t\u3000\uFEFF]*/;
/** Lines that may open a heading, fenced code, or close front matter (each checked as the block reader does). */
const CANDIDATE = /^(?:#|[ \t\u3000\uFEFF]*(?:```|~~~|---|\.\.\.))/gm;

/**
 * The offsets where a part may start: lines that begin with a Markdown heading, outside the front matter and
 * fenced code (as the block reader reads them).
 */
export function partStarts(text: string): number[] {
  const contentAt = (at: number): string => {
    const end = text.slice(at).search(/[\r\n]/);
    const line = end < 0 ? text.slice(at) : text.slice(at, at + end);
    return line.slice(INDENT.exec(line)![0].length).trimEnd();
  };
  const starts: number[] = [];
  let inFront = contentAt(0) === '---';
  let inFence = false;
  CANDIDATE.lastIndex = inFront ? 1 : 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = m.index;
    if (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') continue;
    const content = contentAt(at);
    if (inFront) {
      if (content === '---' || content === '...') inFront = false;
    } else if (/^(?:```|~~~)/.test(content)) inFence = !inFence;
    else if (!inFence && text[at] === '#' && /^#{1,6}[ \t]+/.test(content)) starts.push(at);
  }
  return starts;
}

/** A copy of `value` moved to where its part stands. */
function placed<T>(value: T, by: Placement): T {
  if (Array.isArray(value)) return value.map((v: unknown) => placed(v, by)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'number') {
      if (key === 'start' || key === 'end' || key === 'bodyStart') out[key] = v + by.offset;
      else if (key === 'fromLine' || key === 'toLine' || key === 'line' || key === 'lastLine')
        out[key] = v === Number.MAX_SAFE_INTEGER ? v : v + by.line;
      else if (key === 'section') out[key] = v + by.section;
      else out[key] = v;
    } else if (key === 'scope' && typeof v === 'string') {
      out[key] = v.replace(/^\d+(?=:)/, (n) => String(Number(n) + by.section));
    } else out[key] = placed(v, by);
  }
  return out as T;
}

/** Reads a document again and again as it is edited, re-reading only the parts an edit changed. */
export class IncrementalReader {
  private parts = new Map<string, PartReading>();

  constructor(private readonly options: ParseOptions = {}) {}

  /** The model of `original`: the one `parse(original, options)` gives. */
  read(original: string): MinutesDocument {
    const text = foldScript(original);
    const lines = new LineIndex(original);
    const starts = partStarts(original);
    const used = new Map<string, PartReading>();
    const parts: { start: number; end: number; reading: PartReading }[] = [];
    const headings = new Headings();
    let start = 0;
    for (let k = 0; k <= starts.length; k++) {
      const end = k < starts.length ? starts[k] : original.length;
      if (end <= start) continue;
      const before = start === 0 ? null : headings.before();
      const key = `${before ? headings.signature() : '-'}${end < original.length ? 'f' : 'e'}\u0000${original.slice(start, end)}`;
      const reading = used.get(key) ?? this.parts.get(key) ?? readPart(original, text, start, end, before);
      // A heading starts a part only after a title or a section, and with no suppression left open.
      if (end < original.length && !headings.opened(reading.read, original.slice(start, end))) continue;
      used.set(key, reading);
      parts.push({ start, end, reading });
      headings.add(reading.read);
      start = end;
    }
    this.parts = used;

    // The document's structure, each part where it stands.
    const read: Assembled = {
      labels: [],
      title: null,
      header: [],
      sections: [],
      items: [],
      suppressions: [],
    };
    const placements: Placement[] = [];
    for (const part of parts) {
      const by = { offset: part.start, line: lines.lineAt(part.start), section: read.sections.length };
      placements.push(by);
      const own = this.place(part.reading, by).read;
      read.title ??= own.title;
      for (const [to, from] of [
        [read.header, own.header],
        [read.sections, own.sections],
        [read.labels, own.labels],
        [read.suppressions, own.suppressions],
        [read.items, own.items],
      ] as unknown[][][])
        for (const x of from) to.push(x);
    }

    const { meeting, nextMeeting } = meetingFacts(text, read, this.options.referenceDate ?? null);
    const kept = keptItems(
      read.items,
      parts.flatMap((p) => p.reading.keys),
    );
    const items: Item[] = [];
    const dates: DateValue[] = [];
    const mentions: NamedSpan[] = [];
    let first = 0;
    parts.forEach((part, k) => {
      const reading = part.reading;
      const count = reading.read.items.length;
      const mask = kept.slice(first, first + count);
      first += count;
      const facts = `${meeting.date}|${nextMeeting}|${mask.map((m) => (m ? 1 : 0)).join('')}`;
      if (reading.items?.facts !== facts) {
        const own = text.slice(part.start, part.end);
        const partDates = datesIn(own, meeting.date);
        const isKnown = this.options.isKnownUnit ?? (() => false);
        reading.items = {
          facts,
          dates: partDates,
          items: readItems(own, reading.read.items, mask, partDates, meeting, nextMeeting, isKnown),
        };
        reading.placed = null;
      }
      const at = this.place(reading, placements[k]);
      for (const x of at.items) items.push(x);
      for (const x of at.dates) dates.push(x);
      for (const x of at.mentions) mentions.push(x);
    });
    return documentOf(original, text, lines, read, meeting, items, dates, mentions);
  }

  /** The part's reading moved to where it stands (kept until it stands elsewhere or is read again). */
  private place(reading: PartReading, by: Placement): NonNullable<PartReading['placed']> {
    const at = `${by.offset}:${by.line}:${by.section}`;
    if (reading.placed?.at === at) return reading.placed;
    const moved = (by.offset | by.line | by.section) !== 0;
    const move = <T>(v: T): T => (moved ? placed(v, by) : v);
    reading.placed = {
      at,
      read: move(reading.read),
      items: move(reading.items?.items ?? []),
      dates: move(reading.items?.dates ?? []),
      mentions: move(reading.mentions),
    };
    return reading.placed;
  }
}

/** What the parts read so far give the next: whether they hold a title or a section, and their headings' levels. */
class Headings {
  private titled = false;
  private sections = 0;
  /** Per Markdown level, the last section of that level read so far (its place and whether it has items). */
  private readonly last: ({ at: number; items: boolean } | null)[] = [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ];

  /** Whether a heading after `read` (the part just read) starts a part of its own. */
  opened(read: Assembled, text: string): boolean {
    const suppressing =
      read.suppressions.some((s) => s.toLine === Number.MAX_SAFE_INTEGER) ||
      text.includes('minutes-disable-next-line');
    return (this.titled || read.title !== null || this.sections + read.sections.length > 0) && !suppressing;
  }

  add(read: Assembled): void {
    this.titled ||= read.title !== null;
    for (const s of read.sections) {
      if (s.level > 0) this.last[s.level] = { at: this.sections, items: s.items };
      this.sections++;
    }
  }

  /** The section a heading of `level` stands under: the last with a lower Markdown level. */
  private parent(level: number): Pick<RawSection, 'items'> | null {
    let found: { at: number; items: boolean } | null = null;
    for (let l = 1; l < Math.min(level, 7); l++) {
      const s = this.last[l];
      if (s && (!found || s.at > found.at)) found = s;
    }
    return found;
  }

  before(): NonNullable<Part['before']> {
    const parents = [0, 1, 2, 3, 4, 5, 6].map((level) => this.parent(level));
    return { parent: (level) => parents[Math.min(level, 6)] };
  }

  /** What a part's reading depends on in the text before it. */
  signature(): string {
    let s = '';
    for (let level = 2; level <= 6; level++) {
      const p = this.parent(level);
      s += p === null ? 'n' : p.items ? 'y' : 'x';
    }
    return s;
  }
}

function readPart(
  original: string,
  text: string,
  start: number,
  end: number,
  before: Part['before'],
): PartReading {
  const own = text.slice(start, end);
  const read = assemble(own, new LineIndex(original.slice(start, end)), {
    before,
    followed: end < original.length,
  });
  return {
    read,
    keys: repeatKeys(own, read.items),
    mentions: findMentions(own, 0, own.length).map((m) => ({ name: m.name, span: m.span })),
    items: null,
    placed: null,
  };
}
