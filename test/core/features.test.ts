import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-types';
import {
  createMinutesService,
  MAX_UNIT_COMPLETIONS,
  parseUnitsRegistry,
  type MinutesService,
} from '../../server/src/core';
import { repoPath } from '../util/paths';
import { matchSnapshot } from '../util/snapshot';

const registry = parseUnitsRegistry(
  fs.readFileSync(repoPath('examples', 'minutes-units.yaml'), 'utf8'),
).registry;
const service = createMinutesService({ units: registry, locale: 'en', config: { today: '2024-04-01' } });
const zh = createMinutesService({ units: registry, locale: 'zh-CN', config: { today: '2024-04-01' } });

/** Splits `text` at its `|` cursor marker: the text without it, and the cursor's position. */
function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'fixture needs a | cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = marked.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function labels(s: MinutesService, marked: string): string[] {
  const { text, position } = cursor(marked);
  return s.completions(s.parse(text), position).map((c) => c.label);
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.minutes', 'minutes', 1, text), edits);
}

function outline(symbols: DocumentSymbol[], depth = 0): string {
  return symbols
    .map(
      (s) =>
        `${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''} [${s.range.start.line + 1}]\n${outline(s.children ?? [], depth + 1)}`,
    )
    .join('');
}

describe('core features', () => {
  describe('completion at a cursor', () => {
    const cases: [string, string, (l: string[]) => boolean][] = [
      ['units after @', '会议决定，由@|牵头', (l) => l.includes('弥渡县财政局') && l.includes('县财政局')],
      ['units after a partial @name', '会议决定，由@县财|', (l) => l.includes('县财政局')],
      ['units after an owner label', '一是修路。责任单位：|', (l) => l.includes('弥渡县交通运输局')],
      [
        'units after a second name in a label',
        '一是修路。牵头单位：县交通局、|',
        (l) => l.includes('弥渡县水务局'),
      ],
      ['units after Owner:', '- [ ] Fix the roof. Owner: |', (l) => l.includes('Facilities Team')],
      [
        'measurement units after a number',
        '安排资金3000|',
        (l) => l.includes('万元') && l.includes('亩') && l.includes('%'),
      ],
      [
        'header keys at the top',
        '# 会议纪要\n\n|',
        (l) => l.includes('时间：') && l.includes('主持：') && l.includes('Date:'),
      ],
      [
        'section phrases at a line start',
        '# 纪要\n时间：2024年3月1日\n\n一、会议认为，好。\n\n|',
        (l) => l.includes('会议决定') && l.includes('会议要求'),
      ],
      ['no completion inside running text', '# 纪要\n\n会议认为，工作扎实有|', (l) => l.length === 0],
    ];
    for (const [name, marked, ok] of cases) {
      it(name, () => {
        const got = labels(service, marked);
        assert.ok(ok(got), `${name}: got ${JSON.stringify(got.slice(0, 12))}`);
      });
    }

    it('inserts the canonical name for an alias and ranks units used in the workspace first', () => {
      const { text, position } = cursor('由@县财|');
      const items = service.completions(service.parse(text), position, new Map([['弥渡县水务局', 9]]));
      const alias = items.find((c) => c.label === '县财政局')!;
      assert.strictEqual((alias.textEdit as TextEdit).newText, '弥渡县财政局');
      assert.deepStrictEqual((alias.textEdit as TextEdit).range, {
        start: { line: 0, character: 2 },
        end: position,
      });
      assert.ok(
        items.every((c) => /县.*财/.test(c.filterText ?? c.label)),
        'only units holding 县…财 are offered',
      );
      const bare = cursor('由@|');
      const all = service.completions(
        service.parse(bare.text),
        bare.position,
        new Map([['弥渡县水务局', 9]]),
      );
      const sorted = [...all].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.strictEqual((sorted[0].textEdit as TextEdit).newText, '弥渡县水务局');
    });

    it('caps the units offered for a large registry, keeping the ones that match what is typed', () => {
      const units = Array.from({ length: 5000 }, (_, i) => ({
        name: `第${i}工作组`,
        aliases: [],
        parent: null,
      }));
      const big = createMinutesService({ units: { units } });
      const all = labels(big, '由@|');
      assert.strictEqual(all.length, MAX_UNIT_COMPLETIONS);
      assert.deepStrictEqual(labels(big, '由@第4321|'), ['第4321工作组']);
    });

    it('offers concrete deadlines computed from the meeting date', () => {
      const { text, position } = cursor('# 纪要\n时间：2024年3月13日\n\n会议决定，一是修路。时限：|');
      const items = service.completions(service.parse(text), position);
      const byLabel = new Map(items.map((c) => [c.label, (c.textEdit as TextEdit).newText]));
      assert.strictEqual(byLabel.get('this Friday (2024-03-15)'), '2024年3月15日前');
      assert.strictEqual(byLabel.get('end of month (2024-03-31)'), '2024年3月31日前');
      assert.strictEqual(byLabel.get('end of quarter (2024-03-31)'), '2024年3月31日前');
      assert.strictEqual(byLabel.get('end of year (2024-12-31)'), '2024年12月31日前');
      const en = cursor('# Minutes\nDate: 2024-03-13\n\n## Action items\n- [ ] Bo to call. Due: |');
      const enItems = service.completions(service.parse(en.text), en.position);
      assert.ok(enItems.some((c) => (c.textEdit as TextEdit).newText === '2024-03-15'));
    });
  });

  describe('document symbols', () => {
    for (const file of [
      'industrial-park-minutes.txt',
      'industrial-park.minutes',
      'board-meeting.minutes.md',
    ]) {
      it(`outline of examples/${file}`, () => {
        const doc = zh.parse(fs.readFileSync(repoPath('examples', file), 'utf8'));
        matchSnapshot(`core/outline/${file}.txt`, outline(zh.symbols(doc)));
      });
    }
  });

  describe('folding', () => {
    it('folds each section and the header', () => {
      const text =
        '# 纪要\n时间：2024年3月1日\n主持：县长\n\n一、会议认为，好。\n很好。\n\n二、会议决定\n（一）由县财政局负责，6月底前完成。\n';
      const ranges = service.folding(service.parse(text)).map((r) => [r.startLine, r.endLine]);
      assert.deepStrictEqual(ranges, [
        [1, 2],
        [4, 5],
        [7, 8],
      ]);
    });
  });

  describe('quick fixes', () => {
    const fixOnce = (
      s: MinutesService,
      text: string,
      rule: string,
      pick = 0,
    ): { before: Diagnostic[]; after: Diagnostic[]; text: string } => {
      const before = s.validate(s.parse(text));
      const d = before.find((x) => x.code === rule);
      assert.ok(d, `no ${rule} diagnostic in ${JSON.stringify(text)}`);
      const actions = s.codeActions(s.parse(text), 'file:///x.minutes', d.range, [d]);
      assert.ok(actions.length > pick, `no fix for ${rule}`);
      const fixed = apply(text, actions[pick].edit!.changes!['file:///x.minutes']);
      return { before, after: s.validate(s.parse(fixed)), text: fixed };
    };
    const header = '# 纪要\n时间：2024年3月13日\n主持：县长\n出席：县财政局\n\n';

    it('adds a deadline: the missing-deadline problem is gone', () => {
      const r = fixOnce(service, `${header}会议决定，一是由县财政局负责拨付资金。\n`, 'missing-deadline');
      assert.match(r.text, /由县财政局负责拨付资金（时限：2024年3月27日前）。/);
      assert.ok(!r.after.some((d) => d.code === 'missing-deadline'));
    });

    it('adds an owner label and asks the client to open completion after @', () => {
      const text = `${header}会议决定，一是修建道路，6月底前完成。\n`;
      const d = service.validate(service.parse(text)).find((x) => x.code === 'missing-owner')!;
      const [fix] = service.codeActions(service.parse(text), 'file:///x.minutes', d.range, [d]);
      const fixed = apply(text, fix.edit!.changes!['file:///x.minutes']);
      assert.match(fixed, /6月底前完成（责任单位：@）。/);
      assert.strictEqual(fix.command?.command, 'minutes.revealAndSuggest');
      const completed = fixed.replace('@）', '@县财政局）');
      assert.ok(!service.validate(service.parse(completed)).some((x) => x.code === 'missing-owner'));
    });

    it('adds an owner to an English entry in the style of the minutes', () => {
      const notes = '# Sync\n\nDate: 2024-03-12\n\n## Action items\n\n- Dana to book the room by Friday.\n';
      const toStyle = fixOnce(service, `${notes}- Send the draft by Friday.\n`, 'missing-owner');
      assert.match(toStyle.text, /^- @ to send the draft by Friday\.$/m);
      const labelled =
        '# Sync\n\nDate: 2024-03-12\n\n## Action items\n\n- Book the room. Owner: Dana. Due: 2024-03-15.\n';
      const labelStyle = fixOnce(service, `${labelled}- Send the draft by Friday.\n`, 'missing-owner');
      assert.match(labelStyle.text, /^- Send the draft by Friday\. \(Owner: @\)$/m);
      const named = toStyle.text.replace('- @ to', '- @Lee to');
      assert.ok(!service.validate(service.parse(named)).some((x) => x.code === 'missing-owner'));
    });

    it('replaces a placeholder year with the meeting year', () => {
      const r = fixOnce(service, `${header}会议决定，由县财政局负责，20XX年底前完成。\n`, 'placeholder');
      assert.match(r.text, /2024年底前完成/);
      assert.ok(!r.after.some((d) => d.code === 'placeholder'));
    });

    it('did-you-mean for an unknown unit', () => {
      const r = fixOnce(
        service,
        `${header}会议决定，责任单位：@县财政厅；时限：2024年6月30日。\n`,
        'unknown-unit',
      );
      assert.match(r.text, /@弥渡县财政局/);
      assert.ok(!r.after.some((d) => d.code === 'unknown-unit'));
    });

    it('renumbers a broken list, and renumbering twice changes nothing more', () => {
      const text = `${header}一、会议认为，好。\n\n二、会议决定，一是由县财政局负责，6月底前完成。二是由县水务局负责，6月底前完成。四是由县交通局负责，6月底前完成。五是由县住建局负责，6月底前完成。\n`;
      const r = fixOnce(service, text, 'numbering', 1);
      assert.match(r.text, /三是由县交通局负责/);
      assert.match(r.text, /四是由县住建局负责/);
      assert.ok(!r.after.some((d) => d.code === 'numbering'));
    });

    it('adds missing header fields under the title', () => {
      const r = fixOnce(service, '# 纪要\n\n会议决定，由县财政局负责，6月底前完成。\n', 'missing-header');
      assert.match(r.text, /^# 纪要\n时间：\n主持：\n出席：\n/);
    });
  });

  describe('units: hover, rename, references, mark done', () => {
    const text =
      '# 纪要\n时间：2024年3月13日\n主持：县长\n出席：@县财政局\n\n会议决定，一是由@县财政局牵头，2024年6月30日前完成。二是责任单位：@县水务局；时限：2024年3月1日。\n';
    it('hover on a unit shows the canonical name and open items', () => {
      const doc = service.parse(text);
      const line = text.split('\n')[5];
      const h = service.hover(doc, { line: 5, character: line.indexOf('县财政局') + 1 });
      const value = (h?.contents as { value: string }).value;
      assert.match(value, /\*\*弥渡县财政局\*\*/);
      assert.match(value, /Aliases: 县财政局/);
      assert.match(value, /Open items in these minutes: 1/);
    });
    it('hover on a deadline shows the date, weekday and days left', () => {
      const doc = service.parse(text);
      const line = text.split('\n')[5];
      const h = service.hover(doc, { line: 5, character: line.indexOf('2024年6月30日') + 2 });
      assert.match((h?.contents as { value: string }).value, /2024-06-30\*\* Sunday\n\n90 days left/);
    });
    it('rename changes every mention, references list them', () => {
      const docs = [{ uri: 'file:///a.minutes', doc: service.parse(text) }];
      const edit = service.renameUnit(docs, '县财政局', '弥渡县财政局');
      const renamed = apply(text, edit.changes!['file:///a.minutes']);
      assert.strictEqual(renamed.match(/弥渡县财政局/g)?.length, 2);
      assert.strictEqual(service.references(docs, '县水务局').length, 1);
    });
    it('mark done adds a status to an item and is undoable as one edit', () => {
      const doc = service.parse(text);
      const edits = service.markDone(doc, 5);
      assert.strictEqual(edits.length, 1);
      const done = apply(text, edits);
      assert.match(done, /完成（状态：已完成）。二是/);
      assert.strictEqual(service.parse(done).items[0].status, 'done');
      const box = '# x\n\n## Action items\n- [ ] Bo Chan to call by 2024-05-01.\n';
      assert.strictEqual(apply(box, service.markDone(service.parse(box), 3)), box.replace('[ ]', '[x]'));
    });
  });

  it('every example parses into the items the JSON contract describes', () => {
    for (const file of fs.readdirSync(repoPath('examples')).filter((f) => !f.endsWith('.yaml'))) {
      const doc = service.parse(fs.readFileSync(path.join(repoPath('examples'), file), 'utf8'));
      const record = service.items(doc, file);
      assert.ok(record.items.length > 0, file);
      for (const item of record.items) assert.ok(['decision', 'action', 'requirement'].includes(item.kind));
    }
  });
});
