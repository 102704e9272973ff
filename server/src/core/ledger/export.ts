/**
 * The ledger as a table (the sheet's and the CSV's cells), as Markdown, JSON and an iCalendar file of open
 * deadlines. Pure string building; the xlsx writer and the CSV quoting live with the adapters.
 */
import type { Locale } from '../api';
import { addDays } from '../dates';
import { formatCsv } from '../export';
import { escapeMarkdown } from '../markdown';
import { trimEndOf } from '../text';
import type { Ledger, LedgerRow, UnitSummary } from './ledger';
import { isOpenStatus, STATUS_NAMES } from './vocabulary';

const WORDS = {
  'zh-CN': {
    title: '督办台账',
    summaryTitle: '完成情况汇总',
    columns: ['序号', '会议', '议定事项', '责任单位', '配合单位', '完成时限', '状态', '落实情况', '事项编号'],
    summary: ['责任单位', '事项数', '已完成', '进行中', '未开始', '逾期', '已取消', '完成率'],
    overdue: '逾期',
    overdueColumn: '是否逾期',
    carriedTo: (id: string) => `转 ${id}`,
    origin: (id: string) => `延续 ${id}`,
    completed: (date: string) => `${date}完成`,
    asOf: (today: string) => `统计日期：${today}`,
    dangling: '未能对应的落实情况条目',
    noUnit: '（未明确）',
    separator: '、',
    aside: (text: string, note: string) => `${text}（${note}）`,
    join: '；',
  },
  en: {
    title: 'Follow-up ledger',
    summaryTitle: 'Summary by owner',
    columns: ['No.', 'Meeting', 'Item', 'Owner', 'Supporting', 'Due', 'Status', 'Progress', 'ID'],
    summary: [
      'Owner',
      'Items',
      'Done',
      'In progress',
      'Not started',
      'Overdue',
      'Cancelled',
      'Completion rate',
    ],
    overdue: 'overdue',
    overdueColumn: 'Overdue',
    carriedTo: (id: string) => `carried to ${id}`,
    origin: (id: string) => `continues ${id}`,
    completed: (date: string) => `done ${date}`,
    asOf: (today: string) => `As of ${today}`,
    dangling: 'Follow-up entries that name no known item',
    noUnit: '(none named)',
    separator: ', ',
    aside: (text: string, note: string) => `${text} (${note})`,
    join: '; ',
  },
} satisfies Record<Locale, unknown>;

/** The language the ledger is written in: that of most of its items' minutes (Chinese on a tie). */
export function ledgerLanguage(ledger: Ledger): Locale {
  const en = ledger.rows.filter((r) => r.language === 'en').length;
  return en * 2 > ledger.rows.length ? 'en' : 'zh-CN';
}

export interface LedgerTable {
  title: string;
  headings: string[];
  /** The heading of an overdue column, for formats that add one. */
  overdueHeading: string;
  rows: { cells: string[]; overdue: boolean }[];
  summaryTitle: string;
  summaryHeadings: string[];
  /** Counts as numbers, the rate as a fraction (0–1) or null. */
  summary: (string | number | null)[][];
}

function statusCell(row: LedgerRow, locale: Locale): string {
  const w = WORDS[locale];
  const notes: string[] = [];
  if (row.status === 'done' && row.completedOn) notes.push(w.completed(row.completedOn));
  if (row.status === 'carried-over' && row.carriedTo) notes.push(w.carriedTo(row.carriedTo));
  if (row.overdue) notes.push(w.overdue);
  const name = STATUS_NAMES[row.status][locale];
  return notes.length > 0 ? w.aside(name, notes.join(w.join)) : name;
}

function progressCell(row: LedgerRow, locale: Locale): string {
  const w = WORDS[locale];
  const parts = row.progress ? [trimEndOf(row.progress, '。.；; \t\n\u3000')] : [];
  if (row.origin) parts.push(w.origin(row.origin));
  return parts.join(w.join);
}

/** A unit's summary row: name (or `noUnit`), counts, and the completion rate as a fraction or null. */
export function summaryCells(u: UnitSummary, noUnit: string): (string | number | null)[] {
  return [u.unit || noUnit, u.total, u.done, u.inProgress, u.open, u.overdue, u.cancelled, u.completionRate];
}

/** The ledger's cells: one row per item in meeting order, then the per-unit summary. */
export function ledgerTable(ledger: Ledger, locale: Locale = ledgerLanguage(ledger)): LedgerTable {
  const w = WORDS[locale];
  return {
    title: w.title,
    headings: [...w.columns],
    overdueHeading: w.overdueColumn,
    rows: ledger.rows.map((row, i) => ({
      cells: [
        String(i + 1),
        [row.meetingDate ?? row.file, row.title ?? ''].join(' ').trim(),
        row.text,
        row.lead.join(w.separator),
        row.support.join(w.separator),
        row.deadline ? (row.deadline.date ?? row.deadline.text) : '',
        statusCell(row, locale),
        progressCell(row, locale),
        row.id,
      ],
      overdue: row.overdue,
    })),
    summaryTitle: w.summaryTitle,
    summaryHeadings: [...w.summary],
    summary: ledger.units.map((u) => summaryCells(u, w.noUnit)),
  };
}

const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function markdownTable(headings: string[], rows: string[][]): string[] {
  return [
    `| ${headings.join(' | ')} |`,
    `|${headings.map(() => ' --- |').join('')}`,
    ...rows.map((cells) => `| ${cells.map(escapeMarkdown).join(' | ')} |`),
  ];
}

/** The ledger as CSV (the one CSV writer, `formatCsv`): the sheet's columns, plus an overdue column. */
export function formatLedgerCsv(ledger: Ledger): string {
  const table = ledgerTable(ledger);
  return formatCsv([
    [...table.headings, table.overdueHeading],
    ...table.rows.map((r) => [...r.cells, r.overdue ? 'true' : 'false']),
  ]);
}

/** The ledger as Markdown: the table (overdue rows marked ⚠), the summary by unit and any dangling entries. */
export function formatLedgerMarkdown(ledger: Ledger, today: string | null): string {
  const locale = ledgerLanguage(ledger);
  const w = WORDS[locale];
  const table = ledgerTable(ledger, locale);
  const out = [`# ${table.title}`, ''];
  if (today) out.push(w.asOf(today), '');
  out.push(
    ...markdownTable(
      table.headings,
      table.rows.map((r) => r.cells.map((c, i) => (i === 0 && r.overdue ? `⚠ ${c}` : c))),
    ),
    '',
    `## ${table.summaryTitle}`,
    '',
    ...markdownTable(
      table.summaryHeadings,
      table.summary.map((cells) =>
        cells.map((c, i) => (i === cells.length - 1 ? percent(c as number | null) : String(c))),
      ),
    ),
  );
  if (ledger.dangling.length > 0) {
    out.push('', `## ${w.dangling}`, '');
    for (const d of ledger.dangling) {
      const named = d.ref.id ?? `“${d.ref.quote ?? ''}”`;
      out.push(`- \`${d.file}:${d.ref.range.start.line + 1}\` ${escapeMarkdown(named)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The `minutes ledger --format json` contract, version 1 (see docs/cli.md). */
export function formatLedgerJson(ledger: Ledger, today: string | null): string {
  const json = {
    version: 1,
    today,
    items: ledger.rows,
    units: ledger.units,
    dangling: ledger.dangling.map((d) => ({
      file: d.file,
      id: d.ref.id,
      quote: d.ref.quote,
      range: d.ref.range,
      suggestions: d.suggestions,
    })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** RFC 5545 folding: lines of at most 75 octets, continued with CRLF and a space, never inside a character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (iso: string): string => iso.replace(/-/g, '');

/**
 * Open deadlines as an iCalendar file: one all-day VEVENT per open item with a deadline, its UID made from
 * the item id so that a calendar updates rather than duplicates the event on the next import.
 */
export function formatLedgerIcs(ledger: Ledger, today: string): string {
  const locale = ledgerLanguage(ledger);
  const w = WORDS[locale];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Structured Minutes//Follow-up ledger//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsText(w.title)}`,
  ];
  for (const row of ledger.rows) {
    const due = row.deadline?.date;
    if (!due || !isOpenStatus(row.status)) continue;
    const owners = [...row.lead, ...row.support].join(w.separator);
    const description = [
      `${w.columns[8]}: ${row.id}`,
      `${w.columns[1]}: ${[row.meetingDate ?? '', row.title ?? ''].join(' ').trim()}`,
      `${w.columns[6]}: ${statusCell(row, locale)}`,
      ...(row.progress ? [`${w.columns[7]}: ${row.progress}`] : []),
      `${row.file}:${row.range.start.line + 1}`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${row.id}@structured-minutes`,
      `DTSTAMP:${compact(today)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(due)}`,
      `DTEND;VALUE=DATE:${compact(addDays(due, 1))}`,
      `SUMMARY:${icsText(owners ? w.aside(row.text, owners) : row.text)}`,
      `DESCRIPTION:${icsText(description)}`,
      ...(row.overdue ? ['CATEGORIES:' + icsText(w.overdue)] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
