/**
 * What one document gives the ledger: its accountable items with their ids, status and progress, and the
 * entries of its follow-up sections with the earlier items they refer to. Pure: the parsed document in,
 * plain data out (kept by the server's workspace index, passed between documents).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Locale } from '../api';
import { findDates } from '../dates';
import { scriptCounts } from '../features/items';
import type { Item, MinutesDocument, Span } from '../model';
import { FOLLOW_UP_HEADINGS } from '../reader/lexicon';
import { alternation, trimEndOf } from '../text';
import { assignments } from '../rules/rule';
import {
  CARRY_OVER_MARKERS,
  FIELD_LABELS,
  PROGRESS_LABELS,
  STATUS_LABEL_WORDS,
  STATUS_WORDS,
  statusOfWord,
  type LedgerStatus,
} from './vocabulary';

/** How an entry names an earlier item: by its id, or by quoting the item's beginning. */
export interface Reference {
  id: string | null;
  quote: string | null;
  span: Span;
  range: Range;
}

/** What a document says of a task's state; each part null when not said. */
export interface StatusReport {
  status: LedgerStatus | null;
  /** ISO date of completion (`状态：已完成（3月28日）`, `Status: done 2024-03-28`). */
  completedOn: string | null;
  progress: string | null;
}

export interface LedgerItem extends StatusReport {
  /** Meeting date + number (`2024-03-15-3`), or the id pinned by `{#…}` / `<!-- id: … -->`. */
  id: string;
  pinned: boolean;
  /** The item's own words, without its number, owners and deadline. */
  text: string;
  lead: string[];
  support: string[];
  deadline: { text: string; date: string | null } | null;
  span: Span;
  range: Range;
  /** For a task assigned again (再次部署, carried over): the earlier item it continues. */
  origin: Reference | null;
}

export interface FollowUp extends StatusReport {
  ref: Reference;
  span: Span;
  range: Range;
}

export interface LedgerDocument {
  file: string;
  title: string | null;
  meetingDate: string | null;
  /** The language the minutes are written in: the sheet's headings follow it. */
  language: Locale;
  items: LedgerItem[];
  followUps: FollowUp[];
}

const ID = '[A-Za-z0-9](?:[A-Za-z0-9_-]|\\.(?=[A-Za-z0-9]))*';
/** An explicit anchor: `{#2024-03-15-3}` or the comment form `<!-- id: 2024-03-15-3 -->`. */
const ANCHOR = new RegExp(`\\{#(${ID})\\}|<!--[ \\t]*id:[ \\t]*(${ID})[ \\t]*-->`, 'g');
/** An id written in running text: a meeting date and a number or name. */
const BARE_ID = /(?<![\w-])\d{4}-\d{2}-\d{2}-[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*/g;
const QUOTED = /[“"「『‘]([^“”"「」『』‘’\n]{2,120})[”"」』’]/;
const STATUS_LINE = new RegExp(
  `(?:${alternation(STATUS_LABEL_WORDS)})[ \\t]*[:：][ \\t]*(${alternation(STATUS_WORDS.map(([w]) => w))})([^\\n；;]*)`,
  'i',
);
const PROGRESS_LINE = new RegExp(`(?:${alternation(PROGRESS_LABELS)})[ \\t]*[:：][ \\t]*([^\\n]*)`, 'i');
const BARE_STATUS = new RegExp(
  `(?<![A-Za-z])(${alternation(STATUS_WORDS.map(([w]) => w))})(?![A-Za-z])`,
  'i',
);
const FOLLOW_UP = new RegExp(alternation(FOLLOW_UP_HEADINGS), 'i');
const CARRY_OVER = new RegExp(`(?:${alternation(CARRY_OVER_MARKERS)})[ \\t]*[:：,，]?[ \\t]*`, 'i');
const FIELD = new RegExp(`(?:${alternation(FIELD_LABELS)})[ \\t]*[:：]`, 'i');
const LEADER =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]*)?(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）.、][ \t]*)?/;
/** Trimmed from the end of an item's words (with `trimEndOf`: a pattern anchored at the end is quadratic). */
const TRAILING = ' \t\n\r\u3000。；;，,.:：、';

/** Whether a section heading opens a follow-up section (上次会议议定事项落实情况, Matters arising…). */
export function isFollowUpHeading(heading: string): boolean {
  return FOLLOW_UP.test(heading);
}

/** Lower-case, no spaces or punctuation: how quotes and item texts are compared. */
export function normalizeQuote(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * A completion date in `text`: a date without a year falls in the meeting's year (a task reported done on
 * 4月10日 in minutes of that year), not, as a deadline would, on its next occurrence.
 */
function completionDate(text: string, meetingDate: string | null): string | null {
  const anchor = meetingDate ? `${meetingDate.slice(0, 4)}-01-01` : null;
  return findDates(text, anchor).find((d) => d.date)?.date ?? null;
}

/** The state a piece of text reports: a status label (or, when `bare`, a status word), progress, completion. */
export function statusReport(text: string, meetingDate: string | null, bare: boolean): StatusReport {
  const progressMatch = PROGRESS_LINE.exec(text);
  const progress = progressMatch ? progressMatch[1].trimEnd() || null : null;
  const rest = progressMatch ? text.slice(0, progressMatch.index) : text;
  const labelled = STATUS_LINE.exec(rest);
  let status: LedgerStatus | null = null;
  let completedOn: string | null = null;
  if (labelled) {
    status = statusOfWord(labelled[1]);
    if (status === 'done') completedOn = completionDate(labelled[2], meetingDate);
  } else if (bare) {
    const word = BARE_STATUS.exec(rest);
    if (word) {
      status = statusOfWord(word[1]);
      const after = rest.slice(word.index + word[0].length).split(/[\n；;]/)[0];
      if (status === 'done') completedOn = completionDate(after, meetingDate);
    }
  }
  return { status, completedOn, progress: progress && progress.length > 0 ? progress : null };
}

/** The item's own words: its first line without number, box, anchors, owners and deadline. */
export function itemText(first: string): string {
  let text = first.replace(LEADER, '').replace(ANCHOR, '');
  const field = FIELD.exec(text);
  if (field && field.index > 0) text = text.slice(0, field.index);
  return trimEndOf(text, TRAILING).trim();
}

/** The first explicit id (anchor or bare) in `text`, with its offsets. */
function findId(text: string, anchors: boolean): { id: string; start: number; end: number } | null {
  ANCHOR.lastIndex = 0;
  BARE_ID.lastIndex = 0;
  const anchor = anchors ? ANCHOR.exec(text) : null;
  const bare = BARE_ID.exec(text);
  const found = [
    anchor && { id: anchor[1] ?? anchor[2], start: anchor.index, end: anchor.index + anchor[0].length },
    bare && { id: bare[0], start: bare.index, end: bare.index + bare[0].length },
  ].filter((f): f is { id: string; start: number; end: number } => f !== null);
  found.sort((a, b) => a.start - b.start);
  return found[0] ?? null;
}

/** The reference made by `text` (at `offset` in `doc`): an id, a quotation, else its leading words. */
function reference(doc: MinutesDocument, text: string, offset: number, anchors: boolean): Reference | null {
  const make = (id: string | null, quote: string | null, start: number, end: number): Reference => {
    const span = { start: offset + start, end: offset + end };
    return { id, quote, span, range: doc.lines.range(span) };
  };
  const id = findId(text, anchors);
  if (id) return make(id.id, null, id.start, id.end);
  const quoted = QUOTED.exec(text);
  if (quoted) return make(null, quoted[1].trim(), quoted.index, quoted.index + quoted[0].length);
  const lead = LEADER.exec(text)?.[0].length ?? 0;
  const words = /^[^\n:：，,。；;（(]+/.exec(text.slice(lead))?.[0].trim() ?? '';
  if (normalizeQuote(words).length < 2) return null;
  return make(null, words, lead, lead + words.length);
}

function firstLine(doc: MinutesDocument, span: Span): string {
  const text = doc.text.slice(span.start, span.end);
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

function language(doc: MinutesDocument): Locale {
  const { han, latin } = scriptCounts(doc.text);
  return han >= latin ? 'zh-CN' : 'en';
}

/** The base of derived ids: the meeting date, else the file name without its extensions. */
function idBase(doc: MinutesDocument, file: string): string {
  if (doc.meeting.date) return doc.meeting.date;
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.minutes(\.md)?$|\.[^.]*$/i, '') || 'minutes';
}

/**
 * Derived numbers: the items' own numbers when each has one and no two share it, else their order. Either
 * way an item keeps its id when its text or its neighbours' texts change.
 */
function numbers(items: Item[]): number[] {
  const own = items.map((i) => i.number?.value ?? null);
  const unique = new Set(own).size === own.length && own.every((n) => n !== null);
  return unique ? (own as number[]) : items.map((_, i) => i + 1);
}

/** A line that only reports a state (`状态：…`, `进展：…`, `Status: …`): it belongs to the item above it. */
const STATE_LINE = new RegExp(
  `^(?:${alternation([...STATUS_LABEL_WORDS, ...PROGRESS_LABELS])})[ \\t]*[:：]`,
  'i',
);
/** Where an entry of a follow-up section starts: a bullet or a number at the line start. */
const ENTRY_START = /^[ \t]*(?:[-*+][ \t]+|[（(]?[0-9一二三四五六七八九十]{1,3}[)）.、])/;

/**
 * The entries of a follow-up section, read from its text: each starts at a bullet or number and runs over
 * the indented lines below it, to a blank line or the next entry.
 */
function entries(doc: MinutesDocument, span: Span, headingEnd: number): Span[] {
  const out: Span[] = [];
  let current: Span | null = null;
  const first = doc.text.indexOf('\n', headingEnd);
  if (first < 0 || first >= span.end) return out;
  let at = first + 1;
  while (at < span.end) {
    const newline = doc.text.indexOf('\n', at);
    const end = newline < 0 || newline > span.end ? span.end : newline;
    const line = doc.text.slice(at, end);
    if (ENTRY_START.test(line)) {
      current = { start: at, end };
      out.push(current);
    } else if (line.trim() === '' || !/^[ \t\u3000]/.test(line)) {
      current = null;
    } else if (current) {
      current.end = end;
    }
    at = end + 1;
  }
  return out;
}

/** A task, with the state lines below it that the reader may give as items of their own. */
interface Task {
  item: Item;
  span: Span;
}

/** The accountable items outside follow-up sections, each with the state lines below it joined to it. */
function tasksOf(doc: MinutesDocument, inFollowUp: (item: Item) => boolean): Task[] {
  const tasks: Task[] = [];
  for (const item of assignments(doc)) {
    if (inFollowUp(item)) continue;
    const last = tasks[tasks.length - 1];
    if (
      last &&
      last.item.section === item.section &&
      !item.deadline &&
      STATE_LINE.test(doc.text.slice(item.span.start, item.span.end).trimStart())
    ) {
      last.span = { start: last.span.start, end: item.span.end };
      continue;
    }
    tasks.push({ item, span: item.span });
  }
  return tasks;
}

/** Whether the minutes can refer to earlier items at all: a follow-up section or a re-assigned task. */
export function mayRefer(doc: MinutesDocument): boolean {
  return doc.sections.some((s) => isFollowUpHeading(s.heading)) || CARRY_OVER.test(doc.text);
}

/** One extraction per parsed document and file name: checking, the outline, hover and the index share it. */
const extracted = new WeakMap<MinutesDocument, { file: string; ledger: LedgerDocument }>();

export function ledgerDocument(doc: MinutesDocument, file: string): LedgerDocument {
  const known = extracted.get(doc);
  if (known?.file === file) return known.ledger;
  const ledger = extract(doc, file);
  extracted.set(doc, { file, ledger });
  return ledger;
}

/** The indexes of the document's follow-up sections. */
function followUpSectionsOf(doc: MinutesDocument): number[] {
  return doc.sections.flatMap((s, i) => (isFollowUpHeading(s.heading) ? [i] : []));
}

/** The tasks outside the follow-up sections, each with the id derived for it (meeting date and number). */
function numberedTasks(
  doc: MinutesDocument,
  file: string,
  followUpSections: number[],
): { tasks: Task[]; derivedId: (task: number) => string } {
  const tasks = tasksOf(doc, (item) => item.section !== null && followUpSections.includes(item.section));
  const base = idBase(doc, file);
  const nums = numbers(tasks.map((t) => t.item));
  return { tasks, derivedId: (task) => `${base}-${nums[task]}` };
}

/** A task's pinned id (`{#…}`, `<!-- id: … -->`), or null. */
function pinnedId(body: string): string | null {
  ANCHOR.lastIndex = 0;
  const anchor = ANCHOR.exec(body);
  return anchor ? (anchor[1] ?? anchor[2]) : null;
}

/** What a task's own lines report of it, its checkbox when they say nothing. */
function taskReport(item: Item, body: string, meetingDate: string | null): StatusReport {
  const report = statusReport(body, meetingDate, false);
  return { ...report, status: report.status ?? (item.status === 'done' ? 'done' : null) };
}

/**
 * The ledger's id and status of each task whose item `wanted` picks, by where the task starts: what
 * `ledgerDocument` gives those tasks, without working out the others (the overdue rule asks this of the
 * overdue items on every edit).
 */
export function taskStatuses(
  doc: MinutesDocument,
  file: string,
  wanted: (item: Item) => boolean,
): Map<number, { id: string; status: LedgerStatus | null }> {
  const known = extracted.get(doc);
  if (known?.file === file) return new Map(known.ledger.items.map((i) => [i.span.start, i]));
  const out = new Map<number, { id: string; status: LedgerStatus | null }>();
  const { tasks, derivedId } = numberedTasks(doc, file, followUpSectionsOf(doc));
  tasks.forEach(({ item, span }, task) => {
    if (!wanted(item)) return;
    const body = doc.text.slice(span.start, span.end);
    const id = pinnedId(body) ?? derivedId(task);
    out.set(span.start, { id, status: taskReport(item, body, doc.meeting.date).status });
  });
  return out;
}

function extract(doc: MinutesDocument, file: string): LedgerDocument {
  const meetingDate = doc.meeting.date;
  const followUpSections = followUpSectionsOf(doc);
  const { tasks, derivedId } = numberedTasks(doc, file, followUpSections);
  const items: LedgerItem[] = tasks.map(({ item, span }, task) => {
    const body = doc.text.slice(span.start, span.end);
    const pinned = pinnedId(body);
    const carry = CARRY_OVER.exec(body);
    const rest = carry ? body.slice(carry.index + carry[0].length) : '';
    const origin = carry ? reference(doc, rest, span.start + carry.index + carry[0].length, false) : null;
    return {
      id: pinned ?? derivedId(task),
      pinned: pinned !== null,
      text: itemText(firstLine(doc, span)),
      lead: item.owners.filter((o) => o.role !== 'support').map((o) => o.name),
      support: item.owners.filter((o) => o.role === 'support').map((o) => o.name),
      deadline: item.deadline ? { text: item.deadline.text, date: item.deadline.date } : null,
      ...taskReport(item, body, meetingDate),
      span,
      range: doc.lines.range(span),
      origin: origin && (origin.id !== null || origin.quote !== null) ? origin : null,
    };
  });
  const followUps: FollowUp[] = [];
  for (const index of followUpSections) {
    const section = doc.sections[index];
    for (const span of entries(doc, section.span, section.headingSpan.end)) {
      const body = doc.text.slice(span.start, span.end);
      const ref = reference(doc, body, span.start, true);
      if (!ref) continue;
      followUps.push({ ref, ...statusReport(body, meetingDate, true), span, range: doc.lines.range(span) });
    }
  }
  return { file, title: doc.title?.text ?? null, meetingDate, language: language(doc), items, followUps };
}
