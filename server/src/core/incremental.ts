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
import type { DateValue, Item, MinutesDocument, NamedSpan, NumberLabel, Span } from './model';
import { findMentions } from './owners';
import {
  datesIn,
  documentOf,
  firstAtOrAfter,
  keptItems,
  meetingFacts,
  parse,
  readItems,
  repeatKeys,
  type ParseOptions,
} from './parse';
import { assemble, type Assembled, type Part, type RawItem, type RawSection } from './reader/assemble';
import { foldScript } from './reader/script';
import { LineIndex } from './text';
import type { PartChecks, Reports } from './validate';

/** A part read on its own, in offsets and lines counted from the part's start. */
interface PartReading {
  /** The part's text with its traditional script folded (`foldScript`). */
  folded: string;
  read: Assembled;
  /** Per raw item, what makes a repeat of it the same item. */
  keys: string[];
  mentions: NamedSpan[];
  /** The part's dates and items for the document-level facts they were last read with. */
  items: { facts: string; dates: DateValue[]; items: Item[] } | null;
  /** Per raw item, its item read as if it repeated none before it, for the meeting's date and next meeting. */
  all: { facts: string; dates: DateValue[]; items: (Item | null)[] } | null;
  /** The part's reading where it last stood in the document. */
  placed: { at: string; read: Assembled; items: Item[]; dates: DateValue[]; mentions: NamedSpan[] } | null;
  /**
   * What the part-wise rules reported for the part's items (`items`), with the meeting's facts they were
   * checked with; lines counted from the part's first line.
   */
  checked: { items: PartReading['items']; facts: string; reports: Reports } | null;
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

// Copies of a part's reading moved to where the part stands: offsets, lines and section numbers.

const spanAt = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
const labelAt = (l: NumberLabel, d: number): NumberLabel => ({ ...l, span: spanAt(l.span, d) });
const namedAt = (n: NamedSpan, d: number): NamedSpan => ({ name: n.name, span: spanAt(n.span, d) });
const lineAt = (line: number, by: Placement): number =>
  line === Number.MAX_SAFE_INTEGER ? line : line + by.line;

function assembledAt(read: Assembled, by: Placement): Assembled {
  const d = by.offset;
  return {
    labels: read.labels.map((l) => ({
      label: labelAt(l.label, d),
      scope: l.scope.replace(/^\d+(?=:)/, (n) => String(Number(n) + by.section)),
    })),
    title: read.title && { text: read.title.text, span: spanAt(read.title.span, d) },
    header: read.header.map((h) => ({
      ...h,
      values: h.values.map((v) => namedAt(v, d)),
      span: spanAt(h.span, d),
      valueSpan: spanAt(h.valueSpan, d),
    })),
    sections: read.sections.map((s) => ({
      ...s,
      headingSpan: spanAt(s.headingSpan, d),
      span: spanAt(s.span, d),
      number: s.number && labelAt(s.number, d),
    })),
    // The document's raw items are only counted and compared by section (`keptItems`).
    items: [],
    suppressions: read.suppressions.map((s) => ({
      rules: s.rules,
      fromLine: lineAt(s.fromLine, by),
      toLine: lineAt(s.toLine, by),
    })),
  };
}

function itemAt(item: Item, by: Placement): Item {
  const d = by.offset;
  return {
    ...item,
    section: item.section === null ? null : item.section + by.section,
    number: item.number && labelAt(item.number, d),
    span: spanAt(item.span, d),
    headSpan: spanAt(item.headSpan, d),
    owners: item.owners.map((o) => ({ ...o, span: spanAt(o.span, d) })),
    deadline: item.deadline && { ...item.deadline, span: spanAt(item.deadline.span, d) },
    vagueDeadlines: item.vagueDeadlines.map((v) => spanAt(v, d)),
    statusSpan: item.statusSpan && spanAt(item.statusSpan, d),
  };
}

/** Reads a document again and again as it is edited, re-reading only the parts an edit changed. */
export class IncrementalReader {
  /** The parts of the last read, by what they depend on before them and by their text. */
  private parts = new Map<string, Map<string, PartReading>>();

  /** The model of the last read and its parts, each with the line it starts on. */
  private last: {
    doc: MinutesDocument;
    parts: { start: number; end: number; reading: PartReading; line: number }[];
  } | null = null;

  /** `partsFrom`: documents shorter than this (in UTF-16 units) are read whole. */
  constructor(
    private readonly options: ParseOptions = {},
    private readonly partsFrom = 0,
  ) {}

  /** The model of `original`: the one `parse(original, options)` gives. */
  read(original: string): MinutesDocument {
    const starts = original.length < this.partsFrom ? [] : partStarts(original);
    // Minutes in one part, or short ones, are read whole: there is nothing to keep, or little to gain.
    if (original.length < this.partsFrom || starts.length === 0 || (starts.length === 1 && starts[0] === 0)) {
      this.parts = new Map();
      this.last = null;
      return parse(original, this.options);
    }
    const lines = new LineIndex(original);
    const used = new Map<string, Map<string, PartReading>>();
    const parts: { start: number; end: number; reading: PartReading }[] = [];
    const headings = new Headings();
    let start = 0;
    for (let k = 0; k <= starts.length; k++) {
      const end = k < starts.length ? starts[k] : original.length;
      if (end <= start) continue;
      const before = start === 0 ? null : headings.before();
      const context = `${before ? headings.signature() : '-'}${end < original.length ? 'f' : 'e'}`;
      const own = original.slice(start, end);
      const again = used.get(context)?.get(own);
      // A part written twice shares its reading, not the items and checks read for where each stands.
      const reading = again
        ? { ...again, items: null, all: null, placed: null, checked: null }
        : (this.parts.get(context)?.get(own) ?? readPart(own, before, end < original.length));
      // A heading starts a part only after a title or a section, and with no suppression left open.
      if (end < original.length && !headings.opened(reading.read, own)) continue;
      if (!used.has(context)) used.set(context, new Map());
      if (!again) used.get(context)!.set(own, reading);
      parts.push({ start, end, reading });
      headings.add(reading.read);
      start = end;
    }
    this.parts = used;
    const text = parts.map((p) => p.reading.folded).join('');

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
    const raws: Pick<RawItem, 'start' | 'end' | 'section'>[] = [];
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
      ] as unknown[][][])
        for (const x of from) to.push(x);
      for (const raw of part.reading.read.items)
        raws.push({
          start: raw.start,
          end: raw.end,
          section: raw.section === null ? null : raw.section + by.section,
        });
    }

    const { meeting, nextMeeting } = meetingFacts(text, read, this.options.referenceDate ?? null);
    const kept = keptItems(
      raws,
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
      const meetingFacts = `${meeting.date}|${nextMeeting}`;
      const facts = `${meetingFacts}|${mask.map((m) => (m ? 1 : 0)).join('')}`;
      if (reading.items?.facts !== facts) {
        const own = reading.folded;
        const raws = reading.read.items;
        const isKnown = this.options.isKnownUnit ?? (() => false);
        // Every item read as if none repeated one before it; the repeats are then left out. A point whose
        // lead is left out has no lead to take owners from: then the part's items are read as they stand.
        if (reading.all?.facts !== meetingFacts) {
          const dates = datesIn(own, meeting.date);
          const every = raws.map((raw) => raw.end > raw.start);
          const read = readItems(own, raws, every, dates, meeting, nextMeeting, isKnown);
          let next = 0;
          reading.all = { facts: meetingFacts, dates, items: every.map((e) => (e ? read[next++] : null)) };
        }
        const all = reading.all;
        const leadLeftOut = raws.some((raw, r) => mask[r] && raw.lead && !mask[raws.indexOf(raw.lead)]);
        reading.items = {
          facts,
          dates: all.dates,
          items: leadLeftOut
            ? readItems(own, raws, mask, all.dates, meeting, nextMeeting, isKnown)
            : all.items.filter((item, r): item is Item => mask[r] && item !== null),
        };
        reading.placed = null;
      }
      const at = this.place(reading, placements[k]);
      for (const x of at.items) items.push(x);
      for (const x of at.dates) dates.push(x);
      for (const x of at.mentions) mentions.push(x);
    });
    const doc = documentOf(original, text, lines, read, meeting, items, dates, mentions);
    this.last = { doc, parts: parts.map((p, k) => ({ ...p, line: placements[k].line })) };
    return doc;
  }

  /**
   * The model of `text`, read from this reader's parts where they are the same, leaving this reader as it
   * was: another reader reads it, with copies of the parts' readings (reading sets their fields).
   */
  peek(text: string): MinutesDocument {
    const fork = new IncrementalReader(this.options, this.partsFrom);
    for (const [context, readings] of this.parts)
      fork.parts.set(context, new Map([...readings].map(([own, reading]) => [own, { ...reading }])));
    return fork.read(text);
  }

  /**
   * For the model of the last read, its parts to check a part at a time (`validate`): a part whose reading
   * and meeting facts did not change keeps what the rules reported for it. Null for any other model.
   */
  checks(doc: MinutesDocument): PartChecks | null {
    const last = this.last;
    if (!last || last.doc !== doc) return null;
    return (check) => {
      // The part-wise rules read the meeting's date, and its attendees as names the registry knows.
      const attending = new Set([...doc.meeting.attendees, ...doc.meeting.observers]);
      let first = 0;
      return last.parts.map(({ start, end, reading, line }) => {
        const count = reading.items?.items.length ?? 0;
        const own = doc.items.slice(first, first + count);
        first += count;
        const inPart = <T extends { span: Span }>(list: T[]): T[] =>
          list.slice(firstAtOrAfter(list, start), firstAtOrAfter(list, end));
        const mentions = inPart(doc.mentions);
        const facts = JSON.stringify([
          doc.meeting.date,
          mentions.filter((m) => attending.has(m.name)).map((m) => m.name),
        ]);
        const checked = reading.checked;
        if (checked && checked.items === reading.items && checked.facts === facts)
          return reportsAt(checked.reports, line);
        const view = { ...doc, items: own, mentions, dates: inPart(doc.dates) };
        const reports = check(view);
        reading.checked = { items: reading.items, facts, reports: reportsAt(reports, -line) };
        return reports;
      });
    };
  }

  /** The part's reading moved to where it stands (kept until it stands elsewhere or is read again). */
  private place(reading: PartReading, by: Placement): NonNullable<PartReading['placed']> {
    const at = `${by.offset}:${by.line}:${by.section}`;
    if (reading.placed?.at === at) return reading.placed;
    const d = by.offset;
    reading.placed = {
      at,
      read: assembledAt(reading.read, by),
      items: (reading.items?.items ?? []).map((i) => itemAt(i, by)),
      dates: (reading.items?.dates ?? []).map((v) => ({ ...v, span: spanAt(v.span, d) })),
      mentions: reading.mentions.map((m) => namedAt(m, d)),
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

function readPart(original: string, before: Part['before'], followed: boolean): PartReading {
  const folded = foldScript(original);
  const read = assemble(folded, new LineIndex(original), { before, followed });
  return {
    folded,
    read,
    keys: repeatKeys(folded, read.items),
    mentions: findMentions(folded, 0, folded.length).map((m) => ({ name: m.name, span: m.span })),
    items: null,
    all: null,
    placed: null,
    checked: null,
  };
}

/** Reports with their lines moved by `lines`. */
function reportsAt(reports: Reports, lines: number): Reports {
  const out: Reports = {};
  for (const [rule, r] of Object.entries(reports)) {
    out[rule] = {
      count: r.count,
      diagnostics: r.diagnostics.map((d) => ({
        ...d,
        range: {
          start: { line: d.range.start.line + lines, character: d.range.start.character },
          end: { line: d.range.end.line + lines, character: d.range.end.character },
        },
      })),
    };
  }
  return out;
}
