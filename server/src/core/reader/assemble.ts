/**
 * Stage 4 of the reader: from blocks and sentence cues to the document's title, header fields, sections and
 * items (their extent, kind and numbering). Owners, deadlines and status are read from each item's text
 * afterwards (parse.ts). Linear in the number of blocks and sentences; never throws.
 */
import type {
  HeaderField,
  HeaderKey,
  ItemKind,
  NamedSpan,
  NumberLabel,
  SectionKind,
  Span,
  Suppression,
} from '../model';
import { chineseToNumber } from '../numbers';
import { codePointBoundary, trimEndOf, type LineIndex } from '../text';
import { HEADER_KEYS, LIST_HEADER_KEYS } from '../vocabulary';
import { markerOf, readBlocks, type Block, type Marker } from './blocks';
import { classify, headingKind, isChinese, isClosingLine, outcomeOf, type SentenceCue } from './cues';
import { ordinalAt, romanPointAt, sentences } from './sentences';

export interface RawItem {
  kind: ItemKind;
  number: NumberLabel | null;
  start: number;
  /** Where the item's own text begins, after markers, lead phrases and labels. */
  bodyStart: number;
  end: number;
  section: number | null;
  box: { done: boolean; span: Span } | null;
  /** Recorded as an approval (同意…, RESOLVED, Motion carried): needs no owner or deadline. */
  resolved: boolean;
  /** A row of an action table: the cells under its owner, deadline and status columns. */
  cells?: { owner: Span | null; deadline: Span | null; status: Span | null };
  /** A name the item stands under (`- Dana` with the item as a sub-entry): its owner when it names none. */
  ownerHint?: Span;
  /** Opened by an announcement of points (`提出三点要求：`): its first point belongs to it. */
  announces?: boolean;
  /** For a point of a run (`二是…`): the item that leads the run, whose owners the point shares. */
  lead?: RawItem;
}

export interface RawSection {
  kind: SectionKind;
  heading: string;
  headingSpan: Span;
  span: Span;
  number: NumberLabel | null;
  /** Whether entries in it may be items (not attendance lists or reviews of earlier actions). */
  items: boolean;
  /** Opened by a heading (or a label line), so its kind holds for every block until the next heading. */
  container: boolean;
  /** Markdown heading level (1–6), 0 otherwise. */
  level: number;
}

/** A number of a numbered list, with the list it belongs to (section and indent). */
export interface ListLabel {
  label: NumberLabel;
  scope: string;
}

export interface Assembled {
  /** The numbers of numbered entries and of inline points (`二是`), for the numbering rule. */
  labels: ListLabel[];
  title: { text: string; span: Span } | null;
  header: HeaderField[];
  sections: RawSection[];
  items: RawItem[];
  suppressions: Suppression[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const HEADER_LOOKUP = new Map<string, HeaderKey>();
for (const [key, labels] of Object.entries(HEADER_KEYS) as [HeaderKey, readonly string[]][]) {
  for (const l of labels) HEADER_LOOKUP.set(l.toLowerCase(), key);
}
const HEADER_LINE = new RegExp(
  `^(?:[-*+]\\s+)?(?:\\*\\*)?(${[...HEADER_LOOKUP.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:\\*\\*)?\\s*[:：](?:\\*\\*)?\\s*(.*)$`,
  'i',
);
const SUPPRESS = /^<!--\s*minutes-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->$/;
const TABLE_SEPARATOR = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$/;
const OWNER_COLUMN =
  /^(?:owners?|responsible|who|lead|assigned to|assignee|action by|责任单位|牵头单位|责任人|负责人|承办单位|主办单位|责任部门|牵头部门)$/i;
const DEADLINE_COLUMN =
  /^(?:due|due date|deadline|by|by when|when|target date|时限|完成时限|完成时间|截止时间|截止日期|期限)$/i;
const STATUS_COLUMN = /^(?:status|state|done|状态|进展|完成情况|进展情况)$/i;
/** The column of tasks: `Action items`, `Notes / Action Items`, `事项`. */
const ACTION_COLUMN =
  /(?:^|[\s/&])(?:action\s+items?|actions?|action\s+points?|tasks?|to-?dos?)$|^(?:事项|议定事项|工作任务|任务|待办事项|工作事项)$/i;
/** `…议定事项纪要如下：`: the numbered paragraphs after it are decisions (or requirements). */
const ANNOUNCE =
  /(?:(议定|决定|决议|明确|同意)|(要求|部署|安排|分工))[^。；;\n]{0,12}?如下[:：]?\s*$|(?:会议)?(议定|决定)(?:事项)?[:：]\s*$/;
/** `一、关于园区建设问题`: a numbered topic heading. */
const TOPIC_TITLE =
  /^\s*关于|^[^。；;，,：:]{0,24}(?:问题|事项|情况|议题)\s*$|^(?:审议|研究|讨论|听取|学习|传达)[^。；;，,]{0,60}(?:》|请示|报告|方案|汇报|意见)\s*[。.]?$/;
/** A line reporting on the item above it: `状态：进行中`, `落实情况：…`, `Status: done 2024-03-28`, `Progress: …`. */
const STATUS_LINE =
  /^(?:\*\*|__)?(?:状态|进展|进展情况|落实情况|完成情况|办理情况|Status|Progress|Update)(?:\*\*|__)?\s*[:：]/i;
/** A sentence of notes without its subject: `Will send the slides.`, `I will ask Ana.` */
const SUBJECTLESS = /^(?:I\s+)?(?:[Ww]ill|'ll)\s/;
/** Who speaks on a line of notes: `Tracy: …`, `**Ivan Herman:** …`. */
const SPEAKER = /^(?:\*\*|__)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})(?=(?:\*\*|__)?\s*:)/;
/** `导师：…`, `学生：…`: a short name or role before the colon of an entry. */
const ROLE_PREFIX = /^([\u4e00-\u9fff]{2,6})[:：]\s*\S/;
/** An entry that reports work done (`问题已经修复`, `已完成`): under a list's label, not a task. */
const DONE_REPORT =
  /已(?:经)?(?:得到|全部|基本)?(?:完成|修复|解决|处理|落实|办结|合入|上线)|\b(?:done|completed|fixed|resolved|merged)\b/i;
/** A label line that opens a list: `会议结论：`, `Action items:`. */
const LABEL_LINE = /^(?:\*\*|__)?([^:：*_]{1,20})(?:\*\*|__)?[:：](?:\*\*|__)?\s*/;

type Mode = ItemKind | 'none';

/**
 * The kind of the items listed under an entry that is only a label (`**提交注意事项：**`, `Actions:`); with
 * `handles`, of an entry that gives the label's work to people (`任务分工：@zhang @li`).
 */
function labelListKind(body: string, handles = false): ItemKind | null {
  const plain = body.replace(/\*\*|__/g, '').trim();
  // `待修复问题` or `Action items` alone over the entries under it, or `注意事项：`.
  const alone = !handles && plain.length <= 20 && !/[.。，,；;!?！？:：]/.test(plain) ? [plain, plain] : null;
  const m = LABEL_LINE.exec(plain) ?? alone;
  const rest = m ? plain.slice(m[0].length).trim() : '';
  if (!m || (handles ? !/^@[^\s@]+(?:\s+@+[^\s@]+)*$/.test(rest) : rest.length > 0)) return null;
  const h = headingKind(m[1]);
  if (!h.items) return null;
  if (h.kind === 'decision') return 'decision';
  if (h.kind === 'requirement') return isChinese(plain) ? 'requirement' : 'action';
  return null;
}

class Assembler {
  readonly header: HeaderField[] = [];
  readonly sections: RawSection[] = [];
  /** Per Markdown heading level (1–6), the index of the last section opened at that level, or -1. */
  private readonly lastAtLevel = [-1, -1, -1, -1, -1, -1, -1];
  readonly items: RawItem[] = [];
  readonly suppressions: Suppression[] = [];
  readonly labels: ListLabel[] = [];
  title: Assembled['title'] = null;
  private item: RawItem | null = null;
  /** The entry an open item began at: deeper entries without a cue of their own detail it. */
  private itemEntry: Block | null = null;
  private seenContent: boolean;
  private pendingNextLine: string[] | null = null;
  private openDisables: Suppression[] = [];
  private table: { owner: number; deadline: number; status: number; action: number } | null = null;
  /** What was read last: an item, or text that was not one (a motion's text before `Motion carried.`). */
  private recent: { item: RawItem } | { plain: Span; section: number | null } | null = null;
  /** The kind a paragraph ending in a colon (`以下问题有待解决：`) gives the list entries after it. */
  private listKind: ItemKind | null = null;
  /** A bare name entry (`- Dana`) and its indent: entries under it are hers. */
  private nameParent: { indent: number; span: Span } | null = null;
  /** An entry `注意事项：` or `Action items:` over deeper entries: they are items of its kind. */
  private labelParent: { indent: number; kind: ItemKind } | null = null;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    private readonly part: Part | null,
  ) {
    this.seenContent = (part?.before ?? null) !== null;
  }

  private get section(): RawSection | null {
    return this.sections.length > 0 ? this.sections[this.sections.length - 1] : null;
  }

  run(): Assembled {
    const blocks = readBlocks(this.text, this.lines);
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (block.kind === 'comment') {
        this.comment(block);
        continue;
      }
      if (this.pendingNextLine) {
        this.suppressions.push({ rules: this.pendingNextLine, fromLine: block.line, toLine: block.line });
        this.pendingNextLine = null;
      }
      if (block.kind !== 'row') this.table = null;
      if (block.kind !== 'entry') this.listKind = null;
      if (block.kind !== 'entry' || (this.nameParent && block.indent <= this.nameParent.indent))
        this.nameParent = null;
      if (block.kind !== 'entry' || (this.labelParent && block.indent <= this.labelParent.indent))
        this.labelParent = null;
      switch (block.kind) {
        case 'frontmatter':
        case 'rule':
          this.closeItem();
          break;
        case 'row':
          this.row(block, blocks[b + 1]);
          break;
        case 'heading':
          this.heading(block);
          break;
        case 'entry':
          this.entry(block, blocks[b + 1]);
          break;
        case 'paragraph':
          this.paragraph(block, blocks[b + 1]);
          break;
      }
      if (block.kind !== 'frontmatter' && block.kind !== 'rule') this.seenContent = true;
    }
    // Before the heading that follows, an item ends at the latest where the heading begins.
    this.closeItem(this.part?.followed ? this.text.length : undefined);
    for (let s = 0; s < this.sections.length; s++) {
      this.sections[s].span.end =
        s + 1 < this.sections.length ? this.sections[s + 1].span.start : this.text.length;
    }
    return {
      labels: this.labels,
      title: this.title,
      header: this.header,
      sections: this.sections,
      items: this.items,
      suppressions: this.suppressions,
    };
  }

  private comment(block: Block): void {
    const m = SUPPRESS.exec(this.text.slice(block.span.start, block.span.end));
    if (!m) return;
    const rules = m[2].split(/[\s,]+/).filter((r) => /^[a-z][a-z0-9-]*$/.test(r));
    const line = block.line;
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

  // ── headings and sections ──

  private heading(block: Block): void {
    const raw = this.text.slice(block.body, block.span.end);
    const t = trimEndOf(withoutClosingHashes(raw), '*_:：');
    const at = block.body;
    const span = { start: at, end: at + t.length };
    const { kind, items } = headingKind(t);
    const titleLike = kind === 'other' && items;
    if (
      (!this.seenContent && titleLike) ||
      (block.level === 1 && !this.title && this.sections.length === 0 && !this.part?.before)
    ) {
      this.closeItem();
      this.title = { text: t, span };
      return;
    }
    const number = this.numberAt(t, at);
    // A subheading of a section without items (`## Attendees` › `### Voting members`) has none either.
    // The nearest section before it with a lower level.
    let nearest = -1;
    for (let l = 1; l < Math.min(block.level, 7); l++) nearest = Math.max(nearest, this.lastAtLevel[l]);
    let parent: Pick<RawSection, 'items'> | null = nearest < 0 ? null : this.sections[nearest];
    if (!parent && block.level > 0 && this.part?.before) parent = this.part.before.parent(block.level);
    const inherited = parent !== null && !parent.items;
    this.openSection({
      kind,
      heading: t,
      headingSpan: span,
      start: block.span.start,
      number,
      items: items && !(inherited && kind === 'other'),
      container: true,
      level: block.level,
    });
    // `## Motion to adjourn` followed by `Carried.`: the heading is the motion.
    this.recent = { plain: span, section: this.sections.length - 1 };
  }

  private numberAt(t: string, at: number): NumberLabel | null {
    const m = /^([一二三四五六七八九十]{1,3})[、．]/.exec(t);
    if (!m) return null;
    const value = chineseToNumber(m[1]);
    return value === null ? null : label('cn-section', value, m[0], at);
  }

  private openSection(s: Omit<RawSection, 'span' | 'level'> & { start: number; level?: number }): void {
    this.closeItem(s.start);
    this.recent = null;
    if (s.level !== undefined && s.level > 0) this.lastAtLevel[Math.min(s.level, 6)] = this.sections.length;
    this.sections.push({
      kind: s.kind,
      heading: s.heading.trim(),
      headingSpan: s.headingSpan,
      span: { start: s.start, end: s.start },
      number: s.number,
      items: s.items,
      container: s.container,
      level: s.level ?? 0,
    });
  }

  // ── list entries ──

  private entry(block: Block, next: Block | undefined): void {
    const marker = block.marker!;
    const line = this.text.slice(block.span.start, block.span.end);
    if (this.progress(block, this.text.slice(block.body, block.span.end))) return;
    const body = this.text.slice(block.body, block.span.end);
    if (this.headerField(block, line) || isClosingLine(body)) {
      this.closeItem();
      return;
    }
    const vote = outcomeOf(this.text, { start: block.body, end: block.span.end });
    if (vote) {
      this.outcome({ start: block.span.start, end: block.span.end }, vote);
      return;
    }
    if (!this.seenContent && marker.style !== 'bullet' && !marker.box) {
      // A numbered first line is content, not a title.
      this.seenContent = true;
    }
    const sec = this.section;
    const number =
      marker.style === 'bullet' ? null : label(marker.style, marker.value, marker.text, marker.span.start);
    if (marker.style === 'cn-section' && this.cnSectionIsHeading(body)) {
      this.ordinalSection(block, number, body);
      return;
    }
    if (marker.style === 'arabic-dot' && this.agendaHeading(block, number!, body)) return;
    // Every numbered entry counts for the numbering of its list, item or not.
    if (number)
      this.labels.push({
        label: number,
        scope: `${this.sections.length - 1}:${block.indent}:${number.style}`,
      });

    const listOf = next && next.kind === 'entry' && next.indent > block.indent ? labelListKind(body) : null;
    if (listOf) {
      this.closeItem(block.span.start);
      this.labelParent = { indent: block.indent, kind: listOf };
      return;
    }
    if (next && next.kind === 'entry' && next.indent > block.indent && isBareName(body)) {
      this.closeItem(block.span.start);
      this.nameParent = { indent: block.indent, span: { start: block.body, end: block.span.end } };
      return;
    }
    // A deeper entry without a cue of its own details the item above it.
    const cue = classify(this.text, {
      start: block.body,
      end: firstSentenceEnd(this.text, block.body, block.span.end),
    });
    const open = this.item;
    if (
      open &&
      this.itemEntry &&
      block.indent > this.itemEntry.indent &&
      cue.kind === 'none' &&
      !marker.box
    ) {
      open.end = block.span.end;
      return;
    }
    this.closeItem(block.span.start);
    if (sec && !sec.items) return;
    const sectionKind = sec && (sec.container || sec.kind !== 'other') ? sec.kind : 'other';
    let kind: Mode = cue.kind;
    if (kind === 'none' && marker.box) kind = 'action';
    if (kind === 'none' && this.listKind) kind = this.listKind;
    if (kind === 'none' && this.labelParent && !DONE_REPORT.test(body)) kind = this.labelParent.kind;
    if (kind === 'none') kind = labelListKind(body, true) ?? 'none';
    if (kind === 'none' && (sectionKind === 'decision' || sectionKind === 'requirement')) {
      kind = sectionKind === 'requirement' && !isChinese(body) ? 'action' : sectionKind;
    }
    if (kind === 'none') {
      // Not an item by itself; a later sentence of it may still be one (`… Mike will do it.`).
      this.recent = {
        plain: { start: block.span.start, end: block.span.end },
        section: this.sections.length - 1,
      };
      this.sentences(block, block.body, block.span.end, 'none');
      return;
    }
    this.startItem(kind, number, block.span.start, cue.body, marker.box, isResolution(cue));
    this.itemEntry = block;
    this.item!.end = block.span.end;
    // `产出：` over `导师：整理文档`, `学生：写学习笔记`: in a list of tasks, who does each comes first.
    const role = this.labelParent && cue.kind === 'none' ? ROLE_PREFIX.exec(body) : null;
    if (role && headingKind(role[1]).kind === 'other') {
      this.item!.ownerHint = { start: block.body, end: block.body + role[1].length };
    }
    this.inlinePoints(block.body, block.span.end, kind);
  }

  /** `一、…` lines: a section heading unless they stand in a list of decisions or requirements. */
  private cnSectionIsHeading(body: string): boolean {
    const sec = this.section;
    const inList =
      sec && sec.container && (sec.kind === 'decision' || sec.kind === 'requirement') && !sec.number;
    return !inList || TOPIC_TITLE.test(body);
  }

  /** `四、会议决定，一是…` or `一、关于园区建设问题`. */
  private ordinalSection(block: Block, number: NumberLabel | null, body: string): void {
    const cue = classify(this.text, { start: block.body, end: block.span.end });
    const head = /^[^，,。；;：:！!？?]{0,40}/.exec(body)![0];
    const headEnd = cue.lead ? cue.lead.end : codePointBoundary(this.text, block.body + head.length);
    const heading = this.text.slice(block.span.start, headEnd).replace(/[\s，,：:]+$/, '');
    const { kind, items } = cue.lead
      ? { kind: modeToSection(cue.lead.kind), items: true }
      : headingKind(heading);
    const rest = this.text.slice(headEnd, block.span.end).trim();
    this.openSection({
      kind,
      heading,
      headingSpan: { start: block.span.start, end: block.span.start + heading.length },
      start: block.span.start,
      number,
      items,
      container: rest.length === 0 || !cue.lead,
    });
    if (headEnd < block.span.end)
      this.sentences(block, headEnd, block.span.end, cue.lead ? cue.lead.kind : 'none');
  }

  /**
   * `1. Welcome and apologies`, `3. Cloud migration`: a short numbered title with no sentence punctuation,
   * outside a list of decisions or actions, is an agenda heading of English-style minutes.
   */
  private agendaHeading(block: Block, number: NumberLabel, body: string): boolean {
    // `4. Tree survey` over a line of text wrapped into the entry: the title is the first line.
    const newline = body.indexOf('\n');
    const title = newline < 0 ? body : body.slice(0, newline).trimEnd();
    const titleEnd = block.body + title.length;
    const sec = this.section;
    const inList = sec && sec.items && sec.container && sec.kind !== 'other' && !sec.number;
    const plain = title.replace(/\*\*|__/g, '').trim();
    if (
      inList ||
      block.indent > 0 ||
      !/^[A-Za-z]/.test(plain) ||
      title.length > 70 ||
      /[.。;；,，!?！？:：]$|[:：]\s/.test(plain) ||
      classify(this.text, { start: block.body, end: titleEnd }).kind !== 'none'
    ) {
      return false;
    }
    const { kind, items } = headingKind(title);
    this.openSection({
      kind,
      heading: this.text.slice(block.span.start, titleEnd),
      headingSpan: { start: block.span.start, end: titleEnd },
      start: block.span.start,
      number,
      items,
      container: true,
    });
    if (titleEnd < block.span.end && items) this.sentences(block, titleEnd, block.span.end, 'none');
    return true;
  }

  // ── paragraphs ──

  private paragraph(block: Block, next: Block | undefined): void {
    const content = this.text.slice(block.span.start, block.span.end);
    if (this.progress(block, content)) return;
    if (this.headerField(block, content)) return;
    if (isClosingLine(content)) {
      this.closeItem();
      return;
    }
    // A short first line is the title, unless it has a point (`一是…`) in it: that is content.
    if (
      !this.seenContent &&
      content.length <= 80 &&
      !/[。.；;:：]$|[，,。；;]/.test(content) &&
      !hasPoint(content)
    ) {
      this.title = { text: content, span: { ...block.span } };
      return;
    }
    // `会议结论：`, `Action items:`, `遗留问题：1、…`: a label that opens a list.
    // A heading word on a line of its own (`Actions`, `决议`) opens its section too.
    const alone = content.length <= 30 && !/[.。，,；;!?！？]/.test(content) ? /^(.+)$/.exec(content) : null;
    const labelled = LABEL_LINE.exec(content) ?? alone;
    // `Action: Dana to …` is an item with a label; `会议结论：` alone, or before `1、…`, opens a list.
    const rest = labelled ? content.slice(labelled[0].length) : '';
    const opensList = rest.trim().length === 0 || markerOf(rest, 0) !== null || ordinalAt(rest, 0) !== null;
    if (labelled && opensList) {
      const h = headingKind(labelled[1]);
      if (h.kind !== 'other' || !h.items) {
        const end = block.span.start + labelled[0].length;
        this.openSection({
          kind: h.kind,
          heading: labelled[1].trim(),
          headingSpan: { start: block.span.start, end: block.span.start + labelled[0].trimEnd().length },
          start: block.span.start,
          number: null,
          items: h.items,
          container: true,
        });
        if (end < block.span.end) this.sentences(block, end, block.span.end, sectionMode(h.kind));
        return;
      }
    }
    this.closeItem(block.span.start);
    const sec = this.section;
    const mode: Mode = sec && sec.container ? sectionMode(sec.kind) : 'none';
    if (sec && !sec.items) return;
    let end = block.span.end;
    if (/[:：]$/.test(content) && next && next.kind === 'entry') {
      // `此外，以下问题有待解决：` introduces the list after it: its entries are the items.
      const parts = sentences(this.text, block.span.start, block.span.end);
      const last = parts[parts.length - 1];
      const cue = classify(this.text, last);
      if (cue.kind !== 'none') {
        this.listKind = cue.kind;
        end = last.start;
      }
    }
    if (end > block.span.start) {
      this.sentences(block, block.span.start, end, isChinese(content) ? mode : englishMode(mode));
    }
    this.announcement(block.span.start, block.span.end);
  }

  /**
   * The sentences of text[from, to): each with an item cue, an inline ordinal (`二是`) or, in a list of
   * requirements, a directive of its own starts an item; other sentences continue the item before them.
   */
  private sentences(block: Block, from: number, to: number, mode: Mode): void {
    let current: Mode = mode;
    let first = true;
    let lead: RawItem | null = null;
    for (const s of sentences(this.text, from, to)) {
      const vote = outcomeOf(this.text, s);
      if (vote) {
        this.outcome(s, vote);
        first = false;
        continue;
      }
      const cue = classify(this.text, s);
      if (cue.lead) current = cue.lead.kind;
      // `会议决定，` before `一是…`: the lead alone sets the mode of the points after it.
      if (cue.lead && this.text.slice(cue.lead.end, s.end).replace(/[\s，,：:。；;]/g, '').length === 0) {
        first = false;
        continue;
      }
      const atBody = ordinalAt(this.text, cue.body);
      const ord = atBody ?? ordinalAt(this.text, s.start);
      const ordAt = atBody ? cue.body : s.start;
      let kind: Mode = cue.kind;
      // `二是…` in a list, or the first sentence of a paragraph under a heading of decisions.
      if (kind === 'none' && current !== 'none' && (ord || first)) kind = current;
      first = false;
      const open = this.item;
      if (open && open.announces && ord && ord.digits === '一') {
        // `提出三点要求：一是…`: the first point belongs to the announcement.
        open.announces = false;
        open.end = s.end;
        continue;
      }
      if (kind === 'none') {
        // `ii. 24/0019/F Garage …`: a point of an inline list is a subject of its own, not the item's detail.
        if (open && open.start >= from && !romanPointAt(this.text, s.start)) open.end = s.end;
        else {
          if (open && open.start >= from) this.closeItem(s.start);
          this.recent = { plain: s, section: this.sections.length - 1 };
        }
        continue;
      }
      if (cue.cue && cue.cue.id === 'zh-points') current = 'requirement';
      const number = ord
        ? label('cn-shi', chineseToNumber(ord.digits) ?? 0, this.text.slice(ordAt, ordAt + ord.length), ordAt)
        : null;
      const body = ord && cue.body === ordAt ? ordAt + ord.length : cue.body;
      this.startItem(kind, number, s.start, body, null, isResolution(cue));
      const item = this.item!;
      this.itemEntry = block.kind === 'entry' ? block : null;
      item.end = s.end;
      // `Tracy: … Should we help? Will work out the branding.`: a later sentence without a subject is the speaker's.
      if (s.start > from && SUBJECTLESS.test(this.text.slice(s.start, s.end))) {
        // A speaker's name stands at the line's start: look at no more of it than a name takes.
        const speaker = SPEAKER.exec(this.text.slice(from, Math.min(s.start, from + 200)));
        if (speaker) {
          const end = from + speaker[0].length;
          item.ownerHint = { start: end - speaker[1].length, end };
        }
      }
      if (cue.cue && cue.cue.id === 'zh-points') item.announces = true;
      if (!ord) lead = item;
      else if (lead) item.lead = lead;
    }
  }

  /** `Motion carried.`, `Seconded by: Lee`: the motion before it is the decision. */
  private outcome(s: Span, vote: 'carried' | 'mover'): void {
    const recent = this.recent;
    if (recent && 'item' in recent) {
      // The outcome of a motion: only a decision has one.
      if (recent.item.kind !== 'decision') return;
      recent.item.end = Math.max(recent.item.end, s.end);
      recent.item.resolved = true;
      return;
    }
    if (vote === 'carried' && recent && recent.section === this.sections.length - 1) {
      this.startItem('decision', null, recent.plain.start, recent.plain.start, null, true);
      this.item!.end = s.end;
      return;
    }
  }

  /** `一是…二是…` inside a list entry: the entry is the first point; later points are items of their own. */
  private inlinePoints(from: number, to: number, kind: ItemKind): void {
    const parts = sentences(this.text, from, to);
    for (let k = 1; k < parts.length; k++) {
      const ord = ordinalAt(this.text, parts[k].start);
      if (!ord) continue;
      const value = chineseToNumber(ord.digits) ?? 0;
      const open = this.item;
      this.startItem(
        kind,
        label('cn-shi', value, this.text.slice(parts[k].start, parts[k].start + ord.length), parts[k].start),
        parts[k].start,
        parts[k].start + ord.length,
        null,
        false,
      );
      this.item!.end = to;
      if (open) open.end = Math.min(open.end, parts[k].start);
    }
  }

  /** A paragraph ending `…议定事项纪要如下：` opens a list of decisions (or requirements) after it. */
  private announcement(from: number, to: number): void {
    const m = ANNOUNCE.exec(this.text.slice(Math.max(from, to - 40), to));
    if (!m) return;
    const kind: SectionKind = m[2] ? 'requirement' : 'decision';
    const sec = this.section;
    if (sec && sec.container && sec.kind === 'other') {
      sec.kind = kind;
      return;
    }
    const at = to - m[0].length;
    this.openSection({
      kind,
      heading: m[0].replace(/(?:纪要)?如下[:：]?\s*$|[:：\s]+$/, ''),
      headingSpan: { start: at, end: to },
      start: at,
      number: null,
      items: true,
      container: true,
    });
  }

  /** `状态：已完成`, `进展：…`, `Status: done` under an item: more of that item, not an item of its own. */
  private progress(block: Block, content: string): boolean {
    const recent = this.recent;
    if (!recent || !('item' in recent) || !STATUS_LINE.test(content)) return false;
    recent.item.end = Math.max(recent.item.end, block.span.end);
    return true;
  }

  // ── header fields and tables ──

  private headerField(block: Block, content: string): boolean {
    if (block.lastLine !== block.line) return false;
    const m = HEADER_LINE.exec(content);
    if (!m) return false;
    this.closeItem();
    const cs = block.span.start;
    const ce = block.span.end;
    const labelText = m[1];
    const key = HEADER_LOOKUP.get(labelText.replace(/\s+/g, ' ').toLowerCase())!;
    const value = m[2].replace(/\*\*$/, '').trim();
    // `Chairman: ______ Date: ______`: a signature line to fill in, not a field.
    if (/(?:\\?_){4,}/.test(value)) return true;
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
    return true;
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
   * an owner, deadline or action column, every row with text in it is an item.
   */
  private row(block: Block, next: Block | undefined): void {
    this.closeItem();
    const content = this.text.slice(block.span.start, block.span.end);
    if (TABLE_SEPARATOR.test(content)) return;
    const cells = this.cells(content, block.span.start);
    // `| Date: | 2024-08-09 |`: a header field written as a table row.
    if (cells.length === 2 && !this.table) {
      const field = content.replace(/\|/g, ' ');
      const lead = field.length - field.trimStart().length;
      const line = { ...block, span: { start: block.span.start + lead, end: block.span.end } };
      if (this.headerField(line, field.trim())) return;
    }
    const nextText = next && next.kind === 'row' ? this.text.slice(next.span.start, next.span.end) : '';
    if (TABLE_SEPARATOR.test(nextText)) {
      const names = cells.map((c) => this.text.slice(c.start, c.end).replace(/[*_`]/g, '').trim());
      const find = (re: RegExp): number => names.findIndex((n) => re.test(n));
      const columns = {
        owner: find(OWNER_COLUMN),
        deadline: find(DEADLINE_COLUMN),
        status: find(STATUS_COLUMN),
        action: find(ACTION_COLUMN),
      };
      this.table = columns.owner >= 0 || columns.deadline >= 0 || columns.action >= 0 ? columns : null;
      return;
    }
    const t = this.table;
    if (!t || cells.length === 0) return;
    const cell = (k: number): Span | null => (k >= 0 && k < cells.length ? cells[k] : null);
    const actionCell = cell(t.action);
    const first = actionCell ?? cells[0];
    const sec = this.section;
    const kind: ItemKind =
      sec && (sec.kind === 'decision' || sec.kind === 'requirement') ? sec.kind : 'action';
    const cellsOf = { owner: cell(t.owner), deadline: cell(t.deadline), status: cell(t.status) };
    if (!actionCell) {
      this.rowItem(kind, block.span.start, first.start, block.span.end, cellsOf);
      return;
    }
    // A cell of tasks holds one item per sentence (or per `<br>` line).
    let at = first.start;
    for (const part of this.text.slice(first.start, first.end).split(/<br\s*\/?>/i)) {
      at = this.text.indexOf(part, at);
      for (const s of sentences(this.text, at, at + part.length))
        this.rowItem(kind, s.start, s.start, s.end, cellsOf);
      at += part.length;
    }
  }

  /** An item of an action table, unless its text is only a status (`In Draft`, `n/a`, `—`). */
  private rowItem(
    kind: ItemKind,
    start: number,
    body: number,
    end: number,
    cells: NonNullable<RawItem['cells']>,
  ): void {
    const task = this.text.slice(body, end).trim();
    if (task.length === 0 || /^[-–—/\\]*$|^(?:n\/?a|none|无)$/i.test(task)) return;
    if (!/[\u4e00-\u9fff]/.test(task) && task.split(/\s+/).length < 3) return;
    this.startItem(kind, null, start, body, null, false);
    this.item!.end = end;
    this.item!.cells = cells;
    this.closeItem();
  }

  // ── items ──

  private startItem(
    kind: ItemKind,
    number: NumberLabel | null,
    start: number,
    bodyStart: number,
    box: RawItem['box'],
    resolved: boolean,
  ): void {
    this.closeItem(start);
    const section = this.sections.length > 0 ? this.sections.length - 1 : null;
    this.item = { kind, number, start, bodyStart, end: bodyStart, section, box, resolved };
    if (number && number.style === 'cn-shi') this.labels.push({ label: number, scope: `${section}:cn-shi` });
    if (this.nameParent) this.item.ownerHint = this.nameParent.span;
    this.recent = { item: this.item };
  }

  private closeItem(at?: number): void {
    const item = this.item;
    if (!item) return;
    this.item = null;
    this.itemEntry = null;
    let end = at === undefined ? item.end : Math.min(Math.max(item.end, item.bodyStart), at);
    while (end > item.start && /\s/.test(this.text[end - 1])) end--;
    item.end = Math.max(end, item.start);
    if (item.end > item.start) this.items.push(item);
  }
}

function label(style: NumberLabel['style'], value: number, text: string, at: number): NumberLabel {
  return { style, value, text, span: { start: at, end: at + text.length } };
}

/** `陈萱`, `Dana Holt`, `@dana`: an entry that only names someone, with entries under it. */
/** Whether a point (`一是…`) opens in `text`: at its start, or after anything but a letter or digit. */
function hasPoint(text: string): boolean {
  for (let i = 0; i < text.length; i++)
    if (ordinalAt(text, i) !== null && (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]))) return true;
  return false;
}

function isBareName(body: string): boolean {
  const t = body.replace(/[*_`:：]/g, '').trim();
  return (
    /^[\u4e00-\u9fff·]{2,4}$/.test(t) ||
    /^@?[\w.-]{2,30}$/.test(t) ||
    /^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}$/.test(t)
  );
}

function sectionMode(kind: SectionKind): Mode {
  return kind === 'decision' || kind === 'requirement' ? kind : 'none';
}

/** English notes under an `Action items` heading are actions. */
function englishMode(mode: Mode): Mode {
  return mode === 'requirement' ? 'action' : mode;
}

function modeToSection(kind: Mode): SectionKind {
  return kind === 'none' ? 'finding' : kind === 'action' ? 'requirement' : kind;
}

function isResolution(cue: SentenceCue): boolean {
  return (
    cue.cue !== null &&
    /^(?:zh-approved|zh-lead-decision|en-decision-label|en-we-agreed|en-motion)$/.test(cue.cue.id) &&
    cue.kind === 'decision'
  );
}

/** End of the first sentence of text[from, to) (at most the first line break). */
function firstSentenceEnd(text: string, from: number, to: number): number {
  const first = sentences(text, from, to)[0];
  return first ? first.end : to;
}

/** `Title ##` → `Title`. */
function withoutClosingHashes(title: string): string {
  const t = title.trimEnd();
  const hashes = /#+$/.exec(t);
  return hashes && hashes.index > 0 && /[ \t]/.test(t[hashes.index - 1])
    ? t.slice(0, hashes.index).trimEnd()
    : t;
}

/**
 * A part of the minutes read on its own (to re-read only the part an edit changed): it starts at a Markdown
 * heading, or at the start of the minutes, and ends before a Markdown heading or at their end.
 */
export interface Part {
  /**
   * What the text before the part gives it, null when the part starts the minutes. That text holds a title
   * or a section and leaves no suppression open; a heading of the part stands under `parent(level)` of it.
   */
  before: { parent(level: number): Pick<RawSection, 'items'> | null } | null;
  /** The part ends where a Markdown heading starts. */
  followed: boolean;
}

/** Reads the structure of the minutes, or of a part of them. */
export function assemble(text: string, lines: LineIndex, part: Part | null = null): Assembled {
  return new Assembler(text, lines, part).run();
}

export type { Marker };
