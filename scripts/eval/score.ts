/**
 * Scoring the `minutes actions` report of one document against its hand label (docs/eval.md gives the rules).
 * Pure: the document's text, its label and the reported record in, figures out.
 */
import type { DocumentRecord, ItemRecord } from '../../server/src/core/api';
import { findDates, findMeetingDate, isValidIsoDate } from '../../server/src/core/dates';
import { LineIndex, shorten } from '../../server/src/core/text';

export interface LabelItem {
  quote: string;
  kind: string;
  owner: string | null;
  owner_vague: boolean;
  deadline: string | null;
  deadline_iso: string | null;
}

export interface Label {
  file: string;
  language: 'zh' | 'en';
  header: { date: string | null; chair: string | null };
  items: LabelItem[];
}

/** A count out of a total; `d` 0 means the figure does not apply. */
export interface Ratio {
  n: number;
  d: number;
}

export const FIGURES = [
  'recall',
  'oneToOne',
  'owner',
  'deadline',
  'date',
  'precision',
  'meetingDate',
  'chair',
] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, Ratio>;

export interface Miss {
  line: number;
  quote: string;
  kind: string;
  owner: string;
  deadline: string;
}

export interface Spurious {
  line: number;
  text: string;
}

export interface Mismatch {
  line: number;
  quote: string;
  figure: 'owner' | 'deadline' | 'date';
  expected: string;
  reported: string;
}

export interface DocumentScore {
  file: string;
  language: 'zh' | 'en';
  figures: Figures;
  /** Labels whose quote or header date could not be used; they are left out of the figures. */
  labelErrors: string[];
  misses: Miss[];
  spurious: Spurious[];
  mismatches: Mismatch[];
}

export class LabelError extends Error {}

/** How many characters into a quote a reported item may start and still count as the labelled item. */
export const LEAD = 16;

function fail(name: string, what: string): never {
  throw new LabelError(`${name}: ${what}`);
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

/** Checks the shape of a parsed label file; throws a LabelError naming the file and the first fault. */
export function parseLabel(json: unknown, name: string): Label {
  const o = json as Partial<Record<string, unknown>> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) fail(name, 'not a JSON object');
  if (typeof o.file !== 'string') fail(name, '"file" is not a string');
  if (o.language !== 'zh' && o.language !== 'en') fail(name, '"language" is neither "zh" nor "en"');
  const header = o.header as Partial<Record<string, unknown>> | null;
  if (typeof header !== 'object' || header === null) fail(name, '"header" is not an object');
  if (!isNullableString(header.date) || !isNullableString(header.chair)) {
    fail(name, '"header.date" or "header.chair" is neither a string nor null');
  }
  if (!Array.isArray(o.items)) fail(name, '"items" is not an array');
  const items = o.items.map((raw: unknown, i): LabelItem => {
    const it = raw as Partial<Record<string, unknown>> | null;
    const where = `items[${i}]`;
    if (typeof it !== 'object' || it === null) fail(name, `${where} is not an object`);
    if (typeof it.quote !== 'string' || it.quote === '')
      fail(name, `${where}.quote is not a non-empty string`);
    if (typeof it.kind !== 'string') fail(name, `${where}.kind is not a string`);
    if (typeof it.owner_vague !== 'boolean') fail(name, `${where}.owner_vague is not a boolean`);
    for (const key of ['owner', 'deadline', 'deadline_iso'] as const) {
      if (!isNullableString(it[key])) fail(name, `${where}.${key} is neither a string nor null`);
    }
    return {
      quote: it.quote,
      kind: it.kind,
      owner: it.owner as string | null,
      owner_vague: it.owner_vague,
      deadline: it.deadline as string | null,
      deadline_iso: it.deadline_iso as string | null,
    };
  });
  return {
    file: o.file,
    language: o.language,
    header: { date: header.date, chair: header.chair },
    items,
  };
}

type OwnerCategory = 'none' | 'vague' | 'named';

function labelOwner(item: LabelItem): OwnerCategory {
  if (item.owner === null) return 'none';
  return item.owner_vague ? 'vague' : 'named';
}

function reportedOwner(item: ItemRecord): OwnerCategory {
  if (item.owners.length === 0) return 'none';
  return item.owners.every((o) => o.vague) ? 'vague' : 'named';
}

/** A reported deadline: the contract gives vague words (尽快, ASAP) apart, in `vagueDeadline`. */
function reportedHasDeadline(item: ItemRecord): boolean {
  return item.deadline !== null;
}

/**
 * The dates a label's `header.date` may stand for: ISO dates, or `MM-DD` when it gives no year. Read with the
 * core's date functions; numeric `5.19` or `09/08/24` the core leaves alone (the order is ambiguous), so here
 * every valid reading of them is kept. Empty when nothing is understood.
 */
export function labelMeetingDates(written: string): string[] {
  // `2025 年 9 月 6 日` is written with spaces around the numbers.
  const text = /[年月日]/.test(written) ? written.replace(/\s+/g, '') : written;
  const absolute = findMeetingDate(text);
  if (absolute) return [absolute.date];
  const partial = findDates(text, '2000-01-01').find((m) => m.date !== null);
  if (partial?.date) return [partial.date.slice(5)];
  const numeric = /^\s*(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?\s*$/.exec(written);
  if (!numeric) return [];
  const [a, b, y] = [numeric[1], numeric[2], numeric[3]];
  const year = y === undefined ? '2000' : y.length === 2 ? `20${y}` : y;
  const readings = [
    [a, b],
    [b, a],
  ].map(([m, d]) => `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
  return [...new Set(readings.filter(isValidIsoDate).map((iso) => (y === undefined ? iso.slice(5) : iso)))];
}

function meetingDateMatches(candidates: string[], reported: string | null): boolean {
  return (
    reported !== null && candidates.some((c) => (c.length === 5 ? reported.slice(5) === c : reported === c))
  );
}

function chairMatches(label: string, reported: string | null): boolean {
  if (reported === null) return false;
  const a = label.replace(/\s+/g, '');
  const b = reported.replace(/\s+/g, '');
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/** One line of at most 60 characters, for listings. */
function brief(text: string): string {
  return shorten(text.replace(/\s+/g, ' ').trim(), 60);
}

function ownerText(item: LabelItem): string {
  return item.owner === null ? 'none' : `${item.owner}${item.owner_vague ? ' (vague)' : ''}`;
}

function reportedOwnerText(item: ItemRecord): string {
  if (item.owners.length === 0) return 'none';
  return item.owners.map((o) => `${o.name}${o.vague ? ' (vague)' : ''}`).join('、');
}

function deadlineText(item: ItemRecord): string {
  if (item.deadline === null) return item.vagueDeadline ? `none (vague: ${item.vagueDeadline})` : 'none';
  return item.deadline.text;
}

interface Placed {
  item: ItemRecord;
  start: number;
  end: number;
  line: number;
}

interface Located {
  label: LabelItem;
  start: number;
  line: number;
}

/** Scores one document: `text` as the checker read it, its label, and the checker's record of it. */
export function scoreDocument(text: string, label: Label, reported: DocumentRecord): DocumentScore {
  const lines = new LineIndex(text);
  const labelErrors: string[] = [];

  const located: Located[] = [];
  let from = 0;
  for (const item of label.items) {
    const start = text.indexOf(item.quote, from);
    if (start < 0) {
      labelErrors.push(`quote not found after the previous one: "${brief(item.quote)}"`);
      continue;
    }
    located.push({ label: item, start, line: lines.positionAt(start).line });
    from = start + 1;
  }

  const placed: Placed[] = reported.items.map((item) => ({
    item,
    start: lines.offsetAt(item.range.start),
    end: lines.offsetAt(item.range.end),
    line: item.range.start.line,
  }));
  const leads = (p: Placed, q: Located): boolean => q.start <= p.start && p.start < q.start + LEAD;
  const covers = (p: Placed, q: Located): boolean => p.start <= q.start && q.start < p.end;
  const matches = (p: Placed, q: Located): boolean => leads(p, q) || covers(p, q);
  /** The preferred match among `pool`: an item starting within the quote's lead, else one covering it. */
  const pick = (q: Located, pool: Placed[]): Placed | undefined =>
    pool.find((p) => leads(p, q)) ?? pool.find((p) => covers(p, q));

  const figures: Figures = Object.fromEntries(FIGURES.map((f) => [f, { n: 0, d: 0 }])) as Figures;
  const misses: Miss[] = [];
  const mismatches: Mismatch[] = [];
  const assigned = new Set<Placed>();

  for (const q of located) {
    const l = q.label;
    figures.recall.d++;
    figures.oneToOne.d++;
    const own = pick(
      q,
      placed.filter((p) => !assigned.has(p)),
    );
    if (own) {
      assigned.add(own);
      figures.oneToOne.n++;
    }
    const match = own ?? pick(q, placed);
    if (!match) {
      misses.push({
        line: q.line + 1,
        quote: l.quote,
        kind: l.kind,
        owner: ownerText(l),
        deadline: l.deadline ?? 'none',
      });
      continue;
    }
    figures.recall.n++;
    const r = match.item;
    const mismatch = (figure: Mismatch['figure'], expected: string, got: string): void => {
      mismatches.push({ line: q.line + 1, quote: l.quote, figure, expected, reported: got });
    };

    figures.owner.d++;
    if (labelOwner(l) === reportedOwner(r)) figures.owner.n++;
    else mismatch('owner', ownerText(l), reportedOwnerText(r));

    figures.deadline.d++;
    if ((l.deadline !== null) === reportedHasDeadline(r)) figures.deadline.n++;
    else mismatch('deadline', l.deadline ?? 'none', deadlineText(r));

    if (l.deadline_iso !== null) {
      figures.date.d++;
      if (r.deadline?.date === l.deadline_iso) figures.date.n++;
      else mismatch('date', l.deadline_iso, r.deadline?.date ?? 'none');
    }
  }

  const quoteLines = new Set(located.map((q) => q.line));
  const spurious: Spurious[] = [];
  for (const p of placed) {
    figures.precision.d++;
    if (located.some((q) => matches(p, q)) || quoteLines.has(p.line)) figures.precision.n++;
    else spurious.push({ line: p.line + 1, text: brief(p.item.text) });
  }

  if (label.header.date !== null) {
    const candidates = labelMeetingDates(label.header.date);
    if (candidates.length === 0) {
      labelErrors.push(`header date not understood, not counted: "${label.header.date}"`);
    } else {
      figures.meetingDate.d++;
      if (meetingDateMatches(candidates, reported.meeting.date)) figures.meetingDate.n++;
    }
  }
  if (label.header.chair !== null) {
    figures.chair.d++;
    if (chairMatches(label.header.chair, reported.meeting.chair)) figures.chair.n++;
  }

  return { file: label.file, language: label.language, figures, labelErrors, misses, spurious, mismatches };
}

export type Scope = 'all' | 'zh' | 'en';
export type Totals = Record<Scope, Figures>;

/** Micro-averaged totals: sums of counts over all documents, and over each language's. */
export function totals(scores: DocumentScore[]): Totals {
  const sum = (pick: DocumentScore[]): Figures =>
    Object.fromEntries(
      FIGURES.map((f) => [
        f,
        pick.reduce((acc, s) => ({ n: acc.n + s.figures[f].n, d: acc.d + s.figures[f].d }), { n: 0, d: 0 }),
      ]),
    ) as Figures;
  return {
    all: sum(scores),
    zh: sum(scores.filter((s) => s.language === 'zh')),
    en: sum(scores.filter((s) => s.language === 'en')),
  };
}

export function ratio(r: Ratio): number | null {
  return r.d === 0 ? null : r.n / r.d;
}

/** The committed figures the ratchet holds: each total as a ratio (null when it does not apply). */
export type Baseline = Record<Scope, Record<Figure, number | null>>;

export function toBaseline(t: Totals): Baseline {
  const scope = (f: Figures): Record<Figure, number | null> =>
    Object.fromEntries(FIGURES.map((k) => [k, ratio(f[k])])) as Record<Figure, number | null>;
  return { all: scope(t.all), zh: scope(t.zh), en: scope(t.en) };
}

export const TOLERANCE = 1e-9;

/** Every figure of `current` below `baseline` (beyond the tolerance), as `all.recall 0.4100 < 0.4200`. */
export function regressions(baseline: Baseline, current: Baseline): string[] {
  const out: string[] = [];
  for (const scope of ['all', 'zh', 'en'] as const) {
    for (const f of FIGURES) {
      const was = baseline[scope][f];
      const now = current[scope][f];
      if (was === null) continue;
      if (now === null || now < was - TOLERANCE) {
        out.push(`${scope}.${f} ${now === null ? 'n/a' : now.toFixed(4)} < ${was.toFixed(4)}`);
      }
    }
  }
  return out;
}
