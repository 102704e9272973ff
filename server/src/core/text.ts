import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from './model';

/**
 * Line starts of a text, for turning UTF-16 offsets into LSP positions and back. Line breaks are
 * `\r\n`, `\r` and `\n`, as in the LSP specification.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const character = Math.min(clamped, this.lineEnd(line)) - this.starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    return Math.max(start, Math.min(start + position.character, this.lineEnd(position.line)));
  }

  range(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Whether `text[at]` starts the text or follows one of `chars` (after any spaces, with `skipSpace`). */
export function afterBoundary(text: string, at: number, chars: string, skipSpace: boolean): boolean {
  let i = at - 1;
  if (skipSpace) while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000')) i--;
  return i < 0 || chars.includes(text[i]);
}

/** `offset`, moved back one if it would split a surrogate pair of `text`. */
export function codePointBoundary(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  return offset > 0 && offset < text.length && c >= 0xd800 && c <= 0xdbff ? offset - 1 : offset;
}

/** `s` cut to at most `max` UTF-16 units without splitting a character, with `…` when cut. */
export function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, codePointBoundary(s, max))}…` : s;
}

/** `s` without any of `chars` at its end (a loop: a `[…]+$` pattern is quadratic on long runs). */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** The first match of the global `re` in `text` that stands after a boundary (see `afterBoundary`). */
export function execAfter(
  re: RegExp,
  text: string,
  chars: string,
  skipSpace = false,
): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (afterBoundary(text, m.index, chars, skipSpace)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One alternation of words, longest first, for building patterns. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '[ \\t]+'))
    .join('|');
}
