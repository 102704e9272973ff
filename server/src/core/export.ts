/**
 * The items of many documents as CSV or Markdown: what `minutes actions --format csv|markdown` prints and what
 * the editor's export writes. Pure string building.
 */
import type { DocumentRecord, Locale } from './api';
import { isOverdue } from './features/items';
import { escapeMarkdown } from './markdown';

const strings = {
  en: {
    columns: { item: 'Item', owner: 'Owner', deadline: 'Deadline', status: 'Status', overdue: 'Overdue' },
    status: { open: 'Open', done: 'Done' },
    role: { lead: 'lead', support: 'support' },
    yes: 'Yes',
    ownerSeparator: ', ',
    aside: (text: string, note: string) => `${text} (${note})`,
    file: 'File: ',
    meetingDate: 'Meeting date: ',
    noItems: '_No items._',
    fieldSeparator: ' · ',
  },
  'zh-CN': {
    columns: { item: '事项', owner: '责任单位', deadline: '完成时限', status: '状态', overdue: '逾期' },
    status: { open: '未完成', done: '已完成' },
    role: { lead: '牵头', support: '配合' },
    yes: '是',
    ownerSeparator: '、',
    aside: (text: string, note: string) => `${text}（${note}）`,
    file: '文件：',
    meetingDate: '会议日期：',
    noItems: '_（无事项）_',
    fieldSeparator: '　',
  },
} satisfies Record<Locale, unknown>;

/**
 * Cells a spreadsheet would take for a formula (OWASP "CSV injection"): starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: a would-be formula gets a leading `'` and quotes; `"`, `,` and line breaks get quotes. */
export function csvField(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An item's text as a cell: without its list bullet and check box (`- [ ] `). */
export function itemText(text: string): string {
  return text.replace(/^[-*+•●·]\s+(?:\[[ xX✓✔√]\]\s*)?/, '');
}

/** The CSV headings for Chinese minutes, column for column with `CSV_COLUMNS`. */
export const CSV_COLUMNS_ZH = [
  '文件',
  '标题',
  '会议日期',
  '部分',
  '类型',
  '事项',
  '责任单位',
  '完成时限',
  '时限日期',
  '状态',
  '行号',
] as const;

export const CSV_COLUMNS = [
  'file',
  'title',
  'meeting_date',
  'section',
  'kind',
  'text',
  'owners',
  'deadline',
  'deadline_date',
  'status',
  'line',
] as const;

/**
 * Items as CSV (RFC 4180: CRLF line ends, fields quoted when they hold `"`, `,` or a line break), one row per
 * item, preceded by a UTF-8 byte order mark so spreadsheet programs detect the encoding. A field that a
 * spreadsheet would run as a formula is written as text (see `csvField`). With `today`, an `overdue` column
 * (`true`/`false`) is added.
 */
export function formatActionsCsv(documents: DocumentRecord[], today?: string): string {
  // Chinese minutes get Chinese headings; a mix of languages keeps the English ones.
  const zh = documents.length > 0 && documents.every((d) => d.language === 'zh-CN');
  const header: string[] = zh ? [...CSV_COLUMNS_ZH] : [...CSV_COLUMNS];
  if (today !== undefined) header.push(zh ? '逾期' : 'overdue');
  const rows = [header];
  for (const doc of documents) {
    for (const item of doc.items) {
      const row = [
        doc.file,
        doc.title ?? '',
        doc.meeting.date ?? '',
        item.section ?? '',
        item.kind,
        itemText(item.text),
        item.owners.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)).join('; '),
        item.deadline?.text ?? item.vagueDeadline ?? '',
        item.deadline?.date ?? '',
        item.status,
        String(item.range.start.line + 1),
      ];
      if (today !== undefined) row.push(String(isOverdue(item, today)));
      rows.push(row);
    }
  }
  return formatCsv(rows);
}

/**
 * Rows as CSV (RFC 4180: CRLF line ends, fields quoted when they hold `"`, `,` or a line break, would-be
 * formulas written as text), preceded by a UTF-8 byte order mark so spreadsheet programs detect the encoding.
 */
export function formatCsv(rows: string[][]): string {
  return '\ufeff' + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * Items as Markdown: per document a heading (its title, else its file), a line with the file and meeting
 * date, and a table of items with owners, deadline and status in the chosen language. With `today`, an
 * overdue column is added. Text from documents and file names is escaped (`escapeMarkdown`).
 */
export function formatActionsMarkdown(documents: DocumentRecord[], today?: string): string {
  const blocks = documents.map((doc) => {
    const s = strings[doc.language];
    const lines = [`## ${escapeMarkdown(doc.title ?? doc.file)}`, ''];
    const facts = [`${s.file}${escapeMarkdown(doc.file)}`];
    if (doc.meeting.date) facts.push(`${s.meetingDate}${escapeMarkdown(doc.meeting.date)}`);
    lines.push(facts.join(s.fieldSeparator), '');
    if (doc.items.length === 0) {
      lines.push(s.noItems);
      return lines.join('\n');
    }
    const header = [s.columns.item, s.columns.owner, s.columns.deadline, s.columns.status];
    if (today !== undefined) header.push(s.columns.overdue);
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`);
    for (const item of doc.items) {
      const owners = item.owners
        .map((o) => (o.role ? s.aside(o.name, s.role[o.role]) : o.name))
        .join(s.ownerSeparator);
      const deadline = item.deadline
        ? item.deadline.date && item.deadline.date !== item.deadline.text
          ? s.aside(item.deadline.text, item.deadline.date)
          : item.deadline.text
        : (item.vagueDeadline ?? '');
      const cells = [itemText(item.text), owners, deadline, s.status[item.status]];
      if (today !== undefined) cells.push(isOverdue(item, today) ? s.yes : '');
      lines.push(`| ${cells.map(escapeMarkdown).join(' | ')} |`);
    }
    return lines.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}
