/**
 * Stage 1 of the reader: the block structure. Lines become blocks — headings, header fields, list
 * entries (bullets, check boxes, numbered points), paragraphs, table rows, comments, rules, front matter —
 * without deciding what any of them means for items. One pass, linear, never throws.
 */
import type { NumberingStyle, Span } from '../model';
import { asciiDigits, chineseToNumber } from '../numbers';
import { alternation, LineIndex } from '../text';
import { DEADLINE_LABELS, HEADER_KEYS, ITEM_PREFIXES, OWNER_LABELS, STATUS_LABELS } from '../vocabulary';

export type BlockKind = 'heading' | 'entry' | 'paragraph' | 'row' | 'comment' | 'rule' | 'frontmatter';

export interface Marker {
  /** `bullet` for `-`, `*`, `•`; otherwise the numbering style. */
  style: 'bullet' | NumberingStyle;
  value: number;
  /** The marker as written, without trailing space (`-`, `1.`, `（一）`). */
  text: string;
  span: Span;
  /** A check box after a bullet: `[ ]` open, `[x]` done. */
  box: { done: boolean; span: Span } | null;
}

export interface Block {
  kind: BlockKind;
  /** First and last line (0-based). */
  line: number;
  lastLine: number;
  /** From the first non-space character to the end of the last line's text. */
  span: Span;
  /** Where the text starts after a marker, heading hashes or emphasis. */
  body: number;
  /** Indentation of the first line, in columns (a tab counts 4). */
  indent: number;
  marker: Marker | null;
  /** Markdown heading level (1–6); 0 for a heading written another way (`**Decisions**`, `议题一：…`). */
  level: number;
}

const INDENT = /^[ \t\u3000\uFEFF]*/;
const MD_HEADING = /^(#{1,6})[ \t]+/;
const BULLET = /^[-*+•●·▪◦][ \t]+(?:\[([ xX✓✔√])\][ \t]*)?/;
const CN_SECTION = /^([一二三四五六七八九十]{1,3})[、．.][ \t\u3000]*/;
const CN_PAREN = /^[（(]([一二三四五六七八九十]{1,3})[）)][ \t\u3000]*/;
const AR_PAREN = /^[（(]([0-9０-９]{1,3})[）)][ \t\u3000]*/;
const AR_DOT = /^([0-9０-９]{1,3})(?:[.．、](?![0-9０-９])|[)）])[ \t\u3000]*/;
const CIRCLED = /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[ \t\u3000]*/;
/** `a. …`, `b) …`: a lettered sub-list, read as bullets (their lettering is not checked). */
const LETTERED = /^([a-z][.)])[ \t\u3000]+(?=\S)/;
const TABLE_ROW = /^\|.*\|$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
/** An HTML comment, or a kramdown attribute line (`{: #resolutions}`): no text of the minutes. */
const COMMENT = /^<!--[\s\S]*-->$|^\{:[^}]*\}$/;
/** A line all in bold (`**Decisions**`, `**Action items:**`): a heading in notes written without `#`. */
const BOLD_LINE = /^(?:\*\*|__)([^*_\n]{1,80}?[^*_\n.。])[:：]?(?:\*\*|__)[:：]?$/;
/** `议题一：…`, `第一项议题`: an agenda topic heading. */
const TOPIC_LINE =
  /^(?:议题[一二三四五六七八九十\d]{1,3}|第[一二三四五六七八九十\d]{1,3}(?:项)?议题)[：:、.\s]/;
/** Ends a Chinese paragraph line: the next line is a paragraph of its own. */
const CJK_END = /[。！？；：:]$/;
const EN_END = /[.!?:]$/;
/**
 * `Date: …`, `主持：…`, `**Owner:** …`, `Action: …`, `Discussion: …`: a line that starts a field of its own (a
 * known key, or one word before a colon), never wrapped text.
 */
const FIELD_LIKE = new RegExp(
  `^(?:\\*\\*|__)?(?:${alternation([
    ...Object.values(HEADER_KEYS).flat(),
    ...OWNER_LABELS.map((l) => l.label),
    ...DEADLINE_LABELS,
    ...STATUS_LABELS,
    ...ITEM_PREFIXES.map(([p]) => p),
  ])})(?:\\*\\*|__)?\\s*[:：]|^(?:\\*\\*|__)?(?:\\p{Lu}\\p{Ll}{1,20}|[\\u4e00-\\u9fff]{2,6})(?:\\*\\*|__)?[:：]`,
  'iu',
);

/** The numbering or bullet marker at the start of `content` (which starts at `at`), if any. */
export function markerOf(content: string, at: number): Marker | null {
  let m = BULLET.exec(content);
  if (m) {
    const dash = content[0];
    const box =
      m[1] === undefined
        ? null
        : {
            done: m[1] !== ' ',
            span: { start: at + content.indexOf('['), end: at + content.indexOf('[') + 3 },
          };
    return { style: 'bullet', value: 0, text: dash, span: { start: at, end: at + 1 }, box };
  }
  const forms: [RegExp, NumberingStyle, (s: string) => number | null][] = [
    [CN_SECTION, 'cn-section', chineseToNumber],
    [CN_PAREN, 'cn-paren', chineseToNumber],
    [AR_PAREN, 'arabic-paren', (s) => Number(asciiDigits(s))],
    [AR_DOT, 'arabic-dot', (s) => Number(asciiDigits(s))],
  ];
  // ①②③, a. b. c.: lists of their own kind, read as bullets (their numbering is not checked).
  const circled = CIRCLED.exec(content) ?? LETTERED.exec(content);
  if (circled) {
    const text = circled[1];
    return { style: 'bullet', value: 0, text, span: { start: at, end: at + text.length }, box: null };
  }
  for (const [re, style, value] of forms) {
    m = re.exec(content);
    if (!m) continue;
    const v = value(m[1]);
    if (v === null || v <= 0) continue;
    const text = m[0].trimEnd();
    return { style, value: v, text, span: { start: at, end: at + text.length }, box: null };
  }
  return null;
}

function indentWidth(s: string): number {
  let w = 0;
  for (const c of s) w += c === '\t' ? 4 : c === '\u3000' ? 2 : c === '\uFEFF' ? 0 : 1;
  return w;
}

interface LineInfo {
  start: number;
  end: number;
  indent: number;
  content: string;
}

/** Splits the text into blocks. */
export function readBlocks(text: string, lines: LineIndex = new LineIndex(text)): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let prev: LineInfo | null = null;
  let inFront = false;
  let inFence = false;
  const close = (): void => {
    if (open) blocks.push(open);
    open = null;
  };
  for (let i = 0; i < lines.lineCount; i++) {
    const ls = lines.lineStart(i);
    const raw = text.slice(ls, lines.lineEnd(i));
    const ind = INDENT.exec(raw)![0];
    const content = raw.slice(ind.length).trimEnd();
    const cs = ls + ind.length;
    const ce = cs + content.length;
    const info: LineInfo = { start: cs, end: ce, indent: indentWidth(ind), content };
    const single = (kind: BlockKind, body = cs, level = 0, marker: Marker | null = null): Block => ({
      kind,
      line: i,
      lastLine: i,
      span: { start: cs, end: ce },
      body,
      indent: info.indent,
      marker,
      level,
    });

    // Front matter (`---` … `---` at the very top) and fenced code are not minutes text.
    if (i === 0 && content === '---') {
      inFront = true;
      blocks.push(single('frontmatter'));
      continue;
    }
    if (inFront) {
      blocks[blocks.length - 1].lastLine = i;
      blocks[blocks.length - 1].span.end = ce;
      if (content === '---' || content === '...') inFront = false;
      continue;
    }
    if (/^(?:```|~~~)/.test(content)) {
      close();
      inFence = !inFence;
      blocks.push(single('rule'));
      prev = null;
      continue;
    }
    if (inFence) {
      blocks[blocks.length - 1].lastLine = i;
      blocks[blocks.length - 1].span.end = ce;
      continue;
    }

    if (content.length === 0) {
      close();
      prev = null;
      continue;
    }
    if (COMMENT.test(content)) {
      close();
      blocks.push(single('comment'));
      prev = null;
      continue;
    }
    if (TABLE_ROW.test(content)) {
      close();
      blocks.push(single('row'));
      prev = info;
      continue;
    }
    if (RULE.test(content)) {
      const above: Block | null = open;
      if (above && above.kind === 'paragraph' && above.line === i - 1 && /^[-=]/.test(content)) {
        // Setext heading: `Title` underlined with `---` or `===`.
        above.kind = 'heading';
        above.level = content[0] === '=' ? 1 : 2;
        close();
        prev = null;
        continue;
      }
      close();
      blocks.push(single('rule'));
      prev = null;
      continue;
    }
    const md = MD_HEADING.exec(content);
    if (md) {
      close();
      blocks.push(single('heading', cs + md[0].length, md[1].length));
      prev = null;
      continue;
    }
    const bold = BOLD_LINE.exec(content);
    if (bold || TOPIC_LINE.test(content)) {
      close();
      blocks.push(single('heading', bold ? cs + content.indexOf(bold[1]) : cs, 0));
      prev = null;
      continue;
    }
    const marker = markerOf(content, cs);
    const cur: Block | null = open;
    if (marker) {
      close();
      open = single('entry', marker.box ? marker.box.span.end : marker.span.end, 0, marker);
      open.body = skipSpace(text, open.body, ce);
      prev = info;
      continue;
    }
    // A line without a marker continues the open entry or paragraph when it is wrapped text.
    if (cur && prev && continues(cur, prev, info)) {
      cur.lastLine = i;
      cur.span.end = ce;
      prev = info;
      continue;
    }
    close();
    open = single('paragraph');
    prev = info;
  }
  close();
  return blocks;
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && /[ \t\u3000]/.test(text[at])) at++;
  return at;
}

/** Whether a line without a marker continues the block above it. */
function continues(block: Block, prev: LineInfo, line: LineInfo): boolean {
  if (FIELD_LIKE.test(line.content) || FIELD_LIKE.test(prev.content)) return false;
  if (block.kind === 'entry') {
    // Indented under the entry, or wrapped at the same indent without sentence end.
    if (line.indent > block.indent) return true;
    // Markdown's lazy continuation: an English line right under an entry is more of its text.
    if (!/[\u4e00-\u9fff]/.test(prev.content) && /^[A-Za-z0-9"“(]/.test(line.content)) return true;
    return !CJK_END.test(prev.content) && /^[a-z(]/.test(line.content);
  }
  if (block.kind !== 'paragraph') return false;
  if (/[\u4e00-\u9fff]$/.test(prev.content) || CJK_END.test(prev.content)) {
    // Chinese paragraphs are one line each, unless the line was cut mid-sentence.
    return (
      !CJK_END.test(prev.content) &&
      prev.content.length >= 24 &&
      line.indent <= block.indent &&
      /^[\u4e00-\u9fff，,、）)”]/.test(line.content)
    );
  }
  return !EN_END.test(prev.content) || /^[a-z(]/.test(line.content);
}
