import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ICAL from 'ical.js';
import {
  buildLedger,
  createMinutesService,
  formatLedgerIcs,
  type LedgerDocument,
  type LedgerRow,
} from '../../server/src/core';
import { foldIcsLine, icsText } from '../../server/src/core/ledger/export';
import { isFollowUpHeading, itemText, statusReport } from '../../server/src/core/ledger/extract';
import { FOLLOW_UP_HEADINGS } from '../../server/src/core/reader/lexicon';
import {
  CARRY_OVER_MARKERS,
  FIELD_LABELS,
  PROGRESS_LABELS,
  STATUS_LABEL_WORDS,
  STATUS_WORDS,
} from '../../server/src/core/ledger/vocabulary';
import { listFiles } from '../util/fixtures';
import { repoPath } from '../util/paths';

const service = createMinutesService();
const ledgerOf = (text: string, file = 'a.minutes'): LedgerDocument =>
  service.ledgerDocument(service.parse(text), file);

function workspace(folder: string): LedgerDocument[] {
  const dir = repoPath('test', 'fixtures', 'ledger', folder);
  return listFiles(dir).map((file) => ledgerOf(fs.readFileSync(file, 'utf8'), path.basename(file)));
}

const MEETING = `# 例会纪要

时间：2024年3月15日
主持：王主任

## 会议决定

1. 编制排水方案。责任单位：县水务局；时限：2024年4月15日。
2. 修订停车办法。责任单位：县交通局；配合单位：县财政局；时限：2024年5月31日。
   状态：进行中
   进展：初稿已完成。
3. 拨付整治资金。责任单位：县财政局；时限：2024年3月31日。
`;

describe('ledger: vocabulary (each entry)', () => {
  for (const [word, status] of STATUS_WORDS) {
    it(`status word “${word}” gives ${status}`, () => {
      const label = /[a-z]/i.test(word) ? 'Status' : '状态';
      assert.strictEqual(statusReport(`${label}: ${word}`, '2024-03-01', false).status, status);
    });
  }
  for (const label of STATUS_LABEL_WORDS) {
    it(`status label “${label}” introduces a status`, () => {
      assert.strictEqual(statusReport(`${label}：已完成`, null, false).status, 'done');
    });
  }
  for (const label of PROGRESS_LABELS) {
    it(`progress label “${label}” introduces progress`, () => {
      assert.strictEqual(statusReport(`${label}：三处已开工`, null, false).progress, '三处已开工');
    });
  }
  for (const heading of FOLLOW_UP_HEADINGS) {
    it(`“${heading}” opens a follow-up section`, () => {
      assert.ok(isFollowUpHeading(`一、${heading}`));
      assert.ok(isFollowUpHeading(heading.toUpperCase()));
    });
  }
  it('other headings do not', () => {
    for (const heading of ['会议决定', 'Action items', '会议议定事项'])
      assert.ok(!isFollowUpHeading(heading));
  });
  for (const marker of CARRY_OVER_MARKERS) {
    it(`“${marker}” links a task to its origin`, () => {
      const next = ledgerOf(
        `# 纪要\n\n时间：2024年4月1日\n\n## 会议决定\n\n1. 编制排水方案（${marker}，2024-03-15-1），责任单位：县水务局；时限：2024年5月10日。\n`,
        'b.minutes',
      );
      assert.strictEqual(next.items[0].origin?.id, '2024-03-15-1');
    });
  }
  for (const label of FIELD_LABELS) {
    it(`field label “${label}” ends the item's own words`, () => {
      assert.strictEqual(itemText(`1. 编制排水方案。${label}：县水务局`), '编制排水方案');
    });
  }
});

describe('ledger: one document', () => {
  it('derives ids from the meeting date and the items’ numbers', () => {
    assert.deepStrictEqual(
      ledgerOf(MEETING).items.map((i) => i.id),
      ['2024-03-15-1', '2024-03-15-2', '2024-03-15-3'],
    );
  });

  it('keeps an id when the item’s words or its neighbours change', () => {
    const edited = MEETING.replace('编制排水方案', '编制城区排水管网改造方案').replace(
      '修订停车办法',
      '修订县城停车收费办法',
    );
    const before = ledgerOf(MEETING).items.map((i) => [i.id, i.lead[0]]);
    const after = ledgerOf(edited).items.map((i) => [i.id, i.lead[0]]);
    assert.deepStrictEqual(after, before);
  });

  it('takes an id pinned by {#…} or <!-- id: … -->', () => {
    const pinned = MEETING.replace('2024年4月15日。', '2024年4月15日。 {#drainage}').replace(
      '2024年3月31日。',
      '2024年3月31日。<!-- id: 2024-03-15-funds -->',
    );
    const items = ledgerOf(pinned).items;
    assert.deepStrictEqual(
      items.map((i) => [i.id, i.pinned]),
      [
        ['drainage', true],
        ['2024-03-15-2', false],
        ['2024-03-15-funds', true],
      ],
    );
    assert.strictEqual(items[0].text, '编制排水方案');
  });

  it('numbers items in order when they carry no numbers, from the file name when undated', () => {
    const doc = ledgerOf(
      '# Minutes\n\n## Action items\n\n- [ ] Ann to book the hall. Due: 2024-05-01\n- [ ] Bo to print the flyers. Due: 2024-05-02\n',
      'notes/board.minutes.md',
    );
    assert.deepStrictEqual(
      doc.items.map((i) => i.id),
      ['board-1', 'board-2'],
    );
  });

  it('reads status, progress and the completion date under an item', () => {
    const text = MEETING.replace(
      '3. 拨付整治资金。责任单位：县财政局；时限：2024年3月31日。',
      '3. 拨付整治资金。责任单位：县财政局；时限：2024年3月31日。\n   状态：已完成（3月28日）\n   落实情况：资金已拨付到位。',
    );
    const items = ledgerOf(text).items;
    assert.deepStrictEqual(
      items.map((i) => [i.status, i.completedOn, i.progress]),
      [
        [null, null, null],
        ['in-progress', null, '初稿已完成。'],
        ['done', '2024-03-28', '资金已拨付到位。'],
      ],
    );
    assert.deepStrictEqual(items[1].support, ['县财政局']);
  });

  it('reads English status lines: Status: done 2024-03-28, Progress: …', () => {
    const doc = ledgerOf(
      '# Minutes\n\nDate: 4 March 2024\n\n## Action items\n\n- [ ] Ann to book the hall. Due: 2024-03-20\n  Status: done 2024-03-18\n  Progress: booked for the 30th.\n- [ ] Bo to print the flyers. Due: 2024-03-22\n  Status: cancelled\n',
    );
    assert.deepStrictEqual(
      doc.items.map((i) => [i.id, i.text, i.status, i.completedOn, i.progress]),
      [
        ['2024-03-04-1', 'Ann to book the hall', 'done', '2024-03-18', 'booked for the 30th.'],
        ['2024-03-04-2', 'Bo to print the flyers', 'cancelled', null, null],
      ],
    );
    assert.strictEqual(doc.language, 'en');
  });
});

describe('ledger: three meetings (test/fixtures/ledger)', () => {
  const row = (rows: LedgerRow[], id: string): LedgerRow => {
    const found = rows.find((r) => r.id === id);
    assert.ok(found, `no row ${id}`);
    return found;
  };

  it('takes the latest status across the Chinese meetings and links re-assigned tasks', () => {
    const { rows, dangling, units } = buildLedger(workspace('zh'), '2024-06-01');
    const status = Object.fromEntries(rows.map((r) => [r.id, [r.status, r.completedOn, r.overdue]]));
    assert.deepStrictEqual(status, {
      '2024-03-15-1': ['done', '2024-04-10', false],
      '2024-03-15-2': ['carried-over', null, false],
      '2024-03-15-3': ['done', '2024-05-15', false],
      '2024-03-15-4': ['open', null, true],
      '2024-03-15-gas': ['done', '2024-04-18', false],
      '2024-04-12-1': ['done', '2024-05-08', false],
      '2024-04-12-2': ['in-progress', null, false],
      '2024-04-12-3': ['cancelled', null, false],
      '2024-04-12-4': ['in-progress', null, true],
      '2024-05-17-1': ['open', null, false],
    });
    assert.strictEqual(row(rows, '2024-03-15-2').carriedTo, '2024-04-12-1');
    assert.strictEqual(row(rows, '2024-04-12-1').origin, '2024-03-15-2');
    assert.deepStrictEqual(
      row(rows, '2024-03-15-3').mentions.map((m) => [m.file, m.status]),
      [['2024-05-17.minutes', 'done']],
    );
    assert.deepStrictEqual(
      dangling.map((d) => [d.file, d.ref.id ?? d.ref.quote]),
      [
        ['2024-04-12.minutes', '2024-03-15-9'],
        ['2024-05-17.minutes', '城区绿化提升方案'],
      ],
    );
    const transport = units.find((u) => u.unit === '县交通局');
    assert.deepStrictEqual(
      transport && [transport.total, transport.done, transport.inProgress, transport.overdue],
      [3, 1, 2, 1],
    );
  });

  it('does the same for the English meetings, by id, by quote and by a pinned id', () => {
    const { rows, dangling } = buildLedger(workspace('en'), '2024-06-01');
    assert.deepStrictEqual(
      rows.map((r) => [r.id, r.status, r.overdue]),
      [
        ['2024-03-04-1', 'done', false],
        ['2024-03-04-2', 'done', false],
        ['2024-03-04-3', 'carried-over', false],
        ['2024-03-04-4', 'done', false],
        ['2024-04-08-1', 'done', false],
        ['shelving', 'in-progress', true],
        ['2024-05-13-1', 'open', false],
      ],
    );
    assert.strictEqual(row(rows, 'shelving').origin, '2024-03-04-3');
    assert.strictEqual(row(rows, 'shelving').progress, 'half the bays replaced.');
    assert.deepStrictEqual(
      dangling.map((d) => [d.ref.id, d.suggestions.length > 0]),
      [['2024-03-04-7', true]],
    );
  });

  it('matches a quote only among earlier meetings, the latest first', () => {
    const first = ledgerOf(MEETING, '1.minutes');
    const second = ledgerOf(MEETING.replace('2024年3月15日', '2024年4月15日'), '2.minutes');
    const third = ledgerOf(
      '# 例会纪要\n\n时间：2024年5月15日\n\n## 一、上次会议议定事项落实情况\n\n1. “编制排水方案”：状态：已完成（5月2日）。\n',
      '3.minutes',
    );
    const { rows } = buildLedger([third, first, second], null);
    assert.deepStrictEqual(
      rows.filter((r) => r.text === '编制排水方案').map((r) => [r.id, r.status]),
      [
        ['2024-03-15-1', 'open'],
        ['2024-04-15-1', 'done'],
      ],
    );
  });
});

describe('ledger: iCalendar', () => {
  it('escapes TEXT and folds lines at 75 octets without splitting a character', () => {
    assert.strictEqual(icsText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'县'.repeat(40)}`;
    const folded = foldIcsLine(long);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    assert.strictEqual(folded.replace(/\r\n /g, ''), long);
  });

  it('parses with an iCalendar parser: one event per open item with a deadline, UIDs from item ids', () => {
    const text = formatLedgerIcs(buildLedger(workspace('zh'), '2024-06-01'), '2024-06-01');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.deepStrictEqual(
      events.map((e) => [e.uid, e.startDate.toString(), e.summary]),
      [
        ['2024-03-15-4@structured-minutes', '2024-03-31', '拨付背街小巷整治资金（县财政局）'],
        ['2024-04-12-2@structured-minutes', '2024-06-30', '启动智慧停车平台建设（县交通局、县财政局）'],
        ['2024-04-12-4@structured-minutes', '2024-05-10', '完成公交站台改造（县交通局）'],
        ['2024-05-17-1@structured-minutes', '2024-09-30', '推进老旧小区改造二期工程（县住建局、县财政局）'],
      ],
    );
    assert.match(events[1].description, /完成需求调研/);
    assert.strictEqual(formatLedgerIcs(buildLedger(workspace('zh'), '2024-06-01'), '2024-06-01'), text);
  });
});
