/**
 * The layout model: what a minutes document looks like as a formal document, built from the parsed
 * `MinutesDocument`. One model, two outputs: HTML for the preview (`html.ts`) and Word (`docx.ts`).
 *
 * Chinese minutes are laid out as a 纪要 of GB/T 9704-2012 (`gb`): title, body paragraphs whose 一、 and
 * （一） labels keep the numbering as written, and the 出席/请假/列席 lists at the end (10.3). English minutes
 * get a business style (`business`): title, a header table, numbered sections and an action table.
 * Every block records the source lines it comes from, for scrolling in step and for marking problems.
 */
import type { HeaderField, HeaderKey, Item, MinutesDocument, Section } from '../model';

export type LayoutStyle = 'gb' | 'business';

/** 0-based source lines, inclusive. */
export interface LineRange {
  from: number;
  to: number;
}

/**
 * How a run is set: `heading1` the 一、 level (黑体), `heading2` the （一） level (楷体), `label` a field label
 * (黑体 in `gb`, bold in `business`), `body` running text.
 */
export type RunStyle = 'body' | 'heading1' | 'heading2' | 'label';

export interface LayoutRun {
  text: string;
  style: RunStyle;
}

export interface LayoutField {
  key: HeaderKey;
  label: string;
  value: string;
  lines: LineRange;
}

export interface ActionRow {
  /** The item's text without its list marker and status box. */
  text: string;
  owners: string[];
  /** The deadline as an ISO date when it resolves, else as written; empty when none. */
  due: string;
  done: boolean;
  lines: LineRange;
}

export type LayoutBlock =
  | { kind: 'title'; text: string; lines: LineRange }
  /** Header fields shown at the top: in `gb` the ones that are not attendance lists. */
  | { kind: 'fields'; fields: LayoutField[]; lines: LineRange }
  | { kind: 'heading'; level: 1 | 2; text: string; lines: LineRange }
  | { kind: 'paragraph'; runs: LayoutRun[]; bullet: boolean; lines: LineRange }
  | { kind: 'actions'; rows: ActionRow[]; lines: LineRange }
  /** 出席, 请假, 列席 with their names (`gb` only), after the body. */
  | { kind: 'attendance'; fields: LayoutField[]; lines: LineRange };

export interface Layout {
  style: LayoutStyle;
  /** The document's title, or null. */
  title: string | null;
  blocks: LayoutBlock[];
}

/** The GB/T 9704-2012 10.3 labels, in the standard's order. */
const ATTENDANCE: { key: HeaderKey; label: string }[] = [
  { key: 'attendees', label: '出席' },
  { key: 'absent', label: '请假' },
  { key: 'observers', label: '列席' },
];

const LIST_MARKER = /^\s*(?:[-*+•·]\s+)?(?:\[[ xX✓✔]\]\s*)?/;
const HEADING_MARKER = /^\s*#{1,6}\s+/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;
const BULLET = /^\s*[-*+•·]\s+/;

/** `gb` when the text is mostly Chinese, else `business`. */
export function layoutStyleOf(text: string): LayoutStyle {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) balance--;
    else if (text.charCodeAt(i) >= 0x3400 && text.charCodeAt(i) <= 0x9fff) balance++;
  }
  return balance >= 0 ? 'gb' : 'business';
}

interface SourceLine {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Builds the layout of `doc`; `style` defaults to the one its text calls for. */
export function buildLayout(doc: MinutesDocument, style: LayoutStyle = layoutStyleOf(doc.text)): Layout {
  return new LayoutBuilder(doc, style).build();
}

class LayoutBuilder {
  private readonly lines: SourceLine[];
  private readonly blocks: LayoutBlock[] = [];
  /** Offsets of `@` signs to leave out: the names they mark are shown plain. */
  private readonly dropped = new Set<number>();
  /** Sections by the offset of their heading, items by the offset of their number label. */
  private readonly sectionAt = new Map<number, Section>();
  private readonly numberedItemAt = new Map<number, Item>();
  /** Where the items that are marked done start. */
  private readonly doneStarts: number[] = [];

  constructor(
    private readonly doc: MinutesDocument,
    private readonly style: LayoutStyle,
  ) {
    this.lines = splitLines(doc.text);
    for (const mention of doc.mentions) {
      const at = mention.span.start - 1;
      if (doc.text[at] === '@' || doc.text[at] === '＠') this.dropped.add(at);
    }
    for (const section of doc.sections) this.sectionAt.set(section.headingSpan.start, section);
    for (const item of doc.items) {
      if (item.number) this.numberedItemAt.set(item.number.span.start, item);
      if (item.status === 'done' && item.statusSpan) this.doneStarts.push(item.span.start);
    }
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The text of [start, end) without the dropped `@` signs, whitespace collapsed. */
  private plain(start: number, end: number): string {
    let out = '';
    for (let i = start; i < end; i++) if (!this.dropped.has(i)) out += this.doc.text[i];
    return out.replace(/\s+/g, ' ');
  }

  build(): Layout {
    const { doc } = this;
    const fieldLines = new Map<number, HeaderField>();
    for (const field of doc.header) fieldLines.set(this.lineOf(field.span.start), field);
    const headingLines = new Map<number, Section>();
    for (const section of doc.sections) headingLines.set(this.lineOf(section.headingSpan.start), section);
    const itemStarts = new Map<number, Item>();
    for (const item of doc.items) {
      const line = this.lineOf(item.span.start);
      if (this.lines[line].text.slice(0, item.span.start - this.lines[line].start).trim() === '')
        itemStarts.set(line, item);
    }
    const titleLine = doc.title ? this.lineOf(doc.title.span.start) : -1;

    const top: LayoutField[] = [];
    const attendance: LayoutField[] = [];
    let sectionNumber = 0;
    let paragraph: { from: number; to: number; start: number; end: number } | null = null;
    let actions: ActionRow[] = [];

    const flushParagraph = () => {
      if (paragraph)
        this.blocks.push(
          this.paragraph(paragraph.start, paragraph.end, { from: paragraph.from, to: paragraph.to }),
        );
      paragraph = null;
    };
    const flushActions = () => {
      if (actions.length > 0) {
        const lines = { from: actions[0].lines.from, to: actions[actions.length - 1].lines.to };
        this.blocks.push({ kind: 'actions', rows: actions, lines });
      }
      actions = [];
    };

    for (let n = 0; n < this.lines.length; n++) {
      const line = this.lines[n];
      const item = itemStarts.get(n);
      const continues =
        paragraph !== null &&
        !item &&
        !fieldLines.has(n) &&
        !headingLines.has(n) &&
        !BULLET.test(line.text) &&
        line.text.trim() !== '' &&
        !COMMENT_LINE.test(line.text);
      if (continues && paragraph) {
        paragraph.to = n;
        paragraph.end = line.end;
        continue;
      }
      flushParagraph();
      if (!(item && this.style === 'business' && item.kind === 'action')) flushActions();
      if (line.text.trim() === '' || COMMENT_LINE.test(line.text)) continue;

      if (n === titleLine && doc.title) {
        this.blocks.push({
          kind: 'title',
          text: this.plain(doc.title.span.start, doc.title.span.end).trim(),
          lines: { from: n, to: n },
        });
        continue;
      }
      const field = fieldLines.get(n);
      if (field) {
        const layoutField = this.field(field, n);
        const standard = ATTENDANCE.find((a) => a.key === field.key);
        if (this.style === 'gb' && standard) attendance.push({ ...layoutField, label: standard.label });
        else top.push(layoutField);
        continue;
      }
      if (top.length > 0) this.pushFields(top.splice(0));
      const section = headingLines.get(n);
      if (section && line.text.slice(section.headingSpan.end - line.start).trim() === '') {
        sectionNumber++;
        this.blocks.push(this.heading(section, sectionNumber, n));
        continue;
      }
      if (item && this.style === 'business' && item.kind === 'action') {
        const end = this.itemEnd(item);
        actions.push(this.actionRow(item, { from: n, to: this.lineOf(end) }));
        n = this.lineOf(end);
        continue;
      }
      paragraph = { from: n, to: n, start: line.start, end: line.end };
      if (item) {
        const last = this.lineOf(this.itemEnd(item));
        paragraph.to = last;
        paragraph.end = this.lines[last].end;
        n = last;
      }
    }
    flushParagraph();
    flushActions();
    if (top.length > 0) this.pushFields(top);
    if (attendance.length > 0) {
      const ordered = ATTENDANCE.flatMap((a) => attendance.filter((f) => f.key === a.key));
      const lines = {
        from: Math.min(...ordered.map((f) => f.lines.from)),
        to: Math.max(...ordered.map((f) => f.lines.to)),
      };
      this.blocks.push({ kind: 'attendance', fields: ordered, lines });
    }
    return { style: this.style, title: doc.title ? doc.title.text.trim() : null, blocks: this.blocks };
  }

  /** The item's last offset, not counting a trailing line break. */
  private itemEnd(item: Item): number {
    let end = item.span.end;
    while (end > item.span.start && /\s/.test(this.doc.text[end - 1])) end--;
    return Math.max(item.span.start, end - 1);
  }

  private field(field: HeaderField, line: number): LayoutField {
    const value =
      field.values.length > 0
        ? field.values.map((v) => v.name).join(this.style === 'gb' ? '、' : ', ')
        : this.plain(field.valueSpan.start, field.valueSpan.end).trim();
    return { key: field.key, label: field.label, value, lines: { from: line, to: line } };
  }

  private pushFields(fields: LayoutField[]): void {
    const lines = { from: fields[0].lines.from, to: fields[fields.length - 1].lines.to };
    this.blocks.push({ kind: 'fields', fields, lines });
  }

  private heading(section: Section, ordinal: number, line: number): LayoutBlock {
    const text = this.plain(section.headingSpan.start, section.headingSpan.end)
      .replace(HEADING_MARKER, '')
      .trim();
    const level = section.number?.style === 'cn-paren' ? 2 : 1;
    // English sections are numbered; Chinese ones keep their numbering as written.
    const numbered = this.style === 'business' && section.number === null ? `${ordinal}. ${text}` : text;
    return { kind: 'heading', level, text: numbered, lines: { from: line, to: line } };
  }

  /**
   * A paragraph of source text [start, end): list marker and status box left out; a section heading that
   * opens it is set as a 一、 heading, a （一） label (with its first sentence, when short) as a second-level one.
   */
  private paragraph(start: number, end: number, lines: LineRange): LayoutBlock {
    const { text } = this.doc;
    const bullet = BULLET.test(text.slice(start, end));
    let from = start + (LIST_MARKER.exec(text.slice(start, end))?.[0].length ?? 0);
    from += HEADING_MARKER.exec(text.slice(from, end))?.[0].length ?? 0;
    const runs: LayoutRun[] = [];
    const push = (s: number, e: number, style: RunStyle) => {
      const value = this.plain(s, e);
      if (value !== '') runs.push({ text: value, style });
    };
    const section = this.sectionAt.get(from);
    const item = this.numberedItemAt.get(from);
    if (section) {
      push(from, section.headingSpan.end, 'heading1');
      from = section.headingSpan.end;
    } else if (item?.number?.style === 'cn-paren') {
      const label = item.number.span.end;
      const stop = text.indexOf('。', label);
      const headEnd = stop >= 0 && stop < end && stop - label <= 24 ? stop + 1 : label;
      push(from, headEnd, 'heading2');
      from = headEnd;
    }
    push(from, end, 'body');
    const done = this.doneStarts.some((at) => at >= start && at < end);
    if (done) runs.push({ text: this.style === 'gb' ? '（已完成）' : ' (done)', style: 'body' });
    if (runs.length > 0) runs[runs.length - 1].text = runs[runs.length - 1].text.trimEnd();
    if (runs.length > 0) runs[0].text = runs[0].text.trimStart();
    return { kind: 'paragraph', runs, bullet, lines };
  }

  private actionRow(item: Item, lines: LineRange): ActionRow {
    const { text } = this.doc;
    const end = this.itemEnd(item) + 1;
    const from = item.span.start + (LIST_MARKER.exec(text.slice(item.span.start, end))?.[0].length ?? 0);
    const deadline = item.deadline;
    return {
      text: this.plain(from, end).trim(),
      owners: item.owners.map((o) => o.name),
      due: deadline ? (deadline.date ?? deadline.text) : '',
      done: item.status === 'done',
      lines,
    };
  }
}
