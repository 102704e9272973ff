/**
 * The parser: any string in, a `MinutesDocument` out, never an exception. The reader's stages
 * (`reader/`: blocks → sentences → item cues → assembly) give the title, header, sections and items; this
 * module then reads what needs the meeting date (dates, deadlines), the owners and the status of each item.
 */
import {
  addDays,
  endOfMonthNamed,
  MONTH_NAMES,
  findDates,
  findMeetingDate,
  findMeetingDay,
  findVagueDeadlines,
  isValidIsoDate,
  resolveDeadlineValue,
} from './dates';
import type {
  DateValue,
  Deadline,
  HeaderField,
  HeaderKey,
  Item,
  ItemStatus,
  Meeting,
  MinutesDocument,
  NamedSpan,
  NumberLabel,
  Owner,
  Section,
  Span,
} from './model';
import { findMentions, findOwners, type IsKnownUnit } from './owners';
import { findPlaceholders } from './placeholders';
import { assemble, type Assembled, type ListLabel, type RawItem } from './reader/assemble';
import { foldScript } from './reader/script';
import { codePointBoundary, execAfter, LineIndex, trimEndOf } from './text';
import { DEADLINE_LABELS, DONE_WORDS, isVagueOwner, LABEL_BOUNDARY, STATUS_LABELS } from './vocabulary';

export interface ParseOptions {
  /** Names the registry knows, so prose like `请城投公司…` is read as an owner. */
  isKnownUnit?: IsKnownUnit;
  /** ISO date (today) near which a meeting day written without a year (`3月5日上午`) is read. */
  referenceDate?: string | null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** `in a January meeting`, `at the March meeting`: by the end of that month. */
const MONTH_MEETING = new RegExp(
  String.raw`\b(?:in|at|by|for|until)\s+(?:a|the)\s+(${MONTH_NAMES.join('|')})\s+(?:meeting|call|session)\b`,
  'i',
);
/** `before winter`, `by the spring`: a season named as when a task is done. */
const SEASON = /\b(?:before|by|in|over)\s+(?:the\s+)?(?:winter|spring|summer|autumn|fall)\b/i;
const RECURRING =
  /每(?:个)?(?:年度?|季度|季|月|半月|周|旬|半年)(?:末|底|初)?(?:前)?[^。；;，,\n]{0,8}?(?:通报|报送|报告|汇报|调度|召开|督查|检查|考核|上报|研究|更新|开展)|长期坚持|常态化(?:开展|推进)?|持续推进/;
/** `… (Dev, Fri)`: the date after the owner in a closing parenthesis. */
const TRAILING_PAREN_DATE =
  /[(（](?:[^()（）\n]{1,40}[,，;；]\s*|(?:due|by|deadline|截止)\s*[:：]?\s*)([^()（）,，\n]{1,30})[)）][.。]?$/i;
const NEXT_MEETING =
  /\b(?:before|by|prior to|ahead of|at|in)\s+(?:the\s+)?next\s+(?:\w+\s+)?(?:meeting|call|session)\b|\b(?:before|by|prior to|ahead of)\s+the\s+(?:\w+\s+){0,2}(?:review|meeting|call|release|launch|demo|AGM|workshop|conference|deadline|retro(?:spective)?)\b|下次(?:会议|例会|常务会议|办公会议)(?:召开)?前/i;
/** A period named as when a task is done: `next week`, `this month`, `下周`, `本月内`. */
const PERIOD = /^(?:(?:next|this)\s+(?:week|month)|下周|本周(?:内)?|本月内)$/i;
const DEADLINE_LABEL = new RegExp(`(${alternation(DEADLINE_LABELS)})\\s*[:：]\\s*`, 'gi');
const STATUS_LABEL = new RegExp(`(?:${alternation(STATUS_LABELS)})\\s*[:：]\\s*([^\\s，,。；;（(）)]+)`, 'i');
/** A decision that records an approval rather than assigning work: 同意…, Approved …, … Carried. */
const RESOLUTION =
  /^(?:原则上?同意|同意|审议通过|通过|批准|原则通过|approved?\b|adopted?\b|agreed that\b|carried\b|noted\b|resolved that\b|endorsed?\b|ratified\b)/i;
const RESOLUTION_END =
  /(?:(?:motion|it was)\s+)?(?:carried|passed|approved|adopted|defeated|rejected|lost|withdrawn)(?:\s+unanimously|\s+nem\.?\s*con\.?)?[.。]?$|(?:一致|全票|表决)通过[。.]?$/i;

const NUMERIC_DATE = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/.])/g;

/**
 * A numeric date whose order is open (`09/08/24`) read in the order of the document's other numeric dates:
 * day first when one of them has a first number over 12, month first when one has a second number over 12.
 */
function numericDate(value: string, text: string): string | null {
  const m = /^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/.exec(value);
  if (!m) return null;
  let order: 'dm' | 'md' | null = null;
  NUMERIC_DATE.lastIndex = 0;
  for (let d = NUMERIC_DATE.exec(text); d && order === null; d = NUMERIC_DATE.exec(text)) {
    if (+d[1] > 12 && +d[2] <= 12) order = 'dm';
    else if (+d[2] > 12 && +d[1] <= 12) order = 'md';
  }
  if (order === null) return null;
  const [day, month] = order === 'dm' ? [+m[1], +m[2]] : [+m[2], +m[1]];
  const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** `Next meeting: 16/08/2024, Friday`, `下次会议时间：4月10日`: the date of the next meeting, when the minutes give it. */
const NEXT_MEETING_LINE =
  /(?:^|\n)[#*\s]*(?:(?:date\s+of\s+(?:the\s+)?)?next\s+meeting|下次(?:会议|例会)(?:时间)?)[*\s]*[:：-]?[*\s]*([^\n]{1,80})/i;

/** In prose: `The next meeting will be held on 4 May`, `the board meeting on September 21 at 6:30pm`. */
const NEXT_MEETING_PROSE =
  /\b(?:next|board|regular|monthly|council)\s+meeting\s+(?:is\s+|will\s+be\s+)?(?:held\s+|scheduled\s+)?(?:on|for)\s+([^\n.;]{1,40})/i;

function nextMeetingOf(text: string, meetingDate: string | null): string | null {
  const m = NEXT_MEETING_LINE.exec(text) ?? NEXT_MEETING_PROSE.exec(text);
  if (!m || !meetingDate) return null;
  const found = findDates(m[1], meetingDate).find((d) => d.date !== null && d.date > meetingDate);
  return found?.date ?? null;
}

/** The owners the item's text names, else its lead's in a run of points, else the name it stands under (`- Dana`). */
function ownersOf(
  text: string,
  raw: RawItem,
  isKnown: IsKnownUnit,
  earlier: ReadonlyMap<RawItem, Owner[]>,
): Owner[] {
  const owners = findOwners(text, raw.start, raw.end, raw.bodyStart, isKnown);
  if (owners.length > 0) return owners;
  // `基建维修处要做到三个关心：一是…，二是…`: each point is the lead's.
  const lead = raw.lead && earlier.get(raw.lead);
  if (lead && lead.length > 0) return lead;
  if (!raw.ownerHint) return owners;
  const span = raw.ownerHint;
  const name = text
    .slice(span.start, span.end)
    .replace(/^[@＠]/, '')
    .replace(/[*_`:：\s]+$/, '');
  const start = span.start + text.slice(span.start, span.end).indexOf(name);
  return [
    {
      name,
      span: { start, end: start + name.length },
      role: null,
      vague: isVagueOwner(name),
      source: 'prose',
      person: true,
    },
  ];
}

/**
 * What makes two items the same when minutes repeat them in a summary: the text without links' targets, a
 * leading `Resolution #1:`/`ACTION 17.1:` label, markup and spacing.
 */
function repeatKey(body: string): string {
  const text = body
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[\s*_>[\]]*(?:resolution|action(?:\s+item)?|decision)\s*#?\s*[\d.]*\s*[:：]?/i, '');
  return lettersAndDigits(text).toLowerCase();
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * The letters and digits of `text` (`\p{L}`, `\p{N}`), in runs sliced from it: ASCII and the common CJK block
 * are told by their code, other characters by the pattern.
 */
function lettersAndDigits(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const kept =
      c < 0x80
        ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        : (c >= 0x4e00 && c <= 0x9fff) || LETTER_OR_DIGIT.test(text.slice(i, pair ? i + 2 : i + 1));
    if (!kept) {
      if (i > run) out += text.slice(run, i);
      run = pair ? i + 2 : i + 1;
    }
    if (pair) i++;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** White space collapsed to single spaces (single spaces, the usual case, are left as they are). */
function collapse(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

function headSpan(text: string, item: RawItem): Span {
  const limit = codePointBoundary(text, Math.min(item.end, item.bodyStart + 60));
  const stop = /[。；;！!？?\n]/.exec(text.slice(item.bodyStart, limit));
  let end = stop ? item.bodyStart + stop.index : limit;
  while (end > item.start && /[\s，,：:]/.test(text[end - 1])) end--;
  return { start: item.start, end: Math.max(end, Math.min(item.start + 1, item.end)) };
}

/**
 * A year the minutes give for a meeting day written without one: in the title (`2022年第3次…`), the
 * opening's meeting name (`召开2022年…推进会`), a document number (`〔2021〕12号`) or the issuing line
 * (`…办公室 2023年3月7日印发`).
 */
function yearHint(text: string, title: MinutesDocument['title'], opening: string): number | null {
  const year = (s: string | undefined, re: RegExp): number | null => {
    const m = s === undefined ? null : re.exec(s);
    return m ? Number(m[1]) : null;
  };
  const inName = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
  const docNumber = /[〔［[（(]((?:19|20)\d{2})[〕］\]）)]\s*\d+\s*号/;
  const issued = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|印|发布|签发)/;
  const tail = text.slice(Math.max(0, text.length - 400));
  return (
    year(title?.text, inName) ??
    year(opening.slice(0, 200), /召开\s*((?:19|20)\d{2})\s*年/) ??
    year(text.slice(0, 2000), docNumber) ??
    year(tail, issued)
  );
}

/** Where a YAML front matter (`---` … `---` at the very start) ends, or 0. */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const close = /\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3, 20_000));
  return close ? 3 + close.index + close[0].length : 0;
}

function meetingOf(
  text: string,
  header: HeaderField[],
  title: MinutesDocument['title'],
  headings: Span[],
  reference: string | null,
): Meeting {
  const firstSection = headings.length > 0 ? headings[0].start : text.length;
  const field = (k: HeaderKey): HeaderField | undefined => header.find((h) => h.key === k);
  const list = (k: HeaderKey): string[] =>
    header.filter((h) => h.key === k).flatMap((h) => h.values.map((v) => v.name));
  const meeting: Meeting = {
    date: null,
    dateSpan: null,
    place: field('place')?.value || null,
    chair: field('chair')?.value || null,
    attendees: list('attendees'),
    observers: list('observers'),
    absent: list('absent'),
    recorder: field('recorder')?.value || null,
    topic: field('topic')?.value || null,
  };
  // The prose opening: "2015年2月12日上午，县长张三主持召开县政府常务会议，…"
  // A web page's front matter (`date:` when it was posted) is not the opening; it is read last.
  const frontMatter = frontMatterEnd(text);
  const openingBase = Math.max(title?.span.end ?? 0, frontMatter);
  const openingEnd = Math.max(openingBase, Math.min(firstSection, openingBase + 600, text.length));
  const opening = text.slice(openingBase, openingEnd);
  // Where the date is written, in order: the date field, the title, the opening, the first headings, and
  // last the front matter.
  const places: { text: string; at: number }[] = [];
  const dateField = field('date');
  if (dateField) places.push({ text: dateField.value, at: dateField.valueSpan.start });
  if (title) places.push({ text: title.text, at: title.span.start });
  places.push({ text: opening, at: openingBase });
  // `### Meeting Date/Time: Tue, August 13, 2019`, `## Minutes of the meeting of 24 May 2018`.
  for (const h of headings.slice(0, 4)) places.push({ text: text.slice(h.start, h.end), at: h.start });
  if (frontMatter > 0) places.push({ text: text.slice(0, frontMatter), at: 0 });
  // A meeting date stands near the start of where it is written.
  for (const p of places) p.text = p.text.slice(0, 2000);
  for (const p of places) {
    const d = findMeetingDate(p.text);
    if (d) {
      meeting.date = d.date;
      meeting.dateSpan = { start: p.at + d.start, end: p.at + d.end };
      break;
    }
  }
  if (!meeting.date && dateField) {
    // `09/08/24`: the order the minutes use for their other numeric dates decides between day and month.
    const d = numericDate(dateField.value, text);
    if (d) {
      meeting.date = d;
      meeting.dateSpan = { ...dateField.valueSpan };
    }
  }
  if (!meeting.date) {
    // `10月12日上午` with no year: the year the minutes give elsewhere, else the one nearest the reference date.
    const hinted = yearHint(text, title, opening);
    for (const p of places) {
      const year = hinted ?? (reference ? Number(reference.slice(0, 4)) : null);
      if (year === null) break;
      let d = findMeetingDay(p.text, year);
      if (d && hinted === null && reference && d.date > addDays(reference, 31))
        d = findMeetingDay(p.text, year - 1);
      if (d) {
        meeting.date = d.date;
        meeting.dateSpan = { start: p.at + d.start, end: p.at + d.end };
        break;
      }
    }
  }
  if (!meeting.chair) {
    const listed = header
      .filter((h) => h.key === 'attendees')
      .map((h) =>
        /([^、，,；;]+?)\s*[(（](?:chair|chairperson|chairman|chairwoman|chair of the meeting|主持|主持人|主席)[)）]/i.exec(
          h.value,
        ),
      )
      .find((m) => m);
    if (listed) meeting.chair = listed[1].trim();
  }
  if (!meeting.chair) {
    // `县长张三在县政府会议室主持召开…`, `会议由党委书记王五主持`, `… chaired by Ann Lee`.
    const c =
      /(?:^|[，,。；;、\s])(?:会议)?(?:由)?([\u4e00-\u9fffA-Za-z·]{2,16}?)(?:同志)?(?:在[^，,。；;]{1,30}?)?主持(?:召开|了|会议)?/.exec(
        opening.length > 0 ? opening : text.slice(0, 3000),
      );
    if (c) meeting.chair = c[1];
    const en =
      /\b(?:chaired by|chair(?:ed)?\s*[:：]|moderator\s*[:：])\s*([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})|\b(?:Chair(?:man|person|woman)?|President)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+called\b/.exec(
        text.slice(0, 3000),
      );
    if (!meeting.chair && en) meeting.chair = en[1] ?? en[2];
    const paren = /[（(]主持人?[:：]\s*([\u4e00-\u9fff·]{2,4})/.exec(text.slice(0, 3000));
    if (!meeting.chair && paren) meeting.chair = paren[1];
  }
  if (meeting.attendees.length === 0) {
    const a =
      /([^。；;\n]{2,300}?)(?:等)?(?:单位|部门|同志)?(?:主要)?(?:负责人|负责同志|领导|同志)?(?:参加|出席)(?:了)?(?:会议|本次会议)/.exec(
        opening,
      );
    if (a)
      meeting.attendees = a[1]
        .split(/[、，,]/)
        .map((s) => s.replace(/^(?:县|市)?(?:政府)?(?:领导)?/, '').trim())
        .filter((s) => s.length >= 2);
  }
  return meeting;
}

function findDeadline(
  text: string,
  item: RawItem,
  dates: MinutesDocument['dates'],
  firstDate: number,
  meetingDate: string | null,
  nextMeeting: string | null,
): Deadline | null {
  const slice = text.slice(item.start, item.end);
  let labelled = execAfter(DEADLINE_LABEL, slice, LABEL_BOUNDARY);
  // `Proposed by: Jo`, `Minutes by: Lee`: a name, not a date.
  if (labelled && /^by$/i.test(labelled[1]) && /[A-Za-z][ \t]*$/.test(slice.slice(0, labelled.index)))
    labelled = null;
  if (labelled) {
    const valueStart = item.start + labelled.index + labelled[0].length;
    const raw = trimEndOf(/^[^\n；;。）)]*/.exec(text.slice(valueStart, item.end))![0], ' \t\u3000，,.;');
    if (raw.length > 0) {
      const r = resolveDeadlineValue(raw, meetingDate);
      return {
        text: raw,
        date: r.date,
        vague: r.vague,
        span: { start: valueStart, end: valueStart + raw.length },
        limit: true,
        source: 'label',
        ...(r.invalid ? { invalid: r.invalid } : {}),
      };
    }
  }
  for (let k = firstDate; k < dates.length && dates[k].span.start < item.end; k++) {
    const d = dates[k];
    if (d.span.end > item.end) continue;
    // `6月底前`, `by Friday`; and a period a task is set for: `next week`, `下周`, `本月`.
    if (d.limit || PERIOD.test(d.text)) return { ...d, vague: false, source: 'prose' };
  }
  // A standing obligation (每季度通报一次) or the next meeting sets a time without a calendar date.
  const body = text.slice(item.bodyStart, item.end);
  const tailStart = Math.max(item.bodyStart, item.end - 120);
  const paren = TRAILING_PAREN_DATE.exec(text.slice(tailStart, item.end).trimEnd());
  if (paren) {
    const r = resolveDeadlineValue(paren[1], meetingDate);
    if (r.date || r.placeholder) {
      const at = tailStart + paren.index + paren[0].indexOf(paren[1]);
      return {
        text: paren[1],
        date: r.date,
        vague: false,
        span: { start: at, end: at + paren[1].length },
        limit: true,
        source: 'prose',
      };
    }
  }
  const next = NEXT_MEETING.exec(body);
  const month = MONTH_MEETING.exec(body);
  const open = RECURRING.exec(body) ?? next ?? month ?? SEASON.exec(body);
  if (open) {
    const at = item.bodyStart + open.index;
    const monthIndex =
      open === month ? MONTH_NAMES.findIndex((n) => n.toLowerCase() === month[1].toLowerCase()) : -1;
    return {
      text: open[0],
      // `by next meeting`: the day the minutes give for it, when they do.
      date:
        open === next && /next|下次/i.test(open[0])
          ? nextMeeting
          : monthIndex >= 0 && meetingDate
            ? endOfMonthNamed(monthIndex + 1, meetingDate)
            : null,
      vague: false,
      span: { start: at, end: at + open[0].length },
      limit: true,
      source: 'prose',
    };
  }
  return null;
}

/** The deadline in an action table's deadline cell. */
function cellDeadline(text: string, cell: Span | null, meetingDate: string | null): Deadline | null {
  if (!cell || cell.end <= cell.start) return null;
  const value = text.slice(cell.start, cell.end);
  if (/^[-–—/\\]*$|^(?:n\/?a|无|—)$/i.test(value.trim())) return null;
  const r = resolveDeadlineValue(value, meetingDate);
  return {
    text: value,
    date: r.date,
    vague: r.vague,
    span: cell,
    limit: true,
    source: 'label',
    ...(r.invalid ? { invalid: r.invalid } : {}),
  };
}

function statusOf(text: string, item: RawItem): { status: ItemStatus; span: Span | null } {
  if (item.box) return { status: item.box.done ? 'done' : 'open', span: item.box.span };
  const cell = item.cells?.status;
  if (cell) {
    const value = text.slice(cell.start, cell.end).replace(/[*_`]/g, '').trim();
    return { status: DONE_WORDS.test(value) || /^[✓✔√xX]$/.test(value) ? 'done' : 'open', span: cell };
  }
  const slice = text.slice(item.start, item.end);
  const m = STATUS_LABEL.exec(slice);
  if (m) {
    const at = item.start + m.index;
    return { status: DONE_WORDS.test(m[1]) ? 'done' : 'open', span: { start: at, end: at + m[0].length } };
  }
  return { status: 'open', span: null };
}

/** Lower bound of a binary search over spans sorted by start. */
export function firstAtOrAfter<T extends { span: Span }>(list: T[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sequencesOf(sections: Section[], labels: ListLabel[]): NumberLabel[][] {
  const groups = new Map<string, NumberLabel[][]>();
  const add = (scope: string, label: NumberLabel): void => {
    let runs = groups.get(scope);
    if (!runs) groups.set(scope, (runs = []));
    if (runs.length === 0 || label.value === 1) runs.push([]);
    runs[runs.length - 1].push(label);
  };
  for (const s of sections) if (s.number) add('sections', s.number);
  for (const l of labels) add(l.scope, l.label);
  return [...groups.values()].flat();
}

export function parse(original: string, options: ParseOptions = {}): MinutesDocument {
  const isKnown = options.isKnownUnit ?? (() => false);
  // Traditional script is read through its simplified form; offsets are the same in both.
  const text = foldScript(original);
  const lines = new LineIndex(original);
  const read = assemble(text, lines);
  const { meeting, nextMeeting } = meetingFacts(text, read, options.referenceDate ?? null);
  const dates = datesIn(text, meeting.date);
  const kept = keptItems(read.items, repeatKeys(text, read.items));
  const items = readItems(text, read.items, kept, dates, meeting, nextMeeting, isKnown);
  return documentOf(original, text, lines, read, meeting, items, dates, findMentions(text, 0, text.length));
}

/** The meeting the minutes record, and the date of the next one when they give it. */
export function meetingFacts(
  text: string,
  read: Pick<Assembled, 'header' | 'title' | 'sections'>,
  reference: string | null,
): { meeting: Meeting; nextMeeting: string | null } {
  const headings = read.sections.map((s) => s.headingSpan);
  const meeting = meetingOf(text, read.header, read.title, headings, reference);
  return { meeting, nextMeeting: nextMeetingOf(text, meeting.date) };
}

/** Every date expression in the text, resolved near the meeting's date. */
export function datesIn(text: string, meetingDate: string | null): DateValue[] {
  return findDates(text, meetingDate).map((d) => ({
    text: d.text,
    date: d.date,
    span: { start: d.start, end: d.end },
    limit: d.deadline,
    ...(d.invalid ? { invalid: d.invalid } : {}),
  }));
}

/** For each raw item, what makes a repeat of it the same item ('' for a text too short to tell). */
export function repeatKeys(text: string, raws: readonly RawItem[]): string[] {
  return raws.map((raw) =>
    raw.end > raw.start && raw.end - raw.bodyStart >= 12 ? repeatKey(text.slice(raw.bodyStart, raw.end)) : '',
  );
}

/**
 * Which raw items are read: minutes that repeat their decisions and actions in a summary list have each one
 * once, where first written (a repeat in the same section is an item of its own).
 */
export function keptItems(
  raws: readonly Pick<RawItem, 'start' | 'end' | 'section'>[],
  keys: string[],
): boolean[] {
  /** Item texts already read, with the section each stands in. */
  const seen = new Map<string, number | null>();
  return raws.map((raw, k) => {
    if (raw.end <= raw.start) return false;
    const key = keys[k];
    const first = seen.get(key);
    if (key.length >= 12 && first !== undefined && first !== raw.section) return false;
    if (first === undefined && key.length >= 12) seen.set(key, raw.section);
    return true;
  });
}

/** The items of the raw items kept: their owners, deadline, status and what the document's rules need. */
export function readItems(
  text: string,
  raws: readonly RawItem[],
  kept: readonly boolean[],
  dates: DateValue[],
  meeting: Pick<Meeting, 'date'>,
  nextMeeting: string | null,
  isKnown: IsKnownUnit,
): Item[] {
  const items: Item[] = [];
  const ownersByItem = new Map<RawItem, Owner[]>();
  raws.forEach((raw, k) => {
    if (!kept[k]) return;
    const accountable = raw.kind !== 'finding';
    const body = text.slice(raw.bodyStart, raw.end);
    // An English decision records what was agreed; its follow-up work goes under action items. A Chinese
    // 会议决定 item is an assignment and needs an owner and a deadline.
    const resolution =
      raw.kind === 'decision' &&
      (raw.resolved ||
        RESOLUTION.test(body.trimStart()) ||
        RESOLUTION_END.test(body.slice(-80).trimEnd()) ||
        (!/[\u4e00-\u9fff]/.test(body) && !/\b(?:owner|due|deadline|to)\b|@/i.test(body)));
    const owners = !accountable
      ? []
      : raw.cells
        ? raw.cells.owner
          ? findOwners(text, raw.cells.owner.start, raw.cells.owner.end, raw.cells.owner.start, isKnown, true)
          : []
        : ownersOf(text, raw, isKnown, ownersByItem);
    const deadline = !accountable
      ? null
      : raw.cells?.deadline
        ? cellDeadline(text, raw.cells.deadline, meeting.date)
        : findDeadline(text, raw, dates, firstAtOrAfter(dates, raw.start), meeting.date, nextMeeting);
    const vagueDeadlines =
      accountable && (!deadline || deadline.vague)
        ? findVagueDeadlines(text.slice(raw.start, raw.end)).map((v) => ({
            start: raw.start + v.start,
            end: raw.start + v.end,
          }))
        : [];
    ownersByItem.set(raw, owners);
    const status = statusOf(text, raw);
    items.push({
      kind: raw.kind,
      accountable,
      resolution,
      section: raw.section,
      number: raw.number,
      text: collapse(text.slice(raw.start, raw.end)),
      span: { start: raw.start, end: raw.end },
      headSpan: headSpan(text, raw),
      owners,
      deadline,
      vagueDeadlines,
      status: status.status,
      statusSpan: status.span,
    });
  });
  return items;
}

/**
 * The document from what was read of it: `text` is the original read through its folded script, `mentions`
 * the `@` mentions found anywhere in it.
 */
export function documentOf(
  original: string,
  text: string,
  lines: LineIndex,
  read: Assembled,
  meeting: Meeting,
  items: Item[],
  dates: DateValue[],
  found: NamedSpan[],
): MinutesDocument {
  const sections: Section[] = read.sections.map((s) => ({
    kind: s.kind,
    heading: s.heading,
    headingSpan: s.headingSpan,
    span: s.span,
    number: s.number,
    items: [],
  }));
  const mentions: NamedSpan[] = [];
  items.forEach((item, index) => {
    if (item.section !== null) sections[item.section].items.push(index);
    for (const o of item.owners)
      if (o.source !== 'prose' || !o.person) mentions.push({ name: o.name, span: o.span });
  });
  // @mentions outside accountable items (findings, header, free text) are mentions too.
  for (const m of found) mentions.push({ name: m.name, span: m.span });
  for (const h of read.header) for (const v of h.values) mentions.push(v);
  mentions.sort((a, b) => a.span.start - b.span.start);
  const uniqueMentions = mentions.filter((m, i) => i === 0 || m.span.start >= mentions[i - 1].span.end);

  const doc: MinutesDocument = {
    text: original,
    lines,
    title: read.title,
    header: read.header,
    meeting,
    sections,
    items,
    sequences: sequencesOf(sections, read.labels),
    placeholders: findPlaceholders(original),
    dates,
    suppressions: read.suppressions,
    mentions: uniqueMentions,
  };
  return text === original ? doc : writtenAsIs(doc);
}

/**
 * Names, values and texts of a document read through its folded script, as the document writes them: in
 * copies, since the incremental reader keeps the parts' readings (and their objects) for the next read.
 */
function writtenAsIs(doc: MinutesDocument): MinutesDocument {
  const at = (s: Span): string => doc.text.slice(s.start, s.end);
  return {
    ...doc,
    title: doc.title && { ...doc.title, text: at(doc.title.span) },
    header: doc.header.map((h) => ({
      ...h,
      value: at(h.valueSpan),
      values: h.values.map((v) => ({ ...v, name: at(v.span) })),
    })),
    sections: doc.sections.map((s) => ({ ...s, heading: at(s.headingSpan) })),
    items: doc.items.map((item) => ({
      ...item,
      text: collapse(at(item.span)),
      owners: item.owners.map((o) => ({ ...o, name: at(o.span) })),
      deadline: item.deadline && { ...item.deadline, text: at(item.deadline.span) },
    })),
    dates: doc.dates.map((d) => ({ ...d, text: at(d.span) })),
    mentions: doc.mentions.map((m) => ({ ...m, name: at(m.span) })),
  };
}
