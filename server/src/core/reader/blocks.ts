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

const NUMBERED: readonly [RegExp, NumberingStyle, (s: string) => number | null][] = [
  [CN_SECTION, 'cn-section', chineseToNumber],
  [CN_PAREN, 'cn-paren', chineseToNumber],
  [AR_PAREN, 'arabic-paren', (s) => Number(asciiDigits(s))],
  [AR_DOT, 'arabic-dot', (s) => Number(asciiDigits(s))],
];

/** The characters a marker can start with: the patterns above are tried only after one of them. */
const MARKER_FIRST = /[-*+•●·▪◦①-⑳a-z一二三四五六七八九十（(0-9０-９]/;

/** The numbering or bullet marker at the start of `content` (which starts at `at`), if any. */
export function markerOf(content: string, at: number): Marker | null {
  if (content.length === 0 || !MARKER_FIRST.test(content[0])) return null;
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
  // ①②③, a. b. c.: lists of their own kind, read as bullets (their numbering is not checked).
  const circled = CIRCLED.exec(content) ?? LETTERED.exec(content);
  if (circled) {
    const text = circled[1];
    return { style: 'bullet', value: 0, text, span: { start: at, end: at + text.length }, box: null };
  }
  for (const [re, style, value] of NUMBERED) {
    m = re.exec(content);
    if (!m) continue;
    const v = value(m[1]);
    if (v === null || v <= 0) continue;
    const text = m[0].trimEnd();
    return { style, value: v, text, span: { start: at, end: at + text.length }, box: null };
  }
  return null;
}

interface LineInfo {
  start: number;
  end: number;
  indent: number;
  content: string;
  /** Whether the line starts a field of its own (FIELD_LIKE), once asked. */
  field?: boolean;
}

/** A line is asked whether it is a field as the line that continues and as the one above: tested once. */
function fieldLike(line: LineInfo): boolean {
  return (line.field ??= FIELD_LIKE.test(line.content));
}

function block(
  kind: BlockKind,
  line: number,
  info: LineInfo,
  body: number,
  level: number,
  marker: Marker | null,
): Block {
  return {
    kind,
    line,
    lastLine: line,
    span: { start: info.start, end: info.end },
    body,
    indent: info.indent,
    marker,
    level,
  };
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
    // The indentation, in columns: a tab counts 4, an ideographic space 2, a byte-order mark nothing.
    const le = lines.lineEnd(i);
    let cs = lines.lineStart(i);
    let indent = 0;
    for (; cs < le; cs++) {
      const c = text.charCodeAt(cs);
      if (c === 32) indent += 1;
      else if (c === 9) indent += 4;
      else if (c === 0x3000) indent += 2;
      else if (c !== 0xfeff) break;
    }
    const content = text.slice(cs, le).trimEnd();
    const ce = cs + content.length;
    const info: LineInfo = { start: cs, end: ce, indent, content };
    // Each pattern below is tried only after a first character it can start with.
    const first = content[0];

    // Front matter (`---` … `---` at the very top) and fenced code are not minutes text.
    if (i === 0 && content === '---') {
      inFront = true;
      blocks.push(block('frontmatter', i, info, cs, 0, null));
      continue;
    }
    if (inFront) {
      blocks[blocks.length - 1].lastLine = i;
      blocks[blocks.length - 1].span.end = ce;
      if (content === '---' || content === '...') inFront = false;
      continue;
    }
    if ((first === '`' || first === '~') && /^(?:```|~~~)/.test(content)) {
      close();
      inFence = !inFence;
      blocks.push(block('rule', i, info, cs, 0, null));
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
    if ((first === '<' || first === '{') && COMMENT.test(content)) {
      close();
      blocks.push(block('comment', i, info, cs, 0, null));
      prev = null;
      continue;
    }
    if (first === '|' && TABLE_ROW.test(content)) {
      close();
      blocks.push(block('row', i, info, cs, 0, null));
      prev = info;
      continue;
    }
    if ((first === '-' || first === '*' || first === '_' || first === '=') && RULE.test(content)) {
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
      blocks.push(block('rule', i, info, cs, 0, null));
      prev = null;
      continue;
    }
    const md = first === '#' ? MD_HEADING.exec(content) : null;
    if (md) {
      close();
      blocks.push(block('heading', i, info, cs + md[0].length, md[1].length, null));
      prev = null;
      continue;
    }
    const bold = first === '*' || first === '_' ? BOLD_LINE.exec(content) : null;
    if (bold || ((first === '议' || first === '第') && TOPIC_LINE.test(content))) {
      close();
      blocks.push(block('heading', i, info, bold ? cs + content.indexOf(bold[1]) : cs, 0, null));
      prev = null;
      continue;
    }
    const marker = markerOf(content, cs);
    const cur: Block | null = open;
    if (marker) {
      close();
      open = block('entry', i, info, marker.box ? marker.box.span.end : marker.span.end, 0, marker);
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
    open = block('paragraph', i, info, cs, 0, null);
    prev = info;
  }
  close();
  return blocks;
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 9 && c !== 0x3000) break;
    at++;
  }
  return at;
}

/** Whether a line without a marker continues the block above it. */
function continues(block: Block, prev: LineInfo, line: LineInfo): boolean {
  if (fieldLike(line) || fieldLike(prev)) return false;
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
