/**
 * Quick fixes for the rules' diagnostics. Every fix is a plain text edit the user applies (and can undo);
 * where a fix leaves a name to choose, it also asks the client to put the cursor there and open completion
 * (`minutes.revealAndSuggest`, which clients that lack it simply ignore).
 */
import {
  CodeActionKind,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { REVEAL_AND_SUGGEST, type Locale } from '../api';
import { addDays, chineseDeadline, endOfMonth } from '../dates';
import type { Item, MinutesDocument } from '../model';
import { relabel } from '../rules/numbering';
import { DIAGNOSTIC_SOURCE } from '../validate';

const isChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** Whether to write a fix in Chinese: as the item is written, or, when it has no letters, as the document is. */
function chineseFor(doc: MinutesDocument, item: Item): boolean {
  return /\p{L}/u.test(item.text) ? isChinese(item.text) : isChinese(doc.text.slice(0, 2000));
}

/** Text to insert at `at`: without its leading space at a line start, where a space would start a new paragraph. */
function fitted(doc: MinutesDocument, at: number, text: string): string {
  return at === doc.lines.lineStart(doc.lines.lineAt(at)) ? text.trimStart() : text;
}

/** The item a diagnostic at `offset` is about: the one whose head starts there, else the one holding it. */
function itemAt(doc: MinutesDocument, offset: number): Item | undefined {
  return (
    doc.items.find((i) => i.headSpan.start === offset) ??
    doc.items.find((i) => offset >= i.span.start && offset < i.span.end)
  );
}

/**
 * Where to add to an item: before the mark that closes its sentence (。；！？, and the quotes or brackets
 * after it: `…要？”`; a full stop too, but at the end of a list entry, where the entry is the item and
 * nothing follows), or at its end; on the line before when the mark starts a line of its own. `beforeMark`:
 * whether a mark follows what is added (then it needs no full stop of its own).
 */
function appendPoint(doc: MinutesDocument, item: Item): Point {
  const text = doc.text;
  let end = item.span.end;
  let k = end;
  while (k > item.span.start && /[”’"'）)」』]/.test(text[k - 1])) k--;
  // After a full stop in running text, what is added would be read as a sentence of its own.
  const lastOfEntry =
    LIST_ENTRY.test(text.slice(item.span.start, item.span.end)) &&
    !/\S/.test(text.slice(end, doc.lines.lineEnd(doc.lines.lineAt(end))));
  const beforeMark =
    k > item.span.start && (/[。；;！？!?]/.test(text[k - 1]) || (text[k - 1] === '.' && !lastOfEntry));
  if (beforeMark) end = k - 1;
  // Not at the start of a line: what is added there would be read as a line (a label) of its own.
  return { at: offLineStart(doc, item, end), beforeMark };
}

interface Point {
  at: number;
  /** Whether a mark follows what is added (then it needs no full stop of its own). */
  beforeMark: boolean;
}

/** `at`, or the end of the line before when `at` starts a line (what is added there would be read as a line of its own). */
function offLineStart(doc: MinutesDocument, item: Item, at: number): number {
  const text = doc.text;
  let before = at;
  while (before > item.span.start && /[ \t\u3000]/.test(text[before - 1])) before--;
  if (before > item.span.start && (text[before - 1] === '\n' || text[before - 1] === '\r')) {
    while (before > item.span.start && /\s/.test(text[before - 1])) before--;
    return before;
  }
  return at;
}

/** Where text can be added to an item: `appendPoint`, then before each mark that closes a sentence inside it, from the last. */
function* appendPoints(doc: MinutesDocument, item: Item): Generator<Point> {
  const first = appendPoint(doc, item);
  yield first;
  const text = doc.text;
  for (let k = item.span.end - 1; k > item.span.start; k--) {
    const closes = /[。；;！？!?]/.test(text[k]) || (text[k] === '.' && !/\S/.test(text[k + 1] ?? ''));
    const at = closes ? offLineStart(doc, item, k) : -1;
    if (at > item.span.start && at !== first.at) yield { at, beforeMark: true };
  }
}

/** Reads the document with an edit, with the options it was read with (`parse`, or its reader's `peek`). */
type Reread = (text: string) => MinutesDocument;

/**
 * Where to add `added(point)` to an item so that the reader takes it as the item's own: the first of
 * `appendPoints` where reading the fixed text again gives the item something read from the added text
 * (`took`: an owner, a deadline), else `appendPoint`. An odd text can read differently once something is
 * added (`…要；纪` + a deadline: `纪（时限：…）` turns into an item of its own).
 */
function placement(
  doc: MinutesDocument,
  item: Item,
  reread: Reread | undefined,
  added: (p: Point) => string,
  took: (again: Item, from: number, to: number) => boolean,
): Point {
  if (!reread) return appendPoint(doc, item);
  let first: Point | undefined;
  for (const p of appendPoints(doc, item)) {
    first ??= p;
    const text = fitted(doc, p.at, added(p));
    const again = reread(doc.text.slice(0, p.at) + text + doc.text.slice(p.at));
    const it = again.items.find((i) => i.span.start === item.span.start);
    if (it && took(it, p.at, p.at + text.length)) return p;
  }
  return first!;
}

const within = (span: { start: number; end: number }, from: number, to: number): boolean =>
  span.start >= from && span.end <= to;
const tookOwner = (it: Item, from: number, to: number): boolean =>
  it.owners.some((o) => within(o.span, from, to));
const tookDeadline = (it: Item, from: number, to: number): boolean =>
  it.deadline !== null && within(it.deadline.span, from, to);

function action(
  title: string,
  uri: string,
  diagnostic: Diagnostic,
  edits: TextEdit[],
  preferred = false,
  command?: Command,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: edits } },
    ...(preferred ? { isPreferred: true } : {}),
    ...(command ? { command } : {}),
  };
}

function insertWithCursor(
  doc: MinutesDocument,
  uri: string,
  at: number,
  rawText: string,
  cursorAfter: string,
): { edit: TextEdit; command: Command } {
  const text = fitted(doc, at, rawText);
  const pos = doc.lines.positionAt(at);
  const cursor = {
    line: pos.line,
    character: pos.character + text.indexOf(cursorAfter) + cursorAfter.length,
  };
  return {
    edit: { range: { start: pos, end: pos }, newText: text },
    command: { title: 'Choose', command: REVEAL_AND_SUGGEST, arguments: [uri, cursor] },
  };
}

/** A list entry's bullet, check box or number. */
const LIST_ENTRY = /^(?:[-*+•][ \t]+(?:\[[ xX]\][ \t]*)?|\d{1,3}[.)、][ \t]*)/;

/**
 * How English minutes name owners: `to` when their items are mostly written `Dana to …`, else `label`
 * (`Owner: Dana`).
 */
function englishOwnerStyle(doc: MinutesDocument): 'to' | 'label' {
  let to = 0;
  let label = 0;
  for (const item of doc.items) {
    for (const o of item.owners) {
      if (o.source === 'label') label++;
      else if (/^\s+to\s/.test(doc.text.slice(o.span.end, o.span.end + 5))) to++;
    }
  }
  return to > label ? 'to' : 'label';
}

export function codeActions(
  doc: MinutesDocument,
  uri: string,
  _range: Range,
  diagnostics: Diagnostic[],
  locale: Locale,
  today: string | null,
  reread?: Reread,
): CodeAction[] {
  const zhUi = locale === 'zh-CN';
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const data = (d.data ?? {}) as Record<string, unknown>;
    const rule = typeof d.code === 'string' ? d.code : String(data.rule ?? '');
    const start = doc.lines.offsetAt(d.range.start);
    const end = doc.lines.offsetAt(d.range.end);
    const current = doc.text.slice(start, end);
    switch (rule) {
      case 'missing-owner': {
        const item = itemAt(doc, start);
        if (!item) break;
        const zh = chineseFor(doc, item);
        const entry = LIST_ENTRY.exec(doc.text.slice(item.span.start, item.span.end));
        const style = zh ? 'label' : englishOwnerStyle(doc);
        if (
          style === 'to' &&
          entry &&
          /^[A-Z][a-z]/.test(doc.text.slice(item.span.start + entry[0].length))
        ) {
          // Notes written `Dana to send …`: `- Send the draft` becomes `- @ to send the draft`. A mention
          // right after `1.` would be read as part of an address (`1.@a`): a space goes between.
          const at = item.span.start + entry[0].length;
          const pos = doc.lines.positionAt(at);
          const gap = /\s$/.test(entry[0]) ? '' : ' ';
          const edit: TextEdit = {
            range: { start: pos, end: doc.lines.positionAt(at + 1) },
            newText: `${gap}@ to ${doc.text[at].toLowerCase()}`,
          };
          const cursor = { line: pos.line, character: pos.character + gap.length + 1 };
          const command = { title: 'Choose', command: REVEAL_AND_SUGGEST, arguments: [uri, cursor] };
          out.push(action(zhUi ? '添加责任单位' : 'Add an owner', uri, d, [edit], true, command));
          break;
        }
        const owner = (p: Point, name = ''): string =>
          zh ? `（责任单位：@${name}）` : entry || p.beforeMark ? ` (Owner: @${name})` : ` Owner: @${name}`;
        // Placed where an owner the user then picks (`办公室`, `Office`: any unit) is read as the item's.
        const point = placement(doc, item, reread, (p) => owner(p, zh ? '办公室' : 'Office'), tookOwner);
        const { at } = point;
        const text = owner(point);
        const { edit, command } = insertWithCursor(doc, uri, at, text, '@');
        out.push(action(zhUi ? '添加责任单位' : 'Add an owner', uri, d, [edit], true, command));
        break;
      }
      case 'missing-deadline': {
        const item = itemAt(doc, start);
        if (!item) break;
        const zh = chineseFor(doc, item);
        const anchor = doc.meeting.date ?? today;
        const due = (p: Point, iso: string): string =>
          zh ? `（时限：${chineseDeadline(iso)}）` : p.beforeMark ? ` (Due: ${iso})` : ` Due: ${iso}.`;
        // Placed where a deadline (the first offered, or one the user then types) is read as the item's.
        const { at: atOffset, beforeMark } = placement(
          doc,
          item,
          reread,
          (p) => due(p, anchor ? addDays(anchor, 14) : '2000-01-01'),
          tookDeadline,
        );
        const at = doc.lines.positionAt(atOffset);
        const choices: [string, string][] = anchor
          ? [
              [zhUi ? '两周内' : 'in two weeks', addDays(anchor, 14)],
              [zhUi ? '月底前' : 'by the end of the month', endOfMonth(addDays(anchor, 1))],
              [zhUi ? '三个月内' : 'within three months', addDays(anchor, 90)],
            ]
          : [];
        choices.forEach(([label, iso], i) => {
          const newText = fitted(doc, atOffset, due({ at: atOffset, beforeMark }, iso));
          out.push(
            action(
              `${zhUi ? '添加时限' : 'Add a deadline'}: ${label} (${iso})`,
              uri,
              d,
              [{ range: { start: at, end: at }, newText }],
              i === 0,
            ),
          );
        });
        if (!anchor) {
          const { edit, command } = insertWithCursor(
            doc,
            uri,
            atOffset,
            zh ? '（时限：）' : ' Due: ',
            zh ? '时限：' : 'Due: ',
          );
          out.push(action(zhUi ? '添加时限' : 'Add a deadline', uri, d, [edit], true, command));
        }
        break;
      }
      case 'vague-owner': {
        const { edit, command } = insertWithCursor(doc, uri, start, '@', '@');
        edit.range = d.range;
        out.push(
          action(
            zhUi ? `将“${current}”改为具体单位…` : `Replace “${current}” with a specific unit…`,
            uri,
            d,
            [edit],
            true,
            command,
          ),
        );
        break;
      }
      case 'unknown-unit': {
        const suggestions = Array.isArray(data.suggestions) ? (data.suggestions as string[]) : [];
        suggestions.forEach((s, i) =>
          out.push(
            action(
              zhUi ? `改为“${s}”` : `Change to “${s}”`,
              uri,
              d,
              [{ range: d.range, newText: s }],
              i === 0,
            ),
          ),
        );
        break;
      }
      case 'placeholder': {
        if (typeof data.year === 'string') {
          out.push(
            action(
              zhUi ? `改为会议年份 ${data.year}` : `Replace with the meeting's year, ${data.year}`,
              uri,
              d,
              [{ range: d.range, newText: data.year }],
              true,
            ),
          );
        }
        break;
      }
      case 'numbering': {
        if (typeof data.expected !== 'string') break;
        out.push(
          action(
            zhUi ? `改为“${data.expected}”` : `Change to “${data.expected}”`,
            uri,
            d,
            [{ range: d.range, newText: data.expected }],
            true,
          ),
        );
        const run = doc.sequences.find((r) => r.some((l) => l.span.start === start));
        if (run) {
          const wanted = run.map((label, i) => ({ label, want: relabel(label, i + 1) }));
          const edits = wanted
            .filter(({ label, want }) => want !== null && label.text !== want)
            .map(({ label, want }) => ({ range: doc.lines.range(label.span), newText: want! }));
          if (edits.length > 1 && wanted.every((w) => w.want !== null))
            out.push(action(zhUi ? '重新编号整个序列' : 'Renumber the whole list', uri, d, edits));
        }
        break;
      }
      case 'missing-header': {
        const missing = Array.isArray(data.missing) ? (data.missing as string[]) : [];
        const zh = isChinese(doc.text.slice(0, 2000));
        const keys: Record<string, [string, string]> = {
          date: ['时间：', 'Date: '],
          chair: ['主持：', 'Chair: '],
          attendees: ['出席：', 'Present: '],
        };
        const lines = missing.map((m) => keys[m]?.[zh ? 0 : 1]).filter(Boolean);
        if (lines.length === 0) break;
        const atLine = doc.title ? doc.lines.lineAt(doc.title.span.end) : -1;
        const pos = atLine >= 0 ? doc.lines.positionAt(doc.lines.lineEnd(atLine)) : { line: 0, character: 0 };
        const newText = atLine >= 0 ? `\n${lines.join('\n')}` : `${lines.join('\n')}\n`;
        out.push(
          action(
            zhUi ? '补充会议要素' : 'Add the missing header fields',
            uri,
            d,
            [{ range: { start: pos, end: pos }, newText }],
            true,
          ),
        );
        break;
      }
    }
  }
  return out;
}
