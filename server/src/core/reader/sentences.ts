/**
 * Stage 2 of the reader: sentences. A block's text is cut after 。！？； and !?, after `.` followed by
 * space and a capital, digit or Chinese character (not after an abbreviation or an initial), after a comma
 * before a meeting's lead phrase (`,会议要求,`), and before an
 * inline ordinal run (一是…二是…, 一要…二要…), and before a wrapped line that opens with a bullet or with the
 * `…` that chat-log minutes put before a speaker's next line. Linear, never throws.
 */
import type { Span } from '../model';

/** `ii. `, `iv) `: an inline point numbered in small roman numerals. */
const INLINE_ROMAN = /^[ivx]{1,4}[.)]\s/;

/** Words whose trailing `.` does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nos',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'approx',
  'cllr',
  'cllrs',
  'prof',
  'rev',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'fig',
  'min',
  'p',
  'pp',
  'al',
]);

/** A meeting's lead phrase (`会议要求`, `会议决定`) after a comma, as in minutes punctuated with commas. */
const MID_LEAD = /^会议(?:要求|强调|决定|同意|指出|认为|明确|部署|研究决定)/;

/** `一是`, `二要`, `三须`: an inline ordinal that starts a point of its own. */
const CN_ORDINAL = /([一二三四五六七八九十]{1,3})(?:是|要|须|抓|做|强化|加强|坚持)(?![否非的])/g;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';
}

/** A letter or digit of any script, not space, punctuation or a symbol: what a sentence needs. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return !(
    c <= 0xbf ||
    (c >= 0x2000 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}

/** Spans of the sentences in text[from, to), trimmed of surrounding space. */
export function sentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  /** Whether a letter or digit stands between `start` and where the loop is. */
  let words = false;
  const push = (end: number): void => {
    words = false;
    let a = start;
    let b = end;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
    start = end;
  };
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (!words && isWordCode(text.charCodeAt(i))) words = true;
    if (c === '。' || c === '！' || c === '？' || c === '；' || c === ';' || c === '!' || c === '?') {
      // A mark with no word before it (`！会…`, `、；要…` at a line's start) ends no sentence: it opens the next.
      if (!words) continue;
      let j = i + 1;
      while (j < to && /[”’"'）)」』]/.test(text[j])) j++;
      push(j);
      i = j - 1;
    } else if ((c === '，' || c === ',') && MID_LEAD.test(text.slice(i + 1, i + 8))) {
      // `…审议通过了《办法》,会议要求,各部门要…`: a new lead phrase after a comma opens a sentence of its own.
      push(i + 1);
    } else if (c === '.' && endsEnglishSentence(text, i, to)) {
      push(i + 1);
    } else if (c === '\n' && i + 1 < to && /[-*•…]/.test(text[nextNonSpace(text, i + 1, to)] ?? '')) {
      push(i);
    }
  }
  push(to);
  return splitOrdinals(text, out);
}

function nextNonSpace(text: string, i: number, to: number): number {
  while (i < to && isSpace(text[i])) i++;
  return i;
}

function endsEnglishSentence(text: string, i: number, to: number): boolean {
  if (!isSpace(text[i + 1]) && i + 1 < to) return false;
  const j = nextNonSpace(text, i + 1, to);
  if (j >= to) return true;
  // `… raised. ii. 24/0019/F …`: an inline point numbered in small roman numerals starts a sentence too.
  if (!/[A-Z0-9\u4e00-\u9fff"“(*[@]/.test(text[j]) && !INLINE_ROMAN.test(text.slice(j, j + 6))) return false;
  // The word before the dot: an abbreviation or a single initial does not end a sentence.
  let k = i;
  while (k > 0 && /[A-Za-z.]/.test(text[k - 1]) && i - k < 12) k--;
  const word = text.slice(k, i).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return false;
  return !ABBREVIATIONS.has(word);
}

/** Cuts a sentence before each inline ordinal after the first (`一是…，二是…`). */
function splitOrdinals(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const slice = text.slice(s.start, s.end);
    let start = s.start;
    CN_ORDINAL.lastIndex = 0;
    for (let m = CN_ORDINAL.exec(slice); m; m = CN_ORDINAL.exec(slice)) {
      const at = s.start + m.index;
      // Only at a clause boundary, and only in a run that begins with 一.
      const before = at > s.start ? text[at - 1] : '';
      if (at === s.start || !/[，,：:；;。\s]/.test(before)) continue;
      if (at > start) out.push({ start, end: trimEnd(text, start, at) });
      start = at;
    }
    out.push({ start, end: s.end });
  }
  return out.filter((s) => s.end > s.start);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s，,]/.test(text[end - 1])) end--;
  return end;
}

/** Whether a sentence starts with a point numbered in small roman numerals (`ii. …`). */
export function romanPointAt(text: string, at: number): boolean {
  return INLINE_ROMAN.test(text.slice(at, at + 6));
}

/** The inline ordinal at the start of a sentence (`二是`), if any: its value and length. */
export function ordinalAt(text: string, at: number): { digits: string; length: number } | null {
  const m = /^([一二三四五六七八九十]{1,3})(是|要|须)(?![否非的])/.exec(text.slice(at, at + 6));
  return m ? { digits: m[1], length: m[0].length } : null;
}
