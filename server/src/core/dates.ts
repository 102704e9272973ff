/**
 * Dates and deadlines in minutes text, Chinese and English, resolved against the meeting date.
 *
 * How expressions are read:
 * - Every expression resolves to the LAST day it allows: 6月 → 06-30, 2016年前 → 2016-12-31, Q3 → 09-30,
 *   上旬 → the 10th, 中旬 → the 20th, 下旬 → the last day (English early/mid/late March likewise).
 * - Chinese 前/之前/以前 are inclusive (6月30日前 → 06-30), as official documents use them; English
 *   "before" is exclusive (before 1 March → the last day of February, before March → February's last day).
 * - Expressions without a year take the meeting's year, or the next year when they would end before the
 *   meeting day. Without a meeting date they are still found, with `date: null`.
 * - Numeric day/month/year (30/06/2024, 30.06.2024) is read day-first only when the first number is over 12;
 *   with a first number of 12 or less the order is ambiguous and the date is null. Year-first forms
 *   (2024/6/30, 2024-06-30, 2024.6.30) are always year-month-day.
 * - Weeks start on Monday and end on Sunday: 本周内/this week → Sunday of the meeting's week, 下周内/by next
 *   week → Sunday of the following week. 本周五/this Friday is the Friday of the meeting's week, 下周五/next
 *   Friday the Friday of the following week, and 周五前/by Friday the first Friday after the meeting day.
 * - N日内/within N days is the meeting day plus N; N个工作日内/within N working days skips Saturdays and
 *   Sundays; N个月内/within N months keeps the day of month (clamped to the month's length).
 * - Placeholders (20XX年, XX月XX日, 某月某日) are found with `placeholder: true` and `date: null`.
 *
 * Every pattern is sticky with bounded repetition and is tried at most a fixed number of times per text
 * position, so a scan is linear in the length of the text. Nothing here throws.
 */

import { CN_DIGITS } from './numbers';

export interface DateMatch {
  /** The expression as written, e.g. `2012年底前`, `“十二五”末`, `by end of March`. */
  text: string;
  /** UTF-16 offsets into the given text. */
  start: number;
  end: number;
  /** Resolved ISO `YYYY-MM-DD` (the last day the expression allows), null if unresolvable. */
  date: string | null;
  /** A short reason (`month 13`, `February has 29 days in 2024`) when the expression names an impossible date. */
  invalid?: string;
  /** True when the expression itself marks a limit (…前, 内, 截至…, by …, within …, end of …). */
  deadline: boolean;
  /** True when the year, month or day is a template placeholder (20XX年底前, XX月): `date` is null. */
  placeholder: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian calendar).

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

/** 0 = Sunday. */
function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function toIso(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromIso(iso: string): number | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

export function isValidIsoDate(iso: string): boolean {
  return fromIso(iso) !== null;
}

/** `iso` plus `days` (negative goes back); an invalid date or a non-finite count returns `iso` unchanged. */
export function addDays(iso: string, days: number): string {
  const day = fromIso(iso);
  if (day === null || !Number.isFinite(days)) return iso;
  return toIso(day + Math.trunc(days));
}

/** Day of the week, 0 = Sunday … 6 = Saturday; NaN for an invalid date. */
/** The last day of the month of `iso`. */
export function endOfMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The last day of `month` (1–12) on or after the month of `after`: `a January meeting` seen in December. */
export function endOfMonthNamed(month: number, after: string): string {
  const [y, m] = after.split('-').map(Number);
  return endOfMonth(`${month < m ? y + 1 : y}-${String(month).padStart(2, '0')}-01`);
}

/** The last day of the quarter of `iso`. */
export function endOfQuarter(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return endOfMonth(`${y}-${String(Math.ceil(m / 3) * 3).padStart(2, '0')}-01`);
}

/** `2024-06-30` as a Chinese deadline: `2024年6月30日前`. */
export function chineseDeadline(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日前`;
}

export function weekday(iso: string): number {
  const day = fromIso(iso);
  return day === null ? NaN : dayOfWeek(day);
}

/** Days from `from` to `to` (positive when `to` is later); NaN when either is not a valid ISO date. */
export function daysBetween(from: string, to: string): number {
  const a = fromIso(from);
  const b = fromIso(to);
  return a === null || b === null ? NaN : b - a;
}

function monthSpan(y: number, m: number, from: number, to: number): [number, number] {
  const dim = daysInMonth(y, m);
  return [daysFromCivil(y, m, Math.min(from, dim)), daysFromCivil(y, m, Math.min(to, dim))];
}

function quarterSpan(y: number, q: number): [number, number] {
  return [daysFromCivil(y, q * 3 - 2, 1), monthSpan(y, q * 3, 31, 31)[1]];
}

function halfSpan(y: number, h: number): [number, number] {
  return h === 1
    ? [daysFromCivil(y, 1, 1), daysFromCivil(y, 6, 30)]
    : [daysFromCivil(y, 7, 1), daysFromCivil(y, 12, 31)];
}

function yearSpan(y: number): [number, number] {
  return [daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31)];
}

/** Monday … Sunday of the week containing `day`. */
function weekSpan(day: number): [number, number] {
  const monday = day - ((dayOfWeek(day) + 6) % 7);
  return [monday, monday + 6];
}

/** Year and month `n` months after the month of `day`. */
function monthOf(day: number, n: number): [number, number] {
  const [y, m] = civilFromDays(day);
  const total = y * 12 + (m - 1) + n;
  return [Math.floor(total / 12), total - Math.floor(total / 12) * 12 + 1];
}

/** Year and quarter `n` quarters after the quarter of `day`. */
function quarterOf(day: number, n: number): [number, number] {
  const [y, m] = civilFromDays(day);
  const total = y * 4 + Math.floor((m - 1) / 3) + n;
  return [Math.floor(total / 4), total - Math.floor(total / 4) * 4 + 1];
}

/** `day` plus `n` months, the day of month clamped to the target month. */
function addMonths(day: number, n: number): number {
  const [ny, nm] = monthOf(day, n);
  return daysFromCivil(ny, nm, Math.min(civilFromDays(day)[2], daysInMonth(ny, nm)));
}

/** The `n`th Monday-to-Friday day after `day`. */
function addWorkingDays(day: number, n: number): number {
  if (n <= 0) return day;
  const weeks = Math.floor((n - 1) / 5);
  let d = day + weeks * 7;
  let left = n - weeks * 5;
  while (left > 0) {
    d++;
    const w = dayOfWeek(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers as written.

const EN_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const PH_CHARS = 'Xx×某';
const PH_TEST = new RegExp(`[${PH_CHARS}]`);

/** Arabic digits, positional Chinese digits (二〇二四) or 十-forms (十, 十二, 二十三); null for a placeholder. */
function readNumber(tok: string): number | null {
  if (PH_TEST.test(tok)) return null;
  if (/^[0-9]+$/.test(tok)) return parseInt(tok, 10);
  const ten = tok.indexOf('十');
  if (ten < 0) {
    let n = 0;
    for (const ch of tok) n = n * 10 + (CN_DIGITS[ch] ?? 0);
    return n;
  }
  const hi = ten === 0 ? 1 : (CN_DIGITS[tok[ten - 1]] ?? 0);
  const lo = ten === tok.length - 1 ? 0 : (CN_DIGITS[tok[ten + 1]] ?? 0);
  return hi * 10 + lo;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthOfName(name: string): number {
  return (
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
      name.slice(0, 3).toLowerCase(),
    ) + 1
  );
}

function weekdayOfName(name: string): number {
  const cn = '日一二三四五六'.indexOf(name);
  if (cn >= 0) return cn;
  if (name === '天' || name === '末') return 0;
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(name.slice(0, 3).toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------
// Resolving what a core expression names.

type Precision = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';

/** A year as written: a number, a placeholder, relative to the meeting's year, or to be rolled forward. */
type YearSpec = number | 'placeholder' | 'roll' | { rel: number };

interface Ctx {
  /** Day number of the meeting, or null. */
  meeting: number | null;
}

/** What a core expression resolves to. Every field is always present, so hits share one shape. */
interface Hit {
  first: number | null;
  last: number | null;
  precision: Precision;
  invalid: string | undefined;
  placeholder: boolean;
  /** Year, month and day all written out. */
  absolute: boolean;
  /** A day written out (with its month), so a leading weekday may name it. */
  dated: boolean;
  /** The expression itself marks a limit (底, 末, end). */
  limit: boolean;
  /** Found only with a marker: `any` prefix, suffix or modifier; `suffix` a Chinese suffix (or in a labelled value). */
  marker: 'any' | 'suffix' | null;
  /** A duration: `en` needs within/in, `cn` needs 内. */
  duration: 'en' | 'cn' | null;
  /** A day of the month (15日前, by the 15th): 内 after it means a duration instead. */
  dayOfMonth: boolean;
}

function hit(first: number | null, last: number | null, precision: Precision, more?: Partial<Hit>): Hit {
  const h: Hit = {
    first,
    last,
    precision,
    invalid: undefined,
    placeholder: false,
    absolute: false,
    dated: false,
    limit: false,
    marker: null,
    duration: null,
    dayOfMonth: false,
  };
  return more ? mark(h, more) : h;
}

/** `h` with some fields changed (hits are fresh objects, changed in place). */
function mark(h: Hit, more: Partial<Hit>): Hit {
  return Object.assign(h, more);
}

function meetingYear(c: Ctx): number | null {
  return c.meeting === null ? null : civilFromDays(c.meeting)[0];
}

/** The year of a month/day expression: relative years from the meeting, year-less ones rolled forward. */
function pickYear(c: Ctx, year: YearSpec, lastIn: (y: number) => number): number | 'placeholder' | null {
  if (year === 'placeholder' || typeof year === 'number') return year;
  const my = meetingYear(c);
  if (my === null || c.meeting === null) return null;
  if (year === 'roll') return lastIn(my) < c.meeting ? my + 1 : my;
  return my + year.rel;
}

function febReason(y: number | null): string {
  return y === null ? `February has at most 29 days` : `February has ${daysInMonth(y, 2)} days in ${y}`;
}

/**
 * A calendar date or a part of a month: `m`/`d` null are placeholders; `d` undefined means the days
 * `from`…`to` of the month (1…31 for all of it, clamped to the month's length).
 */
function calendarHit(
  c: Ctx,
  year: YearSpec,
  m: number | null,
  d: number | null | undefined,
  from = 1,
  to = 31,
): Hit {
  const precision: Precision = d === undefined && from === 1 && to === 31 ? 'month' : 'day';
  const placeholder = year === 'placeholder' || m === null || d === null;
  const base = hit(null, null, precision, { dated: d !== undefined, placeholder });
  const day = typeof d === 'number' ? d : null;
  if (m !== null && (m < 1 || m > 12)) return mark(base, { invalid: `month ${m}` });
  if (day !== null && (day < 1 || day > 31)) return mark(base, { invalid: `day ${day}` });
  let y =
    m === null
      ? null
      : pickYear(c, year, (yy) => (day === null ? monthSpan(yy, m, from, to)[1] : daysFromCivil(yy, m, day)));
  // A year-less 2月29日 names the last leap day rather than a missing one in the year after.
  if (year === 'roll' && m === 2 && day === 29 && typeof y === 'number' && !isLeap(y) && isLeap(y - 1))
    y -= 1;
  if (m !== null && day !== null) {
    // A year rolled forward only settles February 29; other days are checked against any year.
    const known = typeof y === 'number' && (year !== 'roll' || day === 29) ? y : null;
    const max = known === null ? (m === 2 ? 29 : MONTH_DAYS[m - 1]) : daysInMonth(known, m);
    if (day > max)
      return mark(base, { invalid: m === 2 ? febReason(known) : `${MONTH_NAMES[m - 1]} has ${max} days` });
  }
  if (placeholder || typeof y !== 'number' || m === null) return base;
  const [first, last] =
    day === null ? monthSpan(y, m, from, to) : [daysFromCivil(y, m, day), daysFromCivil(y, m, day)];
  return mark(base, { first, last, absolute: typeof year === 'number' && day !== null });
}

/** A quarter, half or year of a given, relative, placeholder or rolled year. */
function periodHit(c: Ctx, year: YearSpec, span: (y: number) => [number, number], precision: Precision): Hit {
  if (year === 'placeholder') return hit(null, null, precision, { placeholder: true });
  const y = pickYear(c, year, (yy) => span(yy)[1]);
  if (typeof y !== 'number') return hit(null, null, precision);
  const [first, last] = span(y);
  return hit(first, last, precision);
}

/** A span computed from the meeting day, or an unresolved hit without one. */
function meetingHit(c: Ctx, precision: Precision, span: (meeting: number) => [number, number]): Hit {
  if (c.meeting === null) return hit(null, null, precision);
  const [first, last] = span(c.meeting);
  return hit(first, last, precision);
}

/** A day of the meeting's month (next month when before the meeting day). */
function dayOfMonthHit(c: Ctx, d: number, monthOffset = 0): Hit {
  if (d < 1 || d > 31) return hit(null, null, 'day', { invalid: `day ${d}`, dayOfMonth: true, dated: true });
  if (c.meeting === null) return hit(null, null, 'day', { dayOfMonth: true });
  const [my, mm, md] = civilFromDays(c.meeting);
  const total = my * 12 + (mm - 1) + (monthOffset === 0 && d < md ? 1 : monthOffset);
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return mark(calendarHit(c, y, m, d), { dayOfMonth: true, absolute: false });
}

function durationHit(c: Ctx, n: number, unit: string, kind: 'en' | 'cn'): Hit {
  const add = (day: number): number => {
    switch (unit) {
      case 'working':
        return addWorkingDays(day, n);
      case 'week':
        return day + 7 * n;
      case 'fortnight':
        return day + 14 * n;
      case 'month':
        return addMonths(day, n);
      case 'year':
        return addMonths(day, 12 * n);
      default:
        return day + n;
    }
  };
  return mark(
    meetingHit(c, 'day', (m) => [m, add(m)]),
    { duration: kind },
  );
}

/** The weekday `wd` in the meeting's week (offset 0) or a later one, or the first one after the meeting. */
function weekdayHit(c: Ctx, wd: number, weekOffset: number | 'next'): Hit {
  return meetingHit(c, 'day', (m) => {
    const day =
      weekOffset === 'next'
        ? m + ((wd - dayOfWeek(m) + 7) % 7 || 7)
        : weekSpan(m)[0] + 7 * weekOffset + ((wd + 6) % 7);
    return [day, day];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Patterns. Text is normalized first (full-width ASCII to ASCII, ideographic space to space: the same
// length), so these see ASCII digits, letters and punctuation.

function rx(src: string): RegExp {
  return new RegExp(src, 'iy');
}

const SP = '[ \\t]?';
const WS = '[ \\t]';
const CN_NUM_CHARS = '〇零○一二两三四五六七八九十百千万';
const CN_NUM_TEST = new RegExp(`[${CN_NUM_CHARS}]`);
const PH = `[${PH_CHARS}]`;
const YEAR4 = '(?:19|20|21)\\d\\d';
const MONTH_TOK = `\\d{1,2}|十[一二]?|[一二三四五六七八九]|${PH}{1,2}`;
const DAY_CN = '[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九]';
const DAY_TOK = `\\d{1,2}|${DAY_CN}|${PH}{1,2}`;
/** Groups: month, day, 旬/初, 底/末. */
const MONTH_PART = `(${MONTH_TOK})${SP}月份?(?:${SP}(${DAY_TOK})${SP}[日号]|(上旬|中旬|下旬|初)|(底|末))?`;
const XUN: Record<string, [number, number]> = { 上旬: [1, 10], 初: [1, 10], 中旬: [11, 20], 下旬: [21, 31] };
const MON =
  '(january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?)(?![a-z])';
const WD =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tues?|wed|thur?s?|fri|sat|sun)\\.?)(?![a-z])';
const ORD = '(?:st|nd|rd|th)?';

/** Characters before which a relative word (本, 明, 下…) is part of another word: 成本, 说明, 以下. */
const REL_BLOCKED: Record<string, string> = {
  今: '至如迄',
  本: '成资基根版样账剧脚文课范标日原书',
  明: '说证表阐申声注标写查讲指载透光文聪简分鲜英发黎',
  次: '每多一二两三几屡层档名首其依',
  去: '过失除回出上下进来',
  下: '以如之其天手眼上底私乡南北地部留剩落',
  上: '以之其加马向早线晚会路楼',
  当: '相适应担每充',
};

function relBlocked(word: string, s: string, at: number): boolean {
  return at > 0 && (REL_BLOCKED[word[0]] ?? '').includes(s[at - 1]);
}

/** 本/今/这/当 → 0, 下/次/明 → 1, 上/去 → -1 (ignoring 一 and 个 in 下一个). */
function relOffset(word: string): number {
  return '下次明'.includes(word[0]) ? 1 : '上去'.includes(word[0]) ? -1 : 0;
}

/** The days of a month that 上旬/中旬/下旬/初 or 底/末 name, or all of it. */
function daysOfMonth(xun: string | undefined, end: string | undefined): [number, number] {
  return xun !== undefined ? XUN[xun] : end !== undefined ? [31, 31] : [1, 31];
}

/** The groups of MONTH_PART (month, day, 旬, 底) in `year`. */
function monthPartHit(
  c: Ctx,
  year: YearSpec,
  mon: string,
  day: string | undefined,
  xun: string | undefined,
  end: string | undefined,
): Hit {
  const m = readNumber(mon);
  if (day !== undefined) return calendarHit(c, year, m, readNumber(day));
  return mark(calendarHit(c, year, m, undefined, ...daysOfMonth(xun, end)), { limit: end !== undefined });
}

interface Core {
  /** The characters the pattern may start with. */
  first: RegExp;
  re: RegExp;
  /** Found only after an English prefix or modifier (by 2025, end of 2025), or in a labelled value. */
  english?: true;
  build(m: RegExpExecArray, c: Ctx, s: string, at: number): Hit | null;
}

const CORES: Core[] = [
  // 2024年6月30日, 二〇二四年六月, 2012年底, 20XX年, 今年底, 明年上半年, 2024年第三季度末
  {
    first: /[0-9〇零○一二三四五六七八九Xx×某今本明次去]/,
    re: rx(
      `(?<![0-9])(?:(${YEAR4}|[〇零○一二三四五六七八九]{4}|\\d{2}${PH}{2}|\\d{3}${PH}|${PH}{4}|${PH}{2}|某)|(今|本|明|次|去))${SP}年度?` +
        `(?:${MONTH_PART}|年?(底|末)|([上下])半年|第?([一二三四1-4])季度?(末|底)?)?`,
    ),
    build(m, c, s, at) {
      const [, tok, rel, mon, day, xun, mEnd, yEnd, half, q, qEnd] = m;
      let year: YearSpec;
      if (rel !== undefined) {
        if (relBlocked(rel, s, at)) return null;
        year = { rel: relOffset(rel) };
      } else if (PH_TEST.test(tok)) {
        if (/[a-z]/i.test(s[at - 1] ?? '')) return null;
        year = 'placeholder';
      } else if (/^[0-9]/.test(tok)) {
        year = +tok;
      } else {
        const y = readNumber(tok) ?? 0;
        if (CN_NUM_TEST.test(s[at - 1] ?? '') || y < 1900 || y > 2199) return null;
        year = y;
      }
      if (mon !== undefined) return monthPartHit(c, year, mon, day, xun, mEnd);
      if (yEnd !== undefined) return mark(periodHit(c, year, yearSpan, 'year'), { limit: true });
      if (half !== undefined) return periodHit(c, year, (y) => halfSpan(y, half === '上' ? 1 : 2), 'half');
      if (q !== undefined) {
        const n = readNumber(q) ?? 0;
        return mark(
          periodHit(c, year, (y) => quarterSpan(y, n), 'quarter'),
          { limit: qEnd !== undefined },
        );
      }
      return periodHit(c, year, yearSpan, 'year');
    },
  },
  // 6月30日, 6月底, 十月下旬, XX月XX日 (the year from the meeting)
  {
    first: /[0-9一二三四五六七八九十Xx×某]/,
    re: rx(`(?<![0-9${CN_NUM_CHARS}${PH_CHARS}年])${MONTH_PART}`),
    build(m, c) {
      const [, mon, day, xun, mEnd] = m;
      // A bare Chinese-numeral month (同一月份) is too often part of another word.
      if (/^[一二三四五六七八九十]/.test(mon) && day === undefined && xun === undefined && mEnd === undefined)
        return null;
      return monthPartHit(c, 'roll', mon, day, xun, mEnd);
    },
  },
  // 年底, 年末, 年内 (the meeting's year)
  {
    first: /年/,
    re: rx(`(?<![0-9${CN_NUM_CHARS}${PH_CHARS}半])年(?:(底|末)|(?=${SP}(?:以内|之内|内)))`),
    build(m, c) {
      return mark(periodHit(c, { rel: 0 }, yearSpan, 'year'), { limit: m[1] !== undefined });
    },
  },
  // 上半年, 下半年
  {
    first: /[上下]/,
    re: rx(`(?<!以)([上下])半年度?`),
    build(m, c) {
      return periodHit(c, 'roll', (y) => halfSpan(y, m[1] === '上' ? 1 : 2), 'half');
    },
  },
  // 一季度, 第三季度末, 4季度
  {
    first: /[第一二三四1-4]/,
    re: rx(`(?<![0-9${CN_NUM_CHARS}])第?([一二三四1-4])季度(末|底)?`),
    build(m, c) {
      const n = readNumber(m[1]) ?? 0;
      return mark(
        periodHit(c, 'roll', (y) => quarterSpan(y, n), 'quarter'),
        { limit: m[2] !== undefined },
      );
    },
  },
  // 本季度末, 下季度, 季度末, 季末 (from the meeting's quarter)
  {
    first: /[本当这下上季]/,
    re: rx(`(?:(本|当|这个?|下一?个?|上一?个?)(?:季度|季)|季度|季)(末|底)?`),
    build(m, c, s, at) {
      const [, rel, end] = m;
      if (
        rel === undefined
          ? end === undefined || /[0-9第一二三四]/.test(s[at - 1] ?? '')
          : relBlocked(rel, s, at)
      )
        return null;
      const h = meetingHit(c, 'quarter', (day) => quarterSpan(...quarterOf(day, relOffset(rel ?? '本'))));
      return mark(h, { limit: end !== undefined });
    },
  },
  // 本月底, 下个月15日, 次月上旬, 当月
  {
    first: /[本当这下上次]/,
    re: rx(
      `(本|当|这个?|下一?个?|上一?个?|次)月份?(?:${SP}(${DAY_TOK})${SP}[日号]|(上旬|中旬|下旬|初)|(底|末))?`,
    ),
    build(m, c, s, at) {
      const [, rel, day, xun, end] = m;
      if (relBlocked(rel, s, at)) return null;
      if (day !== undefined) {
        const d = readNumber(day);
        if (d === null) return hit(null, null, 'day', { placeholder: true, dated: true });
        return dayOfMonthHit(c, d, relOffset(rel));
      }
      const [from, to] = daysOfMonth(xun, end);
      const h = meetingHit(c, 'month', (mday) => monthSpan(...monthOf(mday, relOffset(rel)), from, to));
      return mark(h, { precision: from === 1 && to === 31 ? 'month' : 'day', limit: end !== undefined });
    },
  },
  // 月底, 月末 (the meeting's month)
  {
    first: /月/,
    re: rx(`(?<![0-9${CN_NUM_CHARS}个])月(底|末)`),
    build(_m, c) {
      return mark(
        meetingHit(c, 'day', (mday) => monthSpan(...monthOf(mday, 0), 31, 31)),
        { limit: true },
      );
    },
  },
  // 本周五, 下周三, 本周, 下周末, 这个星期
  {
    first: /[本这下上]/,
    re: rx(`(本|这个?|下一?个?|上一?个?)(?:周|星期|礼拜)(?:${SP}(?:周|星期|礼拜)?([一二三四五六日天末]))?`),
    build(m, c, s, at) {
      const [, rel, wd] = m;
      if (relBlocked(rel, s, at)) return null;
      if (wd !== undefined) return weekdayHit(c, weekdayOfName(wd), relOffset(rel));
      return meetingHit(c, 'week', (mday) => weekSpan(mday + 7 * relOffset(rel)));
    },
  },
  // 周五前, 星期三之前, 周末前 (the first such day after the meeting)
  {
    first: /[周星礼]/,
    re: rx(`(?<![0-9${CN_NUM_CHARS}])(?:周|星期|礼拜)([一二三四五六日天末])`),
    build(m, c) {
      return mark(weekdayHit(c, weekdayOfName(m[1]), 'next'), { marker: 'suffix' });
    },
  },
  // 今天下班前, 明日前, 当天内; 今日稍晚 (later today) is a time by itself
  {
    first: /[今当明后次]/,
    re: rx(`(今天|今日|当天|当日|明天|明日|后天|次日)(稍晚|晚些时候)?`),
    build(m, c) {
      const n = m[1] === '后天' ? 2 : /[明次]/.test(m[1]) ? 1 : 0;
      return mark(
        meetingHit(c, 'day', (d) => [d + n, d + n]),
        m[2] ? { limit: true } : { marker: 'any' },
      );
    },
  },
  // 会后10日内, 5个工作日内, 两周内, 三个月内, 半年内
  {
    first: /[会0-9一二两三四五六七八九十半]/,
    re: rx(
      `(?:(?:会议?结束后|会议?后)${SP})?(?<![0-9${CN_NUM_CHARS}~\\-—、或至到])` +
        `(\\d{1,3}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]|半)${SP}(个)?${SP}(工作日|日|天|周|星期|礼拜|月|年)`,
    ),
    build(m, c) {
      const [, num, ge, unit] = m;
      const half = num === '半';
      if (unit === '月' && ge === undefined && !half) return null; // 6月内 is within June
      if (half) {
        if (unit === '月') return durationHit(c, 15, 'day', 'cn');
        if (unit === '年') return durationHit(c, 6, 'month', 'cn');
        return null;
      }
      const n = readNumber(num) ?? 0;
      const u =
        unit === '工作日'
          ? 'working'
          : unit === '月'
            ? 'month'
            : unit === '年'
              ? 'year'
              : /[周星礼]/.test(unit)
                ? 'week'
                : 'day';
      return durationHit(c, n, u, 'cn');
    },
  },
  // 15日前, 三十号之前 (a day of the meeting's month)
  {
    first: /[0-9一二三四五六七八九十]/,
    re: rx(`(?<![0-9${CN_NUM_CHARS}月])(\\d{1,2}|${DAY_CN})${SP}[日号]`),
    build(m, c) {
      return mark(dayOfMonthHit(c, readNumber(m[1]) ?? 0), { marker: 'any' });
    },
  },
  // “十二五”末, "十三五"期间, 十四五时期 (five-year plans)
  {
    first: /[“"「『十]/,
    re: rx(`[“"「『]?(?<![${CN_NUM_CHARS}])十([一二三四五])五[”"」』]?(?:规划)?(末期|期末|末|期间|时期)?`),
    build(m) {
      const start = 2006 + 5 * '一二三四五'.indexOf(m[1]);
      return hit(daysFromCivil(start, 1, 1), daysFromCivil(start + 4, 12, 31), 'year', {
        limit: m[2] !== undefined,
        marker: m[2] === undefined ? 'any' : null,
      });
    },
  },
  // 2024-06-30, 2024/6/30, 2024.6.30
  {
    first: /[0-9]/,
    re: rx(`(?<![0-9./])(${YEAR4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![0-9])`),
    build(m, c) {
      return calendarHit(c, +m[1], +m[3], +m[4]);
    },
  },
  // 30/06/2024, 30.6.2024, 01/26/2024 (day-first when the first number is over 12, month-first when the
  // second is, otherwise ambiguous)
  {
    first: /[0-9]/,
    re: rx(`(?<![0-9./])(\\d{1,2})([-/.])(\\d{1,2})\\2(${YEAR4})(?![0-9])`),
    build(m, c) {
      const a = +m[1];
      const b = +m[3];
      if (a > 12) return calendarHit(c, +m[4], b, a);
      return b > 12 ? calendarHit(c, +m[4], a, b) : hit(null, null, 'day', { dated: true });
    },
  },
  // 3/15, 15/3, 3/15/24 (with a marker such as `due`, and only when the order is plain: one number over 12)
  {
    first: /[0-9]/,
    re: rx(`(?<![0-9./])(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}))?(?![0-9./])`),
    build(m, c) {
      const a = +m[1];
      const b = +m[2];
      if (a > 12 === b > 12) return null;
      const year = m[3] === undefined ? 'roll' : 2000 + +m[3];
      return mark(calendarHit(c, year, a > 12 ? b : a, a > 12 ? a : b), { marker: 'any' });
    },
  },
  // 30 June 2024, 1st of March, the 5th of May
  {
    first: /[0-9t]/,
    re: rx(
      `(?<![0-9a-z./])(?:the${WS})?(\\d{1,2})${ORD}(?:${WS}of)?[ \\t-]${MON}(?:,?[ \\t-](${YEAR4})(?![0-9]))?`,
    ),
    build(m, c) {
      const [, day, mon, year] = m;
      const h = calendarHit(c, year === undefined ? 'roll' : +year, monthOfName(mon), +day);
      return year === undefined && mon === 'may' ? mark(h, { marker: 'any' }) : h;
    },
  },
  // June 30, June 30th, 2024, Jun. 5 2024
  {
    first: /[adfjmnos]/,
    re: rx(`(?<![a-z])${MON}${WS}(?:the${WS})?(\\d{1,2})${ORD}(?![0-9a-z])(?:,?${WS}(${YEAR4})(?![0-9]))?`),
    build(m, c) {
      const [, mon, day, year] = m;
      const h = calendarHit(c, year === undefined ? 'roll' : +year, monthOfName(mon), +day);
      return year === undefined && mon === 'may' ? mark(h, { marker: 'any' }) : h;
    },
  },
  // March 2024, March (with a marker)
  {
    first: /[adfjmnos]/,
    re: rx(`(?<![a-z])${MON}(?:,?${WS}(?:of${WS})?(${YEAR4})(?![0-9]))?`),
    build(m, c) {
      const [, mon, year] = m;
      const h = calendarHit(c, year === undefined ? 'roll' : +year, monthOfName(mon), undefined);
      return year === undefined ? mark(h, { marker: 'any' }) : h;
    },
  },
  // Q3, Q3 2024, 2024 Q3, Q2/2025
  {
    first: /[q0-9]/,
    re: rx(
      `(?<![a-z0-9])(?:q([1-4])(?:(?:${SP}[/-]${SP}|${WS}(?:of${WS})?)(${YEAR4})(?![0-9]))?|(${YEAR4})[ \\t-]?q([1-4]))(?![a-z0-9])`,
    ),
    build(m, c) {
      const q = +(m[1] ?? m[4]);
      const y = m[2] ?? m[3];
      return periodHit(c, y === undefined ? 'roll' : +y, (yy) => quarterSpan(yy, q), 'quarter');
    },
  },
  // the third quarter, 2nd quarter of 2025, fourth quarter of next year
  {
    first: /[tfs1-4]/,
    re: rx(
      `(?<![a-z0-9])(?:the${WS})?(first|second|third|fourth|1st|2nd|3rd|4th)${WS}quarter(?:${WS}of${WS}(?:(${YEAR4})|(?:the|this)${WS}year|(next)${WS}year))?(?![a-z])`,
    ),
    build(m, c) {
      const q = ['first', 'second', 'third', 'fourth'].indexOf(m[1].toLowerCase()) + 1 || +m[1][0];
      const year: YearSpec = m[2] !== undefined ? +m[2] : m[3] !== undefined ? { rel: 1 } : 'roll';
      return periodHit(c, year, (y) => quarterSpan(y, q), 'quarter');
    },
  },
  // H1, H2 2025, the first half of 2025, second half of next year
  {
    first: /[htfs]/,
    re: rx(
      `(?<![a-z0-9])(?:h([12])(?:${WS}(${YEAR4})(?![0-9]))?|(?:the${WS})?(first|second)${WS}half(?:${WS}of${WS}(?:(${YEAR4})|(the|this)${WS}year|(next)${WS}year))?)(?![a-z0-9])`,
    ),
    build(m, c) {
      const [, hn, hy, word, wy, thisYear, nextYear] = m;
      const h = hn !== undefined ? +hn : word.toLowerCase() === 'first' ? 1 : 2;
      const y = hy ?? wy;
      const year: YearSpec = y !== undefined ? +y : nextYear !== undefined ? { rel: 1 } : 'roll';
      const bare = y === undefined && thisYear === undefined && nextYear === undefined;
      return mark(
        periodHit(c, year, (yy) => halfSpan(yy, h), 'half'),
        { marker: bare ? 'any' : null },
      );
    },
  },
  // this week, next month, the quarter, year end, month-end
  {
    first: /[tnwmqyc]/,
    re: rx(
      `(?<![a-z])(?:(this|next|the|current)${WS})?(week|month|quarter|year)(?:(?:'s|’s)?[ \\t-](end))?(?![a-z])`,
    ),
    build(m, c) {
      const [, rel, unit, end] = m;
      const off = rel?.toLowerCase() === 'next' ? 1 : 0;
      const u = unit.toLowerCase() as 'week' | 'month' | 'quarter' | 'year';
      const h = meetingHit(c, u, (day) =>
        u === 'week'
          ? weekSpan(day + 7 * off)
          : u === 'month'
            ? monthSpan(...monthOf(day, off), 1, 31)
            : u === 'quarter'
              ? quarterSpan(...quarterOf(day, off))
              : yearSpan(civilFromDays(day)[0] + off),
      );
      const bare = rel === undefined || rel.toLowerCase() === 'the';
      if (end !== undefined) mark(h, { first: h.last, limit: true });
      return mark(h, { marker: bare ? 'any' : null });
    },
  },
  // EOD, COB, EOW, EOM, EOQ, EOY, end of (the) day, close of business
  {
    first: /[ecot]/,
    re: rx(
      `(?<![a-z])(?:(eod|cob|eob|eow|eom|eoq|eoy)|(?:the${WS})?(?:end|close)${WS}of${WS}(?:the${WS})?(?:business${WS})?(?:day|business|play))(?![a-z])`,
    ),
    build(m, c) {
      const code = (m[1] ?? 'eod').toLowerCase();
      const h = meetingHit(c, 'day', (day) => {
        const last =
          code === 'eow'
            ? weekSpan(day)[1]
            : code === 'eom'
              ? monthSpan(...monthOf(day, 0), 31, 31)[1]
              : code === 'eoq'
                ? quarterSpan(...quarterOf(day, 0))[1]
                : code === 'eoy'
                  ? yearSpan(civilFromDays(day)[0])[1]
                  : day;
        return [last, last];
      });
      return mark(h, { limit: true });
    },
  },
  // today, tomorrow, the day after tomorrow (with a marker); later today by itself
  {
    first: /[tl]/,
    re: rx(`(?<![a-z])(later${WS})?(today|tonight|tomorrow|the${WS}day${WS}after${WS}tomorrow)(?![a-z])`),
    build(m, c) {
      const w = m[2].toLowerCase();
      const n = w.startsWith('the') ? 2 : w === 'tomorrow' ? 1 : 0;
      return mark(
        meetingHit(c, 'day', (d) => [d + n, d + n]),
        m[1] ? { limit: true } : { marker: 'any' },
      );
    },
  },
  // Friday (with a marker), this Friday, next Tuesday
  {
    first: /[mtwfsnc]/,
    re: rx(`(?<![a-z])(?:(this|next|coming)${WS})?${WD}`),
    build(m, c) {
      const [, rel, wd] = m;
      const r = rel?.toLowerCase();
      const h = weekdayHit(c, weekdayOfName(wd), r === 'this' ? 0 : r === 'next' ? 1 : 'next');
      return r === 'this' || r === 'next' ? h : mark(h, { marker: 'any' });
    },
  },
  // two weeks, 10 days, 5 working days, a month, three months' time (after within/in)
  {
    first: /[0-9aotfsenw]/,
    re: rx(
      `(?<![a-z0-9])(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)${WS}` +
        `(?:(working|business|calendar)${WS})?(day|week|month|year|fortnight)s?(?:['’]s?${WS}time)?` +
        `(?:${WS}(?:of|from|after)${WS}(?:the${WS})?(?:meeting|today|now))?(?![a-z])`,
    ),
    build(m, c) {
      const [, num, kind, unit] = m;
      const n = /^[0-9]/.test(num) ? +num : EN_NUMBERS[num.toLowerCase()];
      const k = kind?.toLowerCase();
      const u = unit.toLowerCase();
      return durationHit(c, n, u === 'day' && (k === 'working' || k === 'business') ? 'working' : u, 'en');
    },
  },
  // 2025 (after an English marker: by 2025, end of 2025)
  {
    first: /[0-9]/,
    re: rx(`(?<![0-9])(${YEAR4})(?![0-9])`),
    english: true,
    build(m, c) {
      return periodHit(c, +m[1], yearSpan, 'year');
    },
  },
  // the 15th (after an English marker)
  {
    first: /[0-9t]/,
    re: rx(`(?<![0-9a-z])(?:the${WS})?(\\d{1,2})(?:st|nd|rd|th)(?![a-z0-9])`),
    english: true,
    build(m, c) {
      return dayOfMonthHit(c, +m[1]);
    },
  },
];

// Markers around a core.

type PrefixKind = 'by' | 'before' | 'within' | 'in';

interface Prefix {
  kind: PrefixKind;
  english: boolean;
  end: number;
}

const CN_PREFIX = rx(
  `(截至|截止到|截止至|截止于|截止|直到|直至|到|至|最迟于|最迟在|最迟|最晚于|最晚在|最晚|不迟于|不晚于)${SP}`,
);
const EN_PREFIX = rx(
  `(?<![a-z])(no${WS}later${WS}than|not${WS}later${WS}than|on${WS}or${WS}before|by|before|until|till|til|through|thru|` +
    `due(?:${WS}(?:by|on|date))?|deadline(?:${WS}(?:is|of))?|within(?:${WS}the${WS}next)?|in${WS}the${WS}next|over${WS}the${WS}next|in)` +
    `(?::[ \\t]{0,2}|[ \\t]{1,2})`,
);

function matchPrefix(s: string, i: number): Prefix | null {
  CN_PREFIX.lastIndex = i;
  const cn = CN_PREFIX.exec(s);
  if (cn) return { kind: 'by', english: false, end: CN_PREFIX.lastIndex };
  EN_PREFIX.lastIndex = i;
  const en = EN_PREFIX.exec(s);
  if (!en) return null;
  const w = en[1].toLowerCase();
  const kind: PrefixKind =
    w === 'before' ? 'before' : w === 'in' ? 'in' : /^(?:within|in|over)/.test(w) ? 'within' : 'by';
  return { kind, english: true, end: EN_PREFIX.lastIndex };
}

type ModKind = 'end' | 'early' | 'mid' | 'late' | 'weekday';

interface Modifier {
  kind: ModKind;
  end: number;
}

const MOD_END = rx(`(?<![a-z])(?:the${WS})?(?:end|close)${WS}of${WS}`);
const MOD_PART = rx(
  `(?<![a-z])(?:(early|mid|late)(?:-|[ \\t]{1,2})(?:of${WS})?|(?:the${WS})?(beginning|start|middle)${WS}of${WS})`,
);
const MOD_WEEKDAY = rx(`(?<![a-z])${WD},?[ \\t]{1,2}`);

function matchModifiers(s: string, j: number): Modifier[] {
  const out: Modifier[] = [];
  MOD_END.lastIndex = j;
  if (MOD_END.test(s)) out.push({ kind: 'end', end: MOD_END.lastIndex });
  MOD_PART.lastIndex = j;
  const part = MOD_PART.exec(s);
  if (part) {
    const w = (part[1] ?? part[2]).toLowerCase();
    out.push({
      kind: w === 'early' || w === 'beginning' || w === 'start' ? 'early' : w === 'late' ? 'late' : 'mid',
      end: MOD_PART.lastIndex,
    });
  }
  MOD_WEEKDAY.lastIndex = j;
  if (MOD_WEEKDAY.test(s)) out.push({ kind: 'weekday', end: MOD_WEEKDAY.lastIndex });
  return out;
}

const POST_WEEKDAY = rx(`${SP}\\(?${SP}(?:星期|周|礼拜)[一二三四五六日天]${SP}\\)?`);
const TIME = `(?:上午|下午|中午|晚上|早上|晚)?${SP}\\d{1,2}(?::\\d{2}|[时点](?:\\d{1,2}分|半|整)?)`;
const POST = rx(
  `(?:(?:${TIME})?${SP}(之前|以前|以内|之内|为止|下班前|截止|前(?!后)|止|内)|(,?${WS}(?:at${WS}the${WS}latest|or${WS}earlier|or${WS}sooner)(?![a-z])))`,
);

type SuffixKind = 'before' | 'within' | 'until' | null;

/** 前 → before, 内 → within, 止 and the English "at the latest" → until. */
function suffixKind(post: RegExpExecArray | null): SuffixKind {
  const cn = post?.[1];
  if (!post) return null;
  if (cn === undefined) return 'until';
  return cn.includes('内') ? 'within' : cn.includes('止') ? 'until' : 'before';
}

// ---------------------------------------------------------------------------------------------------------
// The scanner.

interface Found {
  start: number;
  end: number;
  /** The date itself, without a leading marker (截至, by) or a trailing one (前, at the latest). */
  coreStart: number;
  coreEnd: number;
  date: string | null;
  invalid?: string;
  deadline: boolean;
  placeholder: boolean;
  /** Year, month and day all written out, and a real date. */
  absolute: boolean;
}

/** Full-width ASCII to ASCII and the ideographic space to a space: one UTF-16 unit for one. */
function normalize(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const PREFIX_FIRST = /[截到至直最不a-z]/i;
const prefixStarts = new Map<number, boolean>();

function startsPrefix(code: number): boolean {
  let yes = prefixStarts.get(code);
  if (yes === undefined) prefixStarts.set(code, (yes = PREFIX_FIRST.test(String.fromCharCode(code))));
  return yes;
}

const candidates = new Map<number, Core[]>();

/** The cores that may start with the character `code`. */
function coresFor(code: number): Core[] {
  let list = candidates.get(code);
  if (!list) {
    const ch = String.fromCharCode(code);
    list = CORES.filter((core) => core.first.test(ch.toLowerCase()));
    candidates.set(code, list);
  }
  return list;
}

function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface Options {
  /** A labelled value (时限：…, Due: …): bare weekdays, months and years count. */
  labelled: boolean;
}

/**
 * The expression around a core: its suffix, whether its markers allow it, and its date; null when the
 * core is not an expression here (a duration without 内/within, a bare weekday, in + a date…).
 */
function finish(
  s: string,
  start: number,
  coreStart: number,
  coreEnd: number,
  pre: Prefix | null,
  mod: Modifier | null,
  hit: Hit,
  opts: Options,
): Found | null {
  let end = coreEnd;
  if (hit.dated) {
    POST_WEEKDAY.lastIndex = end;
    if (POST_WEEKDAY.test(s)) end = POST_WEEKDAY.lastIndex;
  }
  POST.lastIndex = end;
  const post = POST.exec(s);
  const suffix = suffixKind(post);
  if (post) end = POST.lastIndex;

  if (
    hit.duration === 'cn'
      ? suffix !== 'within'
      : hit.duration === 'en'
        ? pre?.kind !== 'within' && pre?.kind !== 'in'
        : pre?.kind === 'in'
  )
    return null;
  if (hit.dayOfMonth && suffix === 'within') return null;
  if (hit.marker && !opts.labelled) {
    const marked =
      hit.marker === 'suffix'
        ? suffix === 'before' || suffix === 'until'
        : pre !== null || mod !== null || suffix !== null;
    if (!marked) return null;
  }
  let first = hit.first;
  let last = hit.last;
  if (mod) {
    if (mod.kind === 'weekday') {
      if (!hit.dated) return null;
    } else if (mod.kind === 'end') {
      if (hit.precision === 'day') return null;
      first = last;
    } else {
      if (hit.precision !== 'month') return null;
      if (first !== null && last !== null) {
        const [from, to] = mod.kind === 'early' ? [0, 9] : mod.kind === 'mid' ? [10, 19] : [20, 40];
        last = Math.min(first + to, last);
        first = first + from;
      }
    }
  }
  const usable = !hit.invalid && !hit.placeholder && first !== null && last !== null;
  const day = !usable ? null : pre?.kind === 'before' && mod?.kind !== 'end' ? first! - 1 : last!;
  const found: Found = {
    start,
    end,
    coreStart,
    coreEnd,
    date: day === null ? null : toIso(day),
    deadline: pre !== null || suffix !== null || hit.limit || mod?.kind === 'end',
    placeholder: hit.placeholder,
    absolute: hit.absolute && usable,
  };
  if (hit.invalid) found.invalid = hit.invalid;
  return found;
}

/** The text being scanned (normalized), its context and options. */
interface Scan {
  s: string;
  c: Ctx;
  opts: Options;
}

/** The longest of `best` and the expressions whose core starts at `k` (after prefix `pre` and modifier `mod`). */
function tryCores(
  scan: Scan,
  start: number,
  j: number,
  k: number,
  pre: Prefix | null,
  mod: Modifier | null,
  best: Found | null,
): Found | null {
  const { s, c, opts } = scan;
  for (const core of coresFor(s.charCodeAt(k))) {
    if (core.english && !pre?.english && !mod && !opts.labelled) continue;
    core.re.lastIndex = k;
    const m = core.re.exec(s);
    if (!m) continue;
    const coreEnd = core.re.lastIndex;
    const h = core.build(m, c, s, k);
    const f = h && finish(s, start, j, coreEnd, pre, mod, h, opts);
    if (f && (!best || f.end > best.end)) best = f;
  }
  return best;
}

function tryFrom(scan: Scan, start: number, j: number, pre: Prefix | null, best: Found | null): Found | null {
  if (isLatinCode(scan.s.charCodeAt(j)))
    for (const mod of matchModifiers(scan.s, j)) best = tryCores(scan, start, j, mod.end, pre, mod, best);
  return tryCores(scan, start, j, j, pre, null, best);
}

/** The longest expression starting at `i`, with or without a prefix. */
function matchAt(scan: Scan, i: number): Found | null {
  const pre = startsPrefix(scan.s.charCodeAt(i)) ? matchPrefix(scan.s, i) : null;
  return tryFrom(scan, i, i, null, pre ? tryFrom(scan, i, pre.end, pre, null) : null);
}

/** Calls `visit` with each expression in order, until it returns true. */
/**
 * Where an expression may start: a digit or a Latin letter that begins a run of its kind, a straight quote
 * ("十二五"), or one of the other characters that a core or a prefix starts with.
 */
const START = new RegExp(
  `(?<![0-9])[0-9]|(?<![a-z])[a-z]|["${[...CORES.map((core) => core.first.source), PREFIX_FIRST.source]
    .join('')
    .replace(/[ -~]/g, '')}]`,
  'gi',
);

/** Calls `visit` with each expression in order, until it returns true. */
function scan(text: string, meetingDate: string | null, opts: Options, visit: (f: Found) => boolean): void {
  if (typeof text !== 'string') return;
  const s = normalize(text);
  const meeting = meetingDate === null || meetingDate === undefined ? null : fromIso(meetingDate);
  const state: Scan = { s, c: { meeting }, opts };
  for (let i = 0; i < s.length;) {
    START.lastIndex = i;
    if (!START.test(s)) return;
    const at = START.lastIndex - 1; // START matches one character
    const f = matchAt(state, at);
    if (f) {
      if (visit(f)) return;
      i = f.end;
    } else {
      i = at + 1;
    }
  }
}

/** The first expression that `accept` takes. */
function firstFound(
  text: string,
  meetingDate: string | null,
  opts: Options,
  accept: (f: Found) => boolean,
): Found | null {
  let found: Found | null = null;
  scan(text, meetingDate, opts, (f) => {
    if (accept(f)) found = f;
    return found !== null;
  });
  return found;
}

function toMatch(text: string, f: Found): DateMatch {
  const m: DateMatch = {
    text: text.slice(f.start, f.end),
    start: f.start,
    end: f.end,
    date: f.date,
    deadline: f.deadline,
    placeholder: f.placeholder,
  };
  if (f.invalid) m.invalid = f.invalid;
  return m;
}

/** Every date or deadline expression in `text`, non-overlapping, in order. meetingDate (ISO or null) anchors relative and year-less expressions. */
export function findDates(text: string, meetingDate: string | null): DateMatch[] {
  const out: DateMatch[] = [];
  scan(text, meetingDate, { labelled: false }, (f) => {
    out.push(toMatch(text, f));
    return false;
  });
  return out;
}

const VAGUE = new RegExp(
  [
    '尽快|尽早|及时|抓紧|适时|限时办结|近期|近日|早日|另行通知|另行确定|另行安排|另定|择机|择期|从速|迅速',
    '(?<=(?:时间|日期|时限|期限)[:：]?[ \\t]?)待定',
    '(?<![a-z])(?:asap|a\\.s\\.a\\.p\\.?|as[ \\t]soon[ \\t]as[ \\t](?:possible|practicable|feasible)|(?<!as[ \\t])soon|in[ \\t]due[ \\t](?:course|time)|when(?:ever)?[ \\t]possible|at[ \\t]the[ \\t]earliest[ \\t](?:opportunity|convenience)|promptly|in[ \\t]a[ \\t]timely[ \\t](?:manner|fashion)|(?<=(?:due|deadline|date|timing|timeline|eta|by|when):?[ \\t]{1,3})(?:tbd|tbc|to[ \\t]be[ \\t](?:determined|confirmed|decided|agreed)))(?![a-z])',
  ].join('|'),
  'gi',
);

/** Vague deadline words (尽快, 及时, ASAP, as soon as possible, in due course, due TBD…): non-overlapping spans in order. */
export function findVagueDeadlines(text: string): { text: string; start: number; end: number }[] {
  if (typeof text !== 'string') return [];
  const s = normalize(text);
  const out: { text: string; start: number; end: number }[] = [];
  // exec with lastIndex, not matchAll: matchAll copies the pattern on every call.
  VAGUE.lastIndex = 0;
  for (let m = VAGUE.exec(s); m; m = VAGUE.exec(s)) {
    if (m[0].length === 0) {
      VAGUE.lastIndex++;
      continue;
    }
    out.push({
      text: text.slice(m.index, m.index + m[0].length),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** A labelled value that is wholly "to be decided". */
const UNDECIDED = /^(?:tbd|tbc|to be (?:determined|confirmed|decided|agreed)|待定|未定|另定)[\s.。!！]*$/i;

/** For a labelled value (the text after 时限：/Due:): the first expression found, or a vague word, or unresolvable text. */
export function resolveDeadlineValue(
  value: string,
  meetingDate: string | null,
): { date: string | null; vague: boolean; invalid?: string; placeholder: boolean } {
  const f = firstFound(value, meetingDate, { labelled: true }, () => true);
  if (f) {
    return {
      date: f.date,
      vague: false,
      placeholder: f.placeholder,
      ...(f.invalid ? { invalid: f.invalid } : {}),
    };
  }
  const vague =
    typeof value === 'string' &&
    (UNDECIDED.test(normalize(value).trim()) || findVagueDeadlines(value).length > 0);
  return { date: null, vague, placeholder: false };
}

/** The local calendar day of `now`, as ISO `YYYY-MM-DD`: what the editor and the CLI count as today. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A day written without its year (`10月12日上午`, `May 24th`), read in `year`: the first one in `text`. */
export function findMeetingDay(
  text: string,
  year: number,
): { date: string; start: number; end: number } | null {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const f = firstFound(
    text,
    `${prefix}01-01`,
    { labelled: false },
    (x) =>
      !x.deadline &&
      x.date !== null &&
      x.date.startsWith(prefix) &&
      /[日号]|\d(?:st|nd|rd|th)?\b|^\d{1,2}[./]\d{1,2}$/.test(text.slice(x.coreStart, x.coreEnd)),
  );
  return f && f.date !== null ? { date: f.date, start: f.coreStart, end: f.coreEnd } : null;
}

/** The meeting date from a header value or a prose opening: the first absolute date (year, month and day all given). */
export function findMeetingDate(text: string): { date: string; start: number; end: number } | null {
  const f = firstFound(text, null, { labelled: false }, (x) => x.absolute && x.date !== null);
  return f && f.date !== null ? { date: f.date, start: f.coreStart, end: f.coreEnd } : null;
}
