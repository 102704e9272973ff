/**
 * The promises the core keeps for any text, as plain checks over one case. Shared by the quick property
 * tests (`properties.test.ts`), the long fuzz run (`fuzz.ts`) and the replay of saved counterexamples
 * (`regressions.test.ts`). Each check throws an `AssertionError` naming what broke.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createMinutesService,
  parseUnitsRegistry,
  REVEAL_AND_SUGGEST,
  type MinutesService,
} from '../../server/src/core';
import { repoPath } from '../util/paths';

/** One generated input: a text, which service checks it, and where to ask for completion and hover. */
export interface Case {
  text: string;
  /** Index into `services`. */
  setup: number;
  /** Fractions of the text length (0…1): offsets for completion, hover and the other position requests. */
  probes: number[];
}

const URI = 'file:///fuzz/case.minutes';
const registry = parseUnitsRegistry(fs.readFileSync(repoPath('examples', 'minutes-units.yaml'), 'utf8'));

/** A Chinese setup with the example registry and a fixed today; an English one with neither. */
export const services: readonly MinutesService[] = [
  createMinutesService({ units: registry.registry, locale: 'zh-CN', config: { today: '2024-06-01' } }),
  createMinutesService({ locale: 'en' }),
];

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** The text as an LSP client holds it: an independent oracle for lines and positions. */
export function textDocument(text: string): TextDocument {
  return TextDocument.create(URI, 'minutes', 1, text);
}

/** Line lengths of `text` as the LSP counts them (line breaks \r\n, \r, \n). */
function lineLengths(td: TextDocument): number[] {
  const out: number[] = [];
  for (let line = 0; line < td.lineCount; line++) {
    const start = td.offsetAt({ line, character: 0 });
    const end = line + 1 < td.lineCount ? td.offsetAt({ line: line + 1, character: 0 }) : td.getText().length;
    let len = end - start;
    const t = td.getText();
    if (len > 0 && t[start + len - 1] === '\n') len--;
    if (len > 0 && t[start + len - 1] === '\r') len--;
    out.push(len);
  }
  return out;
}

/** Words that show a value went missing on its way into a message: `undefined十是`, `NaN days`. */
const LEAKED = /undefined|NaN|\[object Object\]/;

function assertReadable(textOfCase: string, shown: string, what: string): void {
  const leaked = LEAKED.exec(shown);
  if (leaked && !textOfCase.includes(leaked[0])) assert.fail(`${what}: “${shown}” shows ${leaked[0]}`);
}

/** Checks positions and ranges against one text. */
class Bounds {
  readonly td: TextDocument;
  readonly lengths: number[];

  constructor(readonly text: string) {
    this.td = textDocument(text);
    this.lengths = lineLengths(this.td);
  }

  position(p: Position, what: string): void {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position`);
    assert.ok(
      p.line >= 0 && p.line < this.lengths.length,
      `${what}: line ${p.line} of ${this.lengths.length}`,
    );
    assert.ok(
      p.character >= 0 && p.character <= this.lengths[p.line],
      `${what}: character ${p.character} past the end (${this.lengths[p.line]}) of line ${p.line}`,
    );
    const offset = this.td.offsetAt(p);
    assert.ok(!splitsPair(this.text, offset), `${what}: ${p.line}:${p.character} splits a surrogate pair`);
  }

  range(r: Range, what: string): void {
    this.position(r.start, `${what} start`);
    this.position(r.end, `${what} end`);
    assert.ok(this.td.offsetAt(r.start) <= this.td.offsetAt(r.end), `${what}: start after end`);
  }

  contains(outer: Range, inner: Range, what: string): void {
    const o = [this.td.offsetAt(outer.start), this.td.offsetAt(outer.end)];
    const i = [this.td.offsetAt(inner.start), this.td.offsetAt(inner.end)];
    assert.ok(
      o[0] <= i[0] && i[1] <= o[1],
      `${what}: ${JSON.stringify(inner)} not inside ${JSON.stringify(outer)}`,
    );
  }
}

/** Positions to probe: the case's fractions as offsets, moved off the middle of surrogate pairs. */
export function probePositions(c: Case): Position[] {
  const td = textDocument(c.text);
  return c.probes.map((p) => {
    let offset = Math.floor(Math.min(1, Math.max(0, p)) * c.text.length);
    if (splitsPair(c.text, offset)) offset--;
    return td.positionAt(offset);
  });
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(textDocument(text), edits);
}

function editsOf(action: CodeAction): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  assert.deepStrictEqual(Object.keys(changes), [URI], `${action.title}: edits another document`);
  return changes[URI];
}

function walkSymbols(
  symbols: DocumentSymbol[],
  visit: (s: DocumentSymbol, parent: DocumentSymbol | null) => void,
) {
  const go = (list: DocumentSymbol[], parent: DocumentSymbol | null): void => {
    for (const s of list) {
      visit(s, parent);
      go(s.children ?? [], s);
    }
  };
  go(symbols, null);
}

/** Everything the core answers for a text, in a comparable form (for determinism). */
function answers(service: MinutesService, text: string, positions: Position[]): string {
  const doc = service.parse(text);
  return JSON.stringify({
    diagnostics: service.validate(doc),
    items: service.items(doc, 'case.minutes'),
    symbols: service.symbols(doc),
    folding: service.folding(doc),
    completions: positions.map((p) => service.completions(doc, p)),
    hover: positions.map((p) => service.hover(doc, p)),
  });
}

/**
 * Property `features`: parse, validate, items, symbols, folding, completion and hover never throw; every
 * range they answer lies inside the document on UTF-16 boundaries; names and messages are well-formed
 * when the text is; the same text always gives the same answers.
 */
export function checkFeatures(c: Case): void {
  const service = services[c.setup];
  const { text } = c;
  const b = new Bounds(text);
  const wellFormed = isWellFormed(text);
  const doc = service.parse(text);
  assert.strictEqual(doc.lines.lineCount, b.lengths.length, 'line count differs from the LSP count');

  const diagnostics = service.validate(doc);
  for (const d of diagnostics) {
    b.range(d.range, `diagnostic ${String(d.code)}`);
    if (wellFormed)
      assert.ok(isWellFormed(d.message), `diagnostic ${String(d.code)}: message has a lone surrogate`);
    assertReadable(text, d.message, `diagnostic ${String(d.code)}`);
  }

  const record = service.items(doc, 'case.minutes');
  for (const item of record.items) {
    b.range(item.range, `item ${item.kind}`);
    if (wellFormed) assert.ok(isWellFormed(item.text), 'item text has a lone surrogate');
  }

  walkSymbols(service.symbols(doc), (s, parent) => {
    b.range(s.range, `symbol “${s.name}”`);
    b.range(s.selectionRange, `symbol “${s.name}” selection`);
    b.contains(s.range, s.selectionRange, `symbol “${s.name}” selection`);
    if (parent) b.contains(parent.range, s.range, `symbol “${s.name}” in “${parent.name}”`);
    assert.ok(s.name.trim().length > 0, 'symbol with an empty name');
    if (wellFormed) assert.ok(isWellFormed(s.name), `symbol name “${s.name}” has a lone surrogate`);
  });

  for (const f of service.folding(doc)) {
    assert.ok(f.startLine < f.endLine, `folding ${f.startLine}-${f.endLine}`);
    assert.ok(f.endLine < b.lengths.length, `folding past the last line: ${f.endLine}`);
  }

  const positions = probePositions(c);
  for (const p of positions) {
    for (const item of service.completions(doc, p)) {
      const edit = item.textEdit;
      assert.ok(edit && 'range' in edit, `completion “${item.label}” without a text edit range`);
      b.range(edit.range, `completion “${item.label}”`);
      assertReadable(text, `${item.label} ${item.detail ?? ''} ${edit.newText}`, 'completion');
      assert.deepStrictEqual(
        edit.range.end,
        p,
        `completion “${item.label}”: the edit does not end at the cursor`,
      );
    }
    const hover = service.hover(doc, p);
    if (hover) assertReadable(text, JSON.stringify(hover.contents), 'hover');
    if (hover?.range) {
      b.range(hover.range, 'hover');
      b.contains(hover.range, { start: p, end: p }, 'hover range around the cursor');
    }
    const unit = service.unitAt(doc, p);
    if (unit) {
      b.range(unit.range, 'unitAt');
      for (const r of service.unitOccurrences(doc, unit.name)) b.range(r, 'unit occurrence');
    }
    for (const e of service.markDone(doc, p.line)) b.range(e.range, 'markDone');
  }
  // Positions a client should not send, but might: never a crash.
  for (const p of [
    { line: b.lengths.length + 3, character: 0 },
    { line: 0, character: 100000 },
  ]) {
    service.completions(doc, p);
    service.hover(doc, p);
    service.unitAt(doc, p);
    service.markDone(doc, p.line);
  }

  const first = answers(service, text, positions);
  const again = answers(createMinutesService(service.options), text, positions);
  assert.strictEqual(again, first, 'the same text gave different answers');
}

/** Where an offset of `before` lands after `edits` (edits at or before it shift it). */
function mapOffset(td: TextDocument, offset: number, edits: TextEdit[]): number {
  let shift = 0;
  const sorted = [...edits].sort((a, b) => td.offsetAt(a.range.start) - td.offsetAt(b.range.start));
  for (const e of sorted) {
    const s = td.offsetAt(e.range.start);
    const end = td.offsetAt(e.range.end);
    if (end <= offset) shift += e.newText.length - (end - s);
    else if (s < offset) return s + shift;
  }
  return offset + shift;
}

/** How many error-severity diagnostics each rule gives. */
function errorCounts(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity === 1) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  }
  return counts;
}

function assertNoNewErrors(before: Map<string, number>, after: Map<string, number>, what: string): void {
  for (const [rule, n] of after) {
    assert.ok(n <= (before.get(rule) ?? 0), `${what}: a new ${rule} error`);
  }
}

function cursorOf(action: CodeAction): Position | null {
  if (action.command?.command !== REVEAL_AND_SUGGEST) return null;
  const [uri, position] = action.command.arguments ?? [];
  assert.strictEqual(uri, URI, `${action.title}: cursor command for another document`);
  return position as Position;
}

/** The line of `text` holding `offset`, for messages. */
function lineAround(text: string, offset: number): string {
  const td = textDocument(text);
  const line = td.positionAt(offset).line;
  return JSON.stringify(td.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
}

/** A date the user might type after `时限：` or `Due: `. */
function typedDate(fixed: string, at: number): string {
  return /[\u4e00-\u9fff：]/.test(fixed.slice(Math.max(0, at - 4), at)) ? '2099年12月31日前' : '2099-12-31';
}

/**
 * Property `fixes`: every quick fix is a valid edit of this document only. A fix that completes the text
 * (a name from the registry, the meeting year, a number, a concrete deadline) removes its diagnostic (same
 * rule at the same place) and adds no error. A fix that leaves a choice to the user (an owner after `@`, a
 * deadline after `时限：`) puts the cursor right after what it inserted; once the user picks the first unit
 * offered there (or types a date), the diagnostic is gone and no error is new. Adding header fields adds a
 * header line for every field the diagnostic named.
 */
export function checkFixes(c: Case): void {
  const service = services[c.setup];
  const { text } = c;
  const b = new Bounds(text);
  const doc = service.parse(text);
  const diagnostics = service.validate(doc);
  const errorsBefore = errorCounts(diagnostics);
  for (const d of diagnostics) {
    const rule = String(d.code);
    for (const action of service.codeActions(doc, URI, d.range, [d])) {
      const what = `${rule} fix “${action.title}”`;
      assertReadable(text, action.title, `${rule} fix`);
      const edits = editsOf(action);
      for (const e of edits) b.range(e.range, what);
      let fixed = applyEdits(text, edits);
      let at = mapOffset(b.td, b.td.offsetAt(d.range.start), edits);
      const cursor = cursorOf(action);
      if (cursor) {
        const fd = textDocument(fixed);
        new Bounds(fixed).position(cursor, `${what} cursor`);
        const offset = fd.offsetAt(cursor);
        const inserted = edits.map((e) => e.newText).join('');
        assert.ok(inserted.length > 0, `${what}: inserts nothing`);
        const marker = fixed.slice(0, offset);
        assert.ok(
          /[@：:]\s?$/.test(marker),
          `${what}: cursor not after @ or a label (${JSON.stringify(marker.slice(-8))})`,
        );
        if (marker.endsWith('@')) {
          const fixedDoc = service.parse(fixed);
          const offered = service.completions(fixedDoc, cursor);
          if (!service.options.units) continue; // Nothing to pick without a registry.
          assert.ok(offered.length > 0, `${what}: no unit offered at the cursor`);
          const pick = offered[0].textEdit as TextEdit;
          fixed = applyEdits(fixed, [pick]);
          at = at > offset ? at + pick.newText.length : at;
        } else {
          const date = typedDate(fixed, offset);
          fixed = fixed.slice(0, offset) + date + fixed.slice(offset);
          at = at > offset ? at + date.length : at;
        }
      }
      const after = service.validate(service.parse(fixed));
      assertNoNewErrors(errorsBefore, errorCounts(after), what);
      if (rule === 'missing-header') {
        const keys = new Set(service.parse(fixed).header.map((h) => h.key));
        const missing = ((d.data as { missing?: string[] }).missing ?? []) as string[];
        for (const key of missing)
          assert.ok(keys.has(key as never), `${what}: no ${key} field after the fix`);
        continue;
      }
      const fd = textDocument(fixed);
      if (rule === 'numbering' && action.isPreferred) {
        // “Change to 三、” writes a label the parser reads back, where the problem was.
        const labels = service.parse(fixed).sequences.flat();
        const label = labels.find((l) => l.span.start === at);
        assert.strictEqual(label?.text, edits[0].newText, `${what}: the new label is not read as a label`);
      }
      const still = after.find((x) => String(x.code) === rule && fd.offsetAt(x.range.start) === at);
      assert.ok(
        !still,
        `${what}: the diagnostic is still there: ${still?.message}\n--- on the fixed line: ${lineAround(fixed, at)}`,
      );
    }
  }
}

/**
 * Property `renumber`: renumbering a whole list is idempotent: on the renumbered text, the same list needs
 * no renumbering, and no numbering problem is left on any of its labels.
 */
export function checkRenumber(c: Case): void {
  const service = services[c.setup];
  const { text } = c;
  const td = textDocument(text);
  const doc = service.parse(text);
  for (const d of service.validate(doc).filter((x) => x.code === 'numbering')) {
    const renumber = service
      .codeActions(doc, URI, d.range, [d])
      .find((a) => !a.isPreferred && editsOf(a).length > 1);
    if (!renumber) continue;
    const edits = editsOf(renumber);
    const once = applyEdits(text, edits);
    const onceDoc = service.parse(once);
    const labels = edits.map((e) => mapOffset(td, td.offsetAt(e.range.start), edits));
    const otd = textDocument(once);
    const left = service
      .validate(onceDoc)
      .filter((x) => x.code === 'numbering' && labels.includes(otd.offsetAt(x.range.start)));
    assert.deepStrictEqual(
      left.map((x) => x.message),
      [],
      `renumbered labels still flagged, e.g. ${left.map((x) => lineAround(once, otd.offsetAt(x.range.start)))[0]}`,
    );
    // Asking again on any label of the list offers nothing more to change.
    for (const start of labels) {
      const synthetic: Diagnostic = {
        range: { start: otd.positionAt(start), end: otd.positionAt(start) },
        source: 'minutes',
        code: 'numbering',
        message: '',
        data: { rule: 'numbering', expected: '' },
      };
      for (const again of service.codeActions(onceDoc, URI, synthetic.range, [synthetic])) {
        if (again.isPreferred) continue;
        assert.strictEqual(
          applyEdits(once, editsOf(again)),
          once,
          'renumbering twice changed the text again',
        );
      }
    }
  }
}

/** Meetings written as the genre writes them, around a case's text: parts for the incremental reader. */
const MEETINGS = [
  [
    '# 县政府第五次常务会议纪要',
    '',
    '时间：2024年3月5日上午',
    '主持：张县长',
    '出席：@县发展改革局、@县财政局',
    '',
    '## 会议决定',
    '',
    '（一）加快园区道路建设。牵头单位：@县发展改革局；时限：2024年6月30日前。',
    '（二）会议要求，一是抓紧编制方案，由@县财政局负责；二是尽快完成选址。',
    '',
    '- [ ] 报送进展情况 @县财政局 时限：下次会议前',
    '',
    '下次会议时间：4月10日',
    '',
  ].join('\n'),
  [
    '# Board meeting minutes',
    '',
    'Date: 12 March 2024',
    'Chair: Ann Lee',
    'Attendees: Dana Holt, Sam Park',
    '',
    '## Decisions',
    '',
    '1. Approved the budget for the new hall.',
    '2. The roof repair goes to tender. Motion carried.',
    '',
    '## Action items',
    '',
    '- [ ] Dana to draft the tender by Friday.',
    '- Sam to call the contractor (Sam, 2024-04-01)',
    '  Status: done',
    '',
    '| Action | Owner | Due |',
    '| --- | --- | --- |',
    '| Send the notice to members | Dana | next week |',
    '',
    'Next meeting: 9 April 2024',
    '',
  ].join('\n'),
];

/** What an edit of the incremental property types or pastes. */
const TYPED = [
  ...[
    '\n',
    '\n\n',
    '\r\n',
    ' ',
    '。',
    '.',
    '，',
    '：',
    '的',
    '要',
    '负责',
    '牵头',
    '配合',
    '一是',
    '二是',
    '陳會議',
  ],
  ...['# ', '## ', '### ', '\n# 第二次会议纪要\n', '\n## 会议决定\n', '\n## Action items\n', '\n# Minutes\n'],
  ...['\n# Attendees\n', '\n## 出席人员\n', '\n### Voting members\n', '\n## Previous action items\n'],
  ...['- ', '- [ ] ', '- [x] ', '1. ', '一、', '（一）', '① ', '**Decisions**\n', '议题一：'],
  ...['时限：', '时限：2024年6月30日前', '牵头单位：@县财政局；', '会议决定，', '会议要求，', '尽快'],
  ...[
    'Owner: ',
    'Due: ',
    'Due: Friday',
    '@Dana ',
    'Dana to ',
    'ACTION: ',
    'Motion carried.\n',
    'Status: done\n',
  ],
  ...['时间：2024年3月5日\n', 'Date: 09/08/24\n', '下次会议：4月10日\n', 'Next meeting: 2024-04-10\n'],
  ...['```\n', '---\n', '<!-- minutes-disable -->\n', '<!-- minutes-enable -->\n'],
  ...[
    '<!-- minutes-disable-next-line -->\n',
    '| Task | Owner |\n| --- | --- |\n| Fix the roof now | Sam |\n',
  ],
];

/**
 * Whether two values differ; when they do, `path` gets the keys down to the first difference, innermost
 * first. A key whose value is undefined on one side and missing on the other is no difference.
 */
function differs(a: unknown, b: unknown, path: string[]): boolean {
  if (Object.is(a, b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    path.push(`: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) {
    if (differs(x[k], y[k], path)) {
      path.push(`.${k}`);
      return true;
    }
  }
  for (const k in y) {
    if (!(k in x) && differs(undefined, y[k], path)) {
      path.push(`.${k}`);
      return true;
    }
  }
  return false;
}

/** The first place where two values differ, as a path (`.items.3.owners.0.span.end: 4 vs 5`), or null. */
function firstDifference(a: unknown, b: unknown): string | null {
  const path: string[] = [];
  return differs(a, b, path) ? path.reverse().join('') : null;
}

/**
 * After every edit of a random sequence (typed text, pasted lines, deletions across blocks), the incremental
 * reader's model and its diagnostics are those of a fresh parse and check of the same text.
 */
export function checkIncremental(c: Case): void {
  const service = services[c.setup];
  let text = `${MEETINGS[c.setup % MEETINGS.length]}\n${c.text}\n${MEETINGS[(c.setup + 1) % MEETINGS.length]}`;
  // Every document in parts, however short: the part-wise reading is what is compared.
  const reader = service.reader(0);
  let state = Math.floor((c.probes[0] ?? 0.5) * 2 ** 31) >>> 0 || 1;
  const random = (n: number): number => {
    state = (state * 1103515245 + 12345) >>> 0;
    return Math.floor(((state >>> 8) / 2 ** 24) * n);
  };
  const edits = 10 + c.probes.length;
  for (let e = 0; e <= edits; e++) {
    if (e > 0) {
      const at = random(text.length + 1);
      const cut = random(4) === 0 ? 1 + random(random(3) === 0 ? 300 : 4) : 0;
      const typed = random(5) === 0 ? '' : TYPED[random(TYPED.length)];
      text = text.slice(0, at) + typed + text.slice(at + cut);
    }
    const incremental = reader.read(text);
    const full = service.parse(text);
    const model = firstDifference(incremental, full);
    assert.ok(model === null, `the incremental model differs from a full parse after edit ${e}: ${model}`);
    if (random(3) === 0) {
      // A what-if reading (a quick fix's) between a read and its check: right, and changing neither.
      const at = random(text.length + 1);
      const other = text.slice(0, at) + TYPED[random(TYPED.length)] + text.slice(at);
      const peeked = firstDifference(reader.peek(other), service.parse(other));
      assert.ok(peeked === null, `a peek differs from a full parse after edit ${e}: ${peeked}`);
    }
    const diagnostics = firstDifference(reader.validate(incremental), service.validate(full));
    assert.ok(diagnostics === null, `incremental diagnostics differ after edit ${e}: ${diagnostics}`);
  }
}

export const properties: Record<string, (c: Case) => void> = {
  features: checkFeatures,
  fixes: checkFixes,
  renumber: checkRenumber,
  incremental: checkIncremental,
};
