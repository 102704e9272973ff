/**
 * The parser: any string in, a `MinutesDocument` out, never an exception. One pass over the lines builds
 * the structure (title, header, sections, items); a second pass over the text fills in what needs the
 * meeting date (dates, deadlines) and the owners.
 */
import { findDates, findMeetingDate, findVagueDeadlines, resolveDeadlineValue } from './dates';
import type {
  Deadline,
  HeaderField,
  HeaderKey,
  Item,
  ItemKind,
  ItemStatus,
  Meeting,
  MinutesDocument,
  NamedSpan,
  NumberLabel,
  NumberingStyle,
  Section,
  SectionKind,
  Span,
  Suppression,
} from './model';
import { asciiDigits, chineseToNumber } from './numbers';
import { findMentions, findOwners, type IsKnownUnit } from './owners';
import { findPlaceholders } from './placeholders';
import { afterBoundary, codePointBoundary, execAfter, LineIndex, trimEndOf } from './text';
import {
  CN_SECTION_VERBS,
  DEADLINE_LABELS,
  DONE_WORDS,
  HEADER_KEYS,
  ITEM_PREFIXES,
  itemKindOf,
  LABEL_BOUNDARY,
  LIST_HEADER_KEYS,
  SECTION_TITLES,
  STATUS_LABELS,
} from './vocabulary';

export interface ParseOptions {
  /** Names the registry knows, so prose like `请城投公司…` is read as an owner. */
  isKnownUnit?: IsKnownUnit;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const HEADER_LOOKUP = new Map<string, HeaderKey>();
for (const [key, labels] of Object.entries(HEADER_KEYS) as [HeaderKey, readonly string[]][]) {
  for (const l of labels) HEADER_LOOKUP.set(l.toLowerCase(), key);
}
const HEADER_LINE = new RegExp(
  `^(?:[-*+]\\s+)?(?:\\*\\*)?(${alternation([...HEADER_LOOKUP.keys()])})(?:\\*\\*)?\\s*[:：](?:\\*\\*)?\\s*(.*)$`,
  'i',
);

const VERB_KIND = new Map<string, SectionKind>(CN_SECTION_VERBS);
const VERBS = alternation(CN_SECTION_VERBS.map(([v]) => v));
const VERB_PREFIX =
  '(?:会议|会上|与会(?:人员|同志|代表|各方)?|本次会议|经会议)(?:经|经过)?(?:认真|充分|深入)?(?:研究|讨论|审议)?(?:并|后)?[，,]?(?:一致)?';
const VERB_TAIL = '(?:了|如下|以下|事项)*[^\\S\\n]*(?:[，,：:。]|(?=[^\\S\\n]*$))?';
/** `会议决定，` at the start of a line or a sentence. */
const VERB_INLINE = new RegExp(`(${VERB_PREFIX})(${VERBS})${VERB_TAIL}`, 'g');
const VERB_AT_START = new RegExp(`^(${VERB_PREFIX})(${VERBS})${VERB_TAIL}`);

const MD_HEADING = /^(#{1,6})[ \t]+(\S.*)$/;
const CN_SECTION = /^([一二三四五六七八九十]{1,3})[、．]\s*/;
const CN_PAREN = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*/;
const AR_PAREN = /^[（(]([0-9０-９]{1,3})[）)]\s*/;
const AR_DOT = /^([0-9０-９]{1,3})(?:[.．、](?![0-9０-９])|[)）])\s*/;
const BULLET = /^[-*+•●·]\s+(?:\[([ xX✓√])\]\s+)?/;
const CN_SHI_INLINE = /([一二三四五六七八九十]{1,3})是(?!否|非|的)/g;
const PREFIX_INLINE = new RegExp(
  `(${alternation(ITEM_PREFIXES.map(([p]) => p))})(?:\\s*[(（]([^)）\\n]{0,80})[)）])?\\s*[:：]\\s*`,
  'g',
);
/** UK-style minute prefixes without a colon: `RESOLVED that…`, `AGREED to…`. Formal decisions. */
const RESOLVED_INLINE = /(RESOLVED|AGREED|DECIDED)\b[:\s]?\s*/g;
const PREFIX_KIND = new Map<string, ItemKind>(ITEM_PREFIXES.map(([p, k]) => [p.toLowerCase(), k]));
const EN_SECTION_LINE = /^(?:\*\*)?([A-Za-z][A-Za-z -]{2,30}?)(?:\*\*)?\s*[:：]?\s*(?:\*\*)?$/;
const TABLE_ROW = /^\|.*\|$/;
const TABLE_SEPARATOR = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$/;
const OWNER_COLUMN =
  /^(?:owners?|responsible|who|lead|assigned to|assignee|action by|责任单位|牵头单位|责任人|负责人|承办单位|主办单位|责任部门|牵头部门)$/i;
const DEADLINE_COLUMN =
  /^(?:due|due date|deadline|by|by when|when|target date|时限|完成时限|完成时间|截止时间|截止日期|期限)$/i;
const STATUS_COLUMN = /^(?:status|state|done|状态|进展|完成情况|进展情况)$/i;
const RECURRING =
  /每(?:个)?(?:年度?|季度|季|月|半月|周|旬|半年)(?:末|底|初)?(?:前)?[^。；;，,\n]{0,8}?(?:通报|报送|报告|汇报|调度|召开|督查|检查|考核|上报|研究|更新|开展)|长期坚持|常态化(?:开展|推进)?|持续推进/;
/** `现将会议议定事项纪要如下：` — announces that numbered paragraphs after it are decisions (or requirements). */
const ANNOUNCE =
  /(?:(议定|决定|决议|明确|同意)|(要求|部署|安排|分工))[^。；;\n]{0,12}?如下[:：]?\s*$|(?:会议)?(议定|决定)(?:事项)?[:：]\s*$/;
/** `一、关于园区建设问题`: a numbered topic heading, not an item, even under an announcement. */
const TOPIC_TITLE = /^\s*关于|^[^。；;，,：:]{0,24}(?:问题|事项|情况)\s*$/;
/** `… (Dev, Fri)`: the date after the owner in a closing parenthesis. */
const TRAILING_PAREN_DATE = /[(（][^()（）\n]{1,40}[,，;；]\s*([^()（）,，\n]{1,30})[)）][.。]?$/;
const NEXT_MEETING =
  /(?:before|by|prior to|ahead of|at)\s+the\s+next\s+(?:\w+\s+)?meeting|下次(?:会议|例会|常务会议|办公会议)(?:召开)?前/i;
/** Approval verbs: a 会议同意… paragraph records an approval, not an assignment. */
const APPROVAL_VERBS = new Set(['同意', '原则同意', '一致同意', '审议通过', '通过', '批准']);
/** Lines of a 纪要's closing block: distribution and attachments, not items. */
const FOOTER_LINE = /^(?:抄送|抄报|报送|主送|分送|印发|发送|附件)\s*[:：]/;
const COMMENT = /^<!--([\s\S]*?)-->$/;
const SUPPRESS = /^\s*minutes-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;
const DEADLINE_LABEL = new RegExp(`(${alternation(DEADLINE_LABELS)})\\s*[:：]\\s*`, 'gi');
const STATUS_LABEL = new RegExp(`(?:${alternation(STATUS_LABELS)})\\s*[:：]\\s*([^\\s，,。；;）)]+)`, 'i');
/** A decision that records an approval rather than assigning work: 同意…, Approved …, … Carried. */
const RESOLUTION =
  /^(?:原则上?同意|同意|审议通过|通过|批准|原则通过|approved?\b|adopted?\b|agreed that\b|carried\b|noted\b|resolved that\b|endorsed?\b|ratified\b)/i;
const RESOLUTION_END =
  /(?:(?:motion|it was)\s+)?(?:carried|passed|approved|adopted|defeated|rejected|lost|withdrawn)(?:\s+unanimously|\s+nem\.?\s*con\.?)?[.。]?$|(?:一致|全票|表决)通过[。.]?$/i;
const LINE_INDENT = /^[\s\u3000\uFEFF]*/;
const SENTENCE_END = /[。！？；!?]$/;

interface OpenItem {
  kind: ItemKind;
  number: NumberLabel | null;
  start: number;
  bodyStart: number;
  end: number;
  section: number | null;
  /** How it began: bullets end at a blank line, paragraphs at a new paragraph; numbered items run on. */
  form: 'bullet' | 'paragraph' | 'numbered';
  box: { done: boolean; span: Span } | null;
  /** Recorded with `RESOLVED`/`AGREED`: a formal decision, needing no owner. */
  resolved?: boolean;
  /** A row of an action table: the cells under its owner, deadline and status columns. */
  cells?: { owner: Span | null; deadline: Span | null; status: Span | null };
}

interface TableColumns {
  owner: number;
  deadline: number;
  status: number;
}

interface OpenSection extends Section {
  /** A heading or a verb line that only announces what follows (`## 会议决定`, `会议议定如下：`). */
  container: boolean;
  /** Begun by a verb at a paragraph start (`会议认为，…`), so the next such paragraph is a sibling. */
  byVerb: boolean;
  /** A numbered agenda heading (`3. Cloud migration`): the next one is a sibling. */
  agenda: boolean;
}

class Parser {
  readonly lines: LineIndex;
  title: MinutesDocument['title'] = null;
  readonly header: HeaderField[] = [];
  readonly sections: OpenSection[] = [];
  readonly raw: OpenItem[] = [];
  readonly suppressions: Suppression[] = [];
  private kind: SectionKind = 'other';
  private item: OpenItem | null = null;
  private seenContent = false;
  private prevBlank = true;
  private prevStructural = false;
  private prevContent = '';
  private pendingNextLine: string[] | null = null;
  private table: TableColumns | null = null;
  /** `minutes-disable` comments not yet closed by `minutes-enable`. */
  private openDisables: Suppression[] = [];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  private get section(): OpenSection | null {
    return this.sections.length > 0 ? this.sections[this.sections.length - 1] : null;
  }

  run(): void {
    const { lines, text } = this;
    for (let i = 0; i < lines.lineCount; i++) {
      const ls = lines.lineStart(i);
      const le = lines.lineEnd(i);
      const raw = text.slice(ls, le);
      const ind = LINE_INDENT.exec(raw)![0].length;
      const content = raw.slice(ind).trimEnd();
      if (content.length === 0) {
        this.blank();
        continue;
      }
      const cs = ls + ind;
      const ce = cs + content.length;
      const comment = COMMENT.exec(content);
      if (comment) {
        this.comment(comment[1], i);
        continue;
      }
      if (this.pendingNextLine) {
        this.suppressions.push({ rules: this.pendingNextLine, fromLine: i, toLine: i });
        this.pendingNextLine = null;
      }
      if (TABLE_ROW.test(content)) {
        this.tableRow(i, content, cs);
        this.prevStructural = true;
        this.prevBlank = false;
        this.prevContent = content;
        continue;
      }
      this.table = null;
      const structural = this.line(i, content, cs, ce, ind);
      this.prevStructural = structural;
      this.prevBlank = false;
      this.prevContent = content;
    }
    this.closeItem();
    for (let s = 0; s < this.sections.length; s++) {
      this.sections[s].span.end =
        s + 1 < this.sections.length ? this.sections[s + 1].span.start : text.length;
    }
  }

  /** Splits a table row into its cells' spans (trimmed), by unescaped `|`. */
  private cells(content: string, cs: number): Span[] {
    const out: Span[] = [];
    let start = 1;
    for (let k = 1; k < content.length; k++) {
      if (content[k] === '|' && content[k - 1] !== '\\') {
        let a = start;
        let b = k;
        while (a < b && /\s/.test(content[a])) a++;
        while (b > a && /\s/.test(content[b - 1])) b--;
        out.push({ start: cs + a, end: cs + b });
        start = k + 1;
      }
    }
    return out;
  }

  /**
   * A Markdown table row. A header row whose next line is a separator names the columns; in a table with
   * an owner or deadline column, every row is an item whose owners and deadline come from those cells.
   */
  private tableRow(line: number, content: string, cs: number): void {
    this.closeItem();
    if (TABLE_SEPARATOR.test(content)) return;
    const next = line + 1 < this.lines.lineCount ? this.lines.lineText(line + 1).trim() : '';
    const cells = this.cells(content, cs);
    if (TABLE_SEPARATOR.test(next)) {
      const names = cells.map((c) => this.text.slice(c.start, c.end).replace(/[*_`]/g, '').trim());
      const find = (re: RegExp): number => names.findIndex((n) => re.test(n));
      const columns = {
        owner: find(OWNER_COLUMN),
        deadline: find(DEADLINE_COLUMN),
        status: find(STATUS_COLUMN),
      };
      this.table = columns.owner >= 0 || columns.deadline >= 0 ? columns : null;
      return;
    }
    const t = this.table;
    if (!t || cells.length === 0) return;
    const kind: ItemKind = this.kind === 'decision' || this.kind === 'requirement' ? this.kind : 'action';
    const cell = (k: number): Span | null => (k >= 0 && k < cells.length ? cells[k] : null);
    this.startItem('bullet', null, cs, cells[0].start, null, kind);
    this.item!.end = cs + content.length;
    this.item!.cells = { owner: cell(t.owner), deadline: cell(t.deadline), status: cell(t.status) };
    this.closeItem();
  }

  private blank(): void {
    if (this.item && this.item.form !== 'numbered') this.closeItem();
    this.prevBlank = true;
  }

  private comment(body: string, line: number): void {
    const m = SUPPRESS.exec(body);
    if (!m) return;
    const rules = m[2].split(/[\s,]+/).filter((r) => /^[a-z][a-z0-9-]*$/.test(r));
    switch (m[1]) {
      case 'disable-next-line':
        this.pendingNextLine = rules;
        break;
      case 'disable-line':
        this.suppressions.push({ rules, fromLine: line, toLine: line });
        break;
      case 'disable': {
        const open = { rules, fromLine: line, toLine: Number.MAX_SAFE_INTEGER };
        this.suppressions.push(open);
        this.openDisables.push(open);
        break;
      }
      case 'enable':
        this.openDisables = this.openDisables.filter((s) => {
          const closes = rules.length === 0 || rules.some((r) => s.rules.includes(r));
          if (closes) s.toLine = line - 1;
          return !closes;
        });
        break;
    }
  }

  /** Handles one non-blank line; returns whether it was structural (a heading or a header field). */
  private line(_line: number, content: string, cs: number, ce: number, ind: number): boolean {
    const first = !this.seenContent;
    this.seenContent = true;

    const md = MD_HEADING.exec(content);
    // `## Title ##`: the closing hashes are not part of the title.
    const heading = md ? ([md[0], md[1], withoutClosingHashes(md[2])] as const) : null;
    if (heading) {
      if (first || (heading[1].length === 1 && !this.title && this.sections.length === 0)) {
        const t = heading[2];
        const at = cs + content.indexOf(t, heading[1].length);
        this.title = { text: t, span: { start: at, end: at + t.length } };
        return true;
      }
      this.heading(heading[2], cs + content.indexOf(heading[2], heading[1].length), cs);
      return true;
    }

    const header = HEADER_LINE.exec(content);
    if (header) {
      this.headerField(header, content, cs, ce);
      return true;
    }

    if (first && !CN_SECTION.test(content) && !VERB_AT_START.test(content)) {
      this.title = { text: content, span: { start: cs, end: ce } };
      return true;
    }

    const en = content.length <= 60 ? EN_SECTION_LINE.exec(content) : null;
    if (en) {
      const kind = titleKind(en[1].trim());
      if (kind) {
        this.openSection({
          kind,
          heading: en[1].trim(),
          headingSpan: { start: cs, end: ce },
          start: cs,
          number: null,
          container: true,
          byVerb: false,
        });
        return true;
      }
    }

    const cn = CN_SECTION.exec(content);
    if (cn) {
      const value = chineseToNumber(cn[1]);
      const label = value === null ? null : this.label('cn-section', value, cn[0].trimEnd(), cs);
      const sec = this.section;
      if (
        sec &&
        sec.container &&
        sec.kind !== 'other' &&
        !sec.number &&
        !TOPIC_TITLE.test(content.slice(cn[0].length))
      ) {
        this.startItem('numbered', label, cs, cs + cn[0].length);
        this.inline(cs + cn[0].length, ce, false);
      } else {
        this.ordinalSection(label, content.slice(cn[0].length), cs, cs + cn[0].length, ce);
      }
      return false;
    }

    if (FOOTER_LINE.test(content)) {
      this.closeItem();
      return true;
    }

    const agenda = this.agendaHeading(content, cs, ce);
    if (agenda) return true;

    const numbered = this.itemMarker(content, cs);
    if (numbered) {
      this.startItem(numbered.form, numbered.label, cs, numbered.bodyStart, numbered.box);
      this.inline(numbered.bodyStart, ce, false);
      return false;
    }

    const continuing = this.item && this.item.form === 'bullet' && ind > 0 && !this.prevBlank;
    const newParagraph =
      !continuing &&
      (this.prevBlank || this.prevStructural || ind > 0 || SENTENCE_END.test(this.prevContent));
    if (newParagraph && this.item && this.item.form !== 'numbered') this.closeItem();
    this.inline(cs, ce, newParagraph);
    return false;
  }

  private headerField(m: RegExpExecArray, content: string, cs: number, ce: number): void {
    this.closeItem();
    const labelText = m[1];
    const key = HEADER_LOOKUP.get(labelText.replace(/\s+/g, ' ').toLowerCase())!;
    const value = m[2].replace(/\*\*$/, '').trim();
    const valueStart = value.length > 0 ? cs + content.lastIndexOf(value) : ce;
    const valueSpan = { start: valueStart, end: valueStart + value.length };
    const values: NamedSpan[] = [];
    if (LIST_HEADER_KEYS.has(key)) {
      // Names split on 、，,；; — and on spaces between Chinese names or before `@`.
      const parts = /[^、，,；;]+/g;
      for (let p = parts.exec(value); p; p = parts.exec(value)) {
        const words = /[\u4e00-\u9fff]/.test(p[0]) || p[0].includes('@') ? /[^\s]+/g : /\S.*\S|\S/g;
        for (let w = words.exec(p[0]); w; w = words.exec(p[0])) {
          const name = w[0]
            .replace(/^[@＠]/, '')
            .replace(/\s*[(（][^)）]*[)）]$/, '')
            .replace(/等$/, '');
          if (name.length === 0) continue;
          const at = valueStart + p.index + w.index + w[0].indexOf(name);
          values.push({ name, span: { start: at, end: at + name.length } });
        }
      }
    }
    this.header.push({ key, label: labelText, value, values, span: { start: cs, end: ce }, valueSpan });
  }

  private heading(textOfHeading: string, at: number, lineStart: number): void {
    const cn = CN_SECTION.exec(textOfHeading);
    const number = cn ? this.label('cn-section', chineseToNumber(cn[1]) ?? 0, cn[0].trimEnd(), at) : null;
    const rest = cn ? textOfHeading.slice(cn[0].length) : textOfHeading;
    const verb = VERB_AT_START.exec(rest);
    const kind: SectionKind = verb ? (VERB_KIND.get(verb[2]) ?? 'other') : (titleKind(rest) ?? 'other');
    this.openSection({
      kind,
      heading: textOfHeading,
      headingSpan: { start: at, end: at + textOfHeading.length },
      start: lineStart,
      number,
      container: true,
      byVerb: false,
    });
  }

  /** `四、会议决定，一是…` or `一、关于园区建设问题`. */
  private ordinalSection(
    label: NumberLabel | null,
    rest: string,
    cs: number,
    restStart: number,
    ce: number,
  ): void {
    const verb = VERB_AT_START.exec(rest);
    if (verb) {
      const headEnd = restStart + verb[1].length + verb[2].length;
      const kind = VERB_KIND.get(verb[2]) ?? 'other';
      const onlyHeading = rest.slice(verb[0].length).trim().length === 0;
      this.openSection({
        kind,
        heading: this.text.slice(cs, headEnd),
        headingSpan: { start: cs, end: headEnd },
        start: cs,
        number: label,
        container: onlyHeading,
        byVerb: false,
      });
      this.inline(restStart + verb[0].length, ce, true);
      return;
    }
    const clause = /^[^，,。；;：:！!？?]{0,40}/.exec(rest)![0];
    const headEnd = codePointBoundary(this.text, restStart + clause.length);
    this.openSection({
      kind: titleKind(clause) ?? 'other',
      heading: this.text.slice(cs, headEnd),
      headingSpan: { start: cs, end: headEnd },
      start: cs,
      number: label,
      container: true,
      byVerb: false,
    });
    if (headEnd < ce) this.inline(headEnd, ce, false);
  }

  /**
   * `1. Welcome and apologies`, `3. Cloud migration`: a short numbered title with no sentence punctuation,
   * outside a decision or requirement list, is an agenda heading of English-style minutes, not an item.
   */
  private agendaHeading(content: string, cs: number, ce: number): boolean {
    const m = AR_DOT.exec(content);
    if (!m) return false;
    const title = content.slice(m[0].length);
    const value = Number(asciiDigits(m[1]));
    const sec = this.section;
    // Inside an agenda item about decisions or actions, `1. …` lines are its items; the next agenda number
    // is the next heading.
    const heading =
      sec === null ||
      (sec.agenda ? sec.kind === 'other' || value === (sec.number?.value ?? 0) + 1 : sec.kind === 'other');
    if (
      !heading ||
      !/^[A-Za-z]/.test(title) ||
      title.length > 60 ||
      /[.。;；:：,，!?！？]$|[:：]\s/.test(title)
    ) {
      return false;
    }
    const label = this.label('arabic-dot', value, m[0].trimEnd(), cs);
    this.openSection({
      kind: titleKind(title) ?? 'other',
      heading: content,
      headingSpan: { start: cs, end: ce },
      start: cs,
      number: label,
      container: true,
      byVerb: false,
      agenda: true,
    });
    return true;
  }

  private openSection(s: {
    kind: SectionKind;
    heading: string;
    headingSpan: Span;
    start: number;
    number: NumberLabel | null;
    container: boolean;
    byVerb: boolean;
    agenda?: boolean;
  }): void {
    this.closeItem(s.start);
    this.kind = s.kind;
    this.sections.push({
      kind: s.kind,
      heading: s.heading.trim(),
      headingSpan: s.headingSpan,
      span: { start: s.start, end: s.start },
      number: s.number,
      items: [],
      container: s.container,
      byVerb: s.byVerb,
      agenda: s.agenda === true,
    });
  }

  private label(style: NumberingStyle, value: number, textOfLabel: string, at: number): NumberLabel {
    return { style, value, text: textOfLabel, span: { start: at, end: at + textOfLabel.length } };
  }

  private itemMarker(
    content: string,
    cs: number,
  ): { form: OpenItem['form']; label: NumberLabel | null; bodyStart: number; box: OpenItem['box'] } | null {
    let m = BULLET.exec(content);
    if (m) {
      const box = m[1] === undefined ? null : { done: m[1] !== ' ', span: boxSpan(content, cs) };
      return { form: 'bullet', label: null, bodyStart: cs + m[0].length, box };
    }
    const forms: [RegExp, NumberingStyle, (s: string) => number | null][] = [
      [CN_PAREN, 'cn-paren', chineseToNumber],
      [AR_PAREN, 'arabic-paren', (s) => Number(asciiDigits(s))],
      [AR_DOT, 'arabic-dot', (s) => Number(asciiDigits(s))],
    ];
    for (const [re, style, value] of forms) {
      m = re.exec(content);
      if (!m) continue;
      const v = value(m[1]);
      if (v === null) continue;
      return {
        form: 'numbered',
        label: this.label(style, v, m[0].trimEnd(), cs),
        bodyStart: cs + m[0].length,
        box: null,
      };
    }
    return null;
  }

  /** Scans text[from, to) for verb phrases, `一是` runs and explicit prefixes. */
  private inline(from: number, to: number, newParagraph: boolean): void {
    const slice = this.text.slice(from, to);
    const marks: {
      at: number;
      end: number;
      type: 'verb' | 'shi' | 'prefix' | 'resolved';
      m: RegExpExecArray;
    }[] = [];
    // Each marker counts only after a boundary: the start, or the punctuation (and spaces) given here. Checked
    // by hand rather than by a leading lookbehind, so that the engine can skip ahead to each marker's first
    // character.
    for (const [re, type, boundary, skipSpace] of [
      [VERB_INLINE, 'verb', '。；;！!？?', true],
      [CN_SHI_INLINE, 'shi', '。；;：:，,！!？? \t\u3000', false],
      [PREFIX_INLINE, 'prefix', '。；;！!？?', true],
      [RESOLVED_INLINE, 'resolved', '.。', true],
    ] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (!afterBoundary(slice, m.index, boundary, skipSpace)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        marks.push({ at: from + m.index, end: from + m.index + m[0].length, type, m });
      }
    }
    marks.sort((a, b) => a.at - b.at);

    const startsWithMark = marks.length > 0 && this.text.slice(from, marks[0].at).trim().length === 0;
    if (newParagraph && !startsWithMark) this.paragraphItem(from, to);
    if (this.item) this.item.end = Math.max(this.item.end, marks.length > 0 ? marks[0].at : to);

    let lastEnd = -1;
    for (let k = 0; k < marks.length; k++) {
      const mark = marks[k];
      if (mark.at < lastEnd) continue;
      const next = k + 1 < marks.length ? marks[k + 1].at : to;
      if (mark.type === 'verb') {
        const kind = VERB_KIND.get(mark.m[2]) ?? 'other';
        const atParagraphStart = newParagraph && k === 0 && startsWithMark;
        const sec = this.section;
        if (!sec || (atParagraphStart && sec.byVerb)) {
          const headEnd = mark.at + mark.m[1].length + mark.m[2].length;
          const rest = this.text.slice(mark.end, to).trim();
          this.openSection({
            kind,
            heading: this.text.slice(mark.at, headEnd),
            headingSpan: { start: mark.at, end: headEnd },
            start: atParagraphStart ? this.lines.lineStart(this.lines.lineAt(mark.at)) : mark.at,
            number: null,
            container: rest.length === 0,
            byVerb: true,
          });
        } else {
          this.closeItem(mark.at);
          this.kind = kind;
          if (sec.kind === 'other') sec.kind = kind;
        }
        if (this.text.slice(mark.end, next).replace(/[\s，,：:。；;]/g, '').length > 0) {
          this.paragraphItem(mark.end, next);
          // 会议同意…, 会议审议通过…: what follows records an approval.
          if (this.item && APPROVAL_VERBS.has(mark.m[2])) this.item.resolved = true;
        }
      } else if (mark.type === 'shi') {
        const value = chineseToNumber(mark.m[1]);
        if (value === null) continue;
        const label = this.label('cn-shi', value, mark.m[0], mark.at);
        this.startItem('numbered', label, mark.at, mark.end);
        if (this.item) this.item.end = next;
      } else if (mark.type === 'resolved') {
        this.startItem('numbered', null, mark.at, mark.end, null, 'decision');
        if (this.item) {
          this.item.resolved = true;
          this.item.end = next;
        }
      } else {
        const kind = PREFIX_KIND.get(mark.m[1].toLowerCase()) ?? 'action';
        this.startItem('numbered', null, mark.at, mark.end, null, kind);
        if (this.item) this.item.end = next;
      }
      lastEnd = mark.end;
    }
    if (this.item && marks.length > 0) this.item.end = Math.max(this.item.end, to);
    this.announcement(from, to);
  }

  /** A paragraph ending in `…议定事项纪要如下：` opens a decision section for the numbered paragraphs after it. */
  private announcement(from: number, to: number): void {
    const m = ANNOUNCE.exec(this.text.slice(Math.max(from, to - 40), to));
    if (!m) return;
    const kind: SectionKind = m[2] ? 'requirement' : 'decision';
    const sec = this.section;
    if (sec && !sec.byVerb && sec.kind === 'other') {
      sec.kind = kind;
      this.kind = kind;
      return;
    }
    if (sec && !sec.byVerb) return;
    const at = to - m[0].length;
    this.openSection({
      kind,
      heading: m[0].replace(/(?:纪要)?如下[:：]?\s*$|[:：\s]+$/, ''),
      headingSpan: { start: at, end: to },
      start: at,
      number: null,
      container: true,
      byVerb: false,
    });
  }

  /** A paragraph of a decision or requirement section is an item of its own. */
  private paragraphItem(from: number, to: number): void {
    if (this.kind !== 'decision' && this.kind !== 'requirement') return;
    if (this.text.slice(from, to).trim().length === 0) return;
    if (this.item && this.item.form === 'numbered') return;
    this.startItem('paragraph', null, from, from);
    if (this.item) this.item.end = to;
  }

  private startItem(
    form: OpenItem['form'],
    number: NumberLabel | null,
    start: number,
    bodyStart: number,
    box: OpenItem['box'] = null,
    explicitKind?: ItemKind,
  ): void {
    const open = this.item;
    if (
      open &&
      start >= open.bodyStart &&
      this.text.slice(open.bodyStart, start).trim().length === 0 &&
      this.lines.lineAt(open.bodyStart) === this.lines.lineAt(start)
    ) {
      // A marker right at the start of an item's text (`- Decision: …`, `（一）一是…`) refines that item.
      open.bodyStart = bodyStart;
      open.end = Math.max(open.end, bodyStart);
      if (!open.number) open.number = number;
      if (explicitKind && !(explicitKind === 'decision' && open.box)) open.kind = explicitKind;
      return;
    }
    this.closeItem(start);
    const kind: ItemKind = explicitKind ?? (box ? 'action' : itemKindOf(this.kind));
    const sectionIndex = this.sections.length > 0 ? this.sections.length - 1 : null;
    this.item = { kind, number, start, bodyStart, end: bodyStart, section: sectionIndex, form, box };
  }

  private closeItem(at?: number): void {
    const item = this.item;
    if (!item) return;
    this.item = null;
    let end = at === undefined ? item.end : Math.min(Math.max(item.end, item.bodyStart), at);
    while (end > item.start && /\s/.test(this.text[end - 1])) end--;
    item.end = Math.max(end, item.start);
    this.raw.push(item);
  }
}

/** `Title ##` → `Title`. */
function withoutClosingHashes(title: string): string {
  const t = title.trimEnd();
  const hashes = /#+$/.exec(t);
  return hashes && hashes.index > 0 && /[ \t]/.test(t[hashes.index - 1])
    ? t.slice(0, hashes.index).trimEnd()
    : t;
}

function titleKind(title: string): SectionKind | null {
  const t = title.replace(/^[\s*_]+/, '');
  const verb = VERB_AT_START.exec(t);
  if (verb) return VERB_KIND.get(verb[2]) ?? null;
  for (const [re, kind] of SECTION_TITLES) if (re.test(t)) return kind;
  return null;
}

function boxSpan(content: string, cs: number): Span {
  const at = content.indexOf('[');
  return { start: cs + at, end: cs + at + 3 };
}

/** White space collapsed to single spaces (single spaces, the usual case, are left as they are). */
function collapse(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

function headSpan(text: string, item: OpenItem): Span {
  const limit = codePointBoundary(text, Math.min(item.end, item.bodyStart + 60));
  const stop = /[。；;！!？?\n]/.exec(text.slice(item.bodyStart, limit));
  let end = stop ? item.bodyStart + stop.index : limit;
  while (end > item.start && /[\s，,：:]/.test(text[end - 1])) end--;
  return { start: item.start, end: Math.max(end, Math.min(item.start + 1, item.end)) };
}

function meetingOf(
  text: string,
  header: HeaderField[],
  title: MinutesDocument['title'],
  firstSection: number,
): Meeting {
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
  const dateField = field('date');
  if (dateField) {
    const d = findMeetingDate(dateField.value);
    if (d) {
      meeting.date = d.date;
      meeting.dateSpan = {
        start: dateField.valueSpan.start + d.start,
        end: dateField.valueSpan.start + d.end,
      };
    }
  }
  // The prose opening: "2015年2月12日上午，县长张三主持召开县政府常务会议，…"
  const openingEnd = Math.min(firstSection, (title?.span.end ?? 0) + 600, text.length);
  const opening = text.slice(title?.span.end ?? 0, openingEnd);
  const openingBase = title?.span.end ?? 0;
  if (!meeting.date && title) {
    const d = findMeetingDate(title.text);
    if (d) {
      meeting.date = d.date;
      meeting.dateSpan = { start: title.span.start + d.start, end: title.span.start + d.end };
    }
  }
  if (!meeting.date) {
    const d = findMeetingDate(opening);
    if (d) {
      meeting.date = d.date;
      meeting.dateSpan = { start: openingBase + d.start, end: openingBase + d.end };
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
    const c = /([\u4e00-\u9fffA-Za-z·]{2,16}?)(?:同志)?主持(?:召开|了)?/.exec(opening);
    if (c) meeting.chair = c[1].replace(/^[，,\s]*(?:由)?/, '');
    const en = /\bchaired by\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})/i.exec(opening);
    if (!meeting.chair && en) meeting.chair = en[1];
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
  item: OpenItem,
  dates: MinutesDocument['dates'],
  firstDate: number,
  meetingDate: string | null,
): Deadline | null {
  const slice = text.slice(item.start, item.end);
  const labelled = execAfter(DEADLINE_LABEL, slice, LABEL_BOUNDARY);
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
    if (d.limit && d.span.end <= item.end) return { ...d, vague: false, source: 'prose' };
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
  const open = RECURRING.exec(body) ?? NEXT_MEETING.exec(body);
  if (open) {
    const at = item.bodyStart + open.index;
    return {
      text: open[0],
      date: null,
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

function statusOf(text: string, item: OpenItem): { status: ItemStatus; span: Span | null } {
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
function firstAtOrAfter<T extends { span: Span }>(list: T[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sequencesOf(sections: Section[], items: Item[]): NumberLabel[][] {
  const groups = new Map<string, NumberLabel[][]>();
  const add = (scope: string, label: NumberLabel): void => {
    let runs = groups.get(scope);
    if (!runs) groups.set(scope, (runs = []));
    if (runs.length === 0 || label.value === 1) runs.push([]);
    runs[runs.length - 1].push(label);
  };
  for (const s of sections) if (s.number) add('sections', s.number);
  for (const it of items) if (it.number) add(`${it.section}:${it.number.style}`, it.number);
  return [...groups.values()].flat();
}

export function parse(text: string, options: ParseOptions = {}): MinutesDocument {
  const isKnown = options.isKnownUnit ?? (() => false);
  const p = new Parser(text);
  p.run();
  const firstSection = p.sections.length > 0 ? p.sections[0].span.start : text.length;
  const meeting = meetingOf(text, p.header, p.title, firstSection);
  const dates = findDates(text, meeting.date).map((d) => ({
    text: d.text,
    date: d.date,
    span: { start: d.start, end: d.end },
    limit: d.deadline,
    ...(d.invalid ? { invalid: d.invalid } : {}),
  }));

  const sections: Section[] = p.sections.map((s) => ({
    kind: s.kind,
    heading: s.heading,
    headingSpan: s.headingSpan,
    span: s.span,
    number: s.number,
    items: [],
  }));
  const mentions: NamedSpan[] = [];
  const items: Item[] = [];
  for (const raw of p.raw) {
    if (raw.end <= raw.start) continue;
    const accountable = raw.kind !== 'finding';
    const body = text.slice(raw.bodyStart, raw.end);
    // An English decision records what was agreed; its follow-up work goes under action items. A Chinese
    // 会议决定 item is an assignment and needs an owner and a deadline.
    const resolution =
      raw.kind === 'decision' &&
      (raw.resolved === true ||
        RESOLUTION.test(body.trimStart()) ||
        RESOLUTION_END.test(body.slice(-80).trimEnd()) ||
        (!/[\u4e00-\u9fff]/.test(body) && !/\b(?:owner|due|deadline|to)\b|@/i.test(body)));
    const owners = !accountable
      ? []
      : raw.cells
        ? raw.cells.owner
          ? findOwners(text, raw.cells.owner.start, raw.cells.owner.end, raw.cells.owner.start, isKnown, true)
          : []
        : findOwners(text, raw.start, raw.end, raw.bodyStart, isKnown);
    const deadline = !accountable
      ? null
      : raw.cells
        ? cellDeadline(text, raw.cells.deadline, meeting.date)
        : findDeadline(text, raw, dates, firstAtOrAfter(dates, raw.start), meeting.date);
    const vagueDeadlines =
      accountable && (!deadline || deadline.vague)
        ? findVagueDeadlines(text.slice(raw.start, raw.end)).map((v) => ({
            start: raw.start + v.start,
            end: raw.start + v.end,
          }))
        : [];
    const status = statusOf(text, raw);
    const index = items.length;
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
    if (raw.section !== null) sections[raw.section].items.push(index);
    for (const o of owners)
      if (o.source !== 'prose' || !o.person) mentions.push({ name: o.name, span: o.span });
  }
  // @mentions outside accountable items (findings, header, free text) are mentions too.
  for (const m of findMentions(text, 0, text.length)) mentions.push({ name: m.name, span: m.span });
  for (const h of p.header) for (const v of h.values) mentions.push(v);
  mentions.sort((a, b) => a.span.start - b.span.start);
  const uniqueMentions = mentions.filter((m, i) => i === 0 || m.span.start >= mentions[i - 1].span.end);

  return {
    text,
    lines: p.lines,
    title: p.title,
    header: p.header,
    meeting,
    sections,
    items,
    sequences: sequencesOf(sections, items),
    placeholders: findPlaceholders(text),
    dates,
    suppressions: p.suppressions,
    mentions: uniqueMentions,
  };
}
