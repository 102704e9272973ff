import * as assert from 'assert';
import type { DocumentRecord, ItemRecord } from '../../server/src/core/api';
import { LineIndex } from '../../server/src/core/text';
import {
  LabelError,
  labelMeetingDates,
  parseLabel,
  regressions,
  scoreDocument,
  toBaseline,
  totals,
  type Label,
  type LabelItem,
} from '../../scripts/eval/score';

function labelItem(quote: string, extra: Partial<LabelItem> = {}): LabelItem {
  return {
    quote,
    kind: 'action',
    owner: null,
    owner_vague: false,
    deadline: null,
    deadline_iso: null,
    ...extra,
  };
}

function label(items: LabelItem[], header: Partial<Label['header']> = {}): Label {
  return { file: 't.txt', language: 'en', header: { date: null, chair: null, ...header }, items };
}

/** A reported item spanning `text[start, end)`, the way the CLI gives it (LSP positions). */
function item(text: string, start: number, end: number, extra: Partial<ItemRecord> = {}): ItemRecord {
  const lines = new LineIndex(text);
  return {
    kind: 'action',
    section: null,
    text: text.slice(start, end),
    range: { start: lines.positionAt(start), end: lines.positionAt(end) },
    owners: [],
    deadline: null,
    vagueDeadline: null,
    status: 'open',
    resolution: false,
    ...extra,
  };
}

/** The item spanning the first occurrence of `part` in `text`. */
function itemOn(text: string, part: string, extra: Partial<ItemRecord> = {}): ItemRecord {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `fixture lacks ${part}`);
  return item(text, start, start + part.length, extra);
}

function record(items: ItemRecord[], meeting: Partial<DocumentRecord['meeting']> = {}): DocumentRecord {
  return {
    file: 't.txt',
    language: 'en',
    title: null,
    meeting: { date: null, place: null, chair: null, attendees: [], recorder: null, ...meeting },
    items,
  };
}

const owner = (name: string, vague = false): ItemRecord['owners'][number] => ({
  name,
  role: null,
  vague,
  unit: null,
});

describe('eval scoring', () => {
  describe('found and one-to-one', () => {
    const text = 'Notes\nThe board agreed to move the meetup. Kim to book a hall.\nOther chat\n';
    const two = label([labelItem('The board agreed to move'), labelItem('Kim to book a hall')]);

    it('finds every label whose quote start a reported item covers', () => {
      const score = scoreDocument(text, two, record([itemOn(text, 'The board agreed to move the meetup.')]));
      assert.deepStrictEqual(score.figures.recall, { n: 1, d: 2 });
      assert.strictEqual(score.misses[0].quote, 'Kim to book a hall');
    });

    it('counts one item covering two labels for one label only', () => {
      const line = 'The board agreed to move the meetup. Kim to book a hall.';
      const score = scoreDocument(text, two, record([itemOn(text, line)]));
      assert.deepStrictEqual(score.figures.recall, { n: 2, d: 2 });
      assert.deepStrictEqual(score.figures.oneToOne, { n: 1, d: 2 });
    });

    it('finds a label when an item starts within its first 16 characters, not later', () => {
      const quote = 'Decision: the venue moves to the library';
      const doc = `${quote}.\n`;
      const at = (offset: number): ItemRecord => item(doc, offset, doc.length - 1);
      assert.deepStrictEqual(scoreDocument(doc, label([labelItem(quote)]), record([at(15)])).figures.recall, {
        n: 1,
        d: 1,
      });
      assert.deepStrictEqual(scoreDocument(doc, label([labelItem(quote)]), record([at(16)])).figures.recall, {
        n: 0,
        d: 1,
      });
    });

    it('gives a label the item starting within its lead before an item covering it', () => {
      const doc = 'Budget review. Sam to count the votes. Lee to file the report.\n';
      const both = label([labelItem('Sam to count the votes.'), labelItem('Lee to file the report.')]);
      const covering = item(doc, 0, doc.length - 1);
      const own = itemOn(doc, 'Sam to count the votes.');
      const score = scoreDocument(doc, both, record([covering, own]));
      assert.deepStrictEqual(score.figures.oneToOne, { n: 2, d: 2 });
    });

    it('looks for each quote after the previous one, so a repeated quote is found twice', () => {
      const doc = 'Topic A\n- Lee to follow up\nTopic B\n- Lee to follow up\n';
      const twice = label([labelItem('- Lee to follow up'), labelItem('- Lee to follow up')]);
      const second = item(doc, doc.lastIndexOf('- Lee'), doc.length - 1);
      const score = scoreDocument(doc, twice, record([second]));
      assert.deepStrictEqual(score.figures.recall, { n: 1, d: 2 });
      assert.strictEqual(score.misses[0].line, 2);
      assert.deepStrictEqual(score.figures.precision, { n: 1, d: 1 });
    });

    it('reports a quote it cannot find as a label error and leaves it out', () => {
      const score = scoreDocument(text, label([labelItem('Nowhere in the text')]), record([]));
      assert.strictEqual(score.figures.recall.d, 0);
      assert.match(score.labelErrors[0], /quote not found.*Nowhere in the text/);
    });

    it('counts UTF-16 characters, as the reported LSP positions do', () => {
      const doc = '前言\n😀 会议要求，财务科要在月底前完成对账。\n';
      const quote = '会议要求，财务科要在月底前完成对账';
      const lead = doc.indexOf('财务科');
      const score = scoreDocument(doc, label([labelItem(quote)]), record([item(doc, lead, doc.length - 1)]));
      assert.deepStrictEqual(score.figures.recall, { n: 1, d: 1 });
    });
  });

  describe('precision', () => {
    const text = 'Ana to draft the plan. Extra remark here.\nSigned: the clerk\n';
    const one = label([labelItem('Ana to draft the plan.')]);

    it('does not count an item on a line holding a labelled quote as spurious', () => {
      const score = scoreDocument(text, one, record([itemOn(text, 'Extra remark here.')]));
      assert.deepStrictEqual(score.figures.precision, { n: 1, d: 1 });
      assert.deepStrictEqual(score.spurious, []);
    });

    it('counts an item matching no label on a line without a quote as spurious', () => {
      const score = scoreDocument(
        text,
        one,
        record([itemOn(text, 'Ana to draft the plan.'), itemOn(text, 'Signed: the clerk')]),
      );
      assert.deepStrictEqual(score.figures.precision, { n: 1, d: 2 });
      assert.deepStrictEqual(score.spurious, [{ line: 2, text: 'Signed: the clerk' }]);
    });
  });

  describe('owner, deadline and date', () => {
    const text =
      'A. Pat to mail the invites by Friday.\nB. Everyone to read the draft soon.\nC. Send the slides.\n';
    const quotes = ['A. Pat to mail', 'B. Everyone to read', 'C. Send the slides'];
    const labels = label([
      labelItem(quotes[0], { owner: 'Pat', deadline: 'by Friday', deadline_iso: '2024-03-08' }),
      labelItem(quotes[1], { owner: 'Everyone', owner_vague: true }),
      labelItem(quotes[2]),
    ]);
    const line = (i: number): string => text.split('\n')[i];

    it('compares owners as none, vague and named', () => {
      const right = record([
        itemOn(text, line(0), { owners: [owner('Pat')] }),
        itemOn(text, line(1), { owners: [owner('Everyone', true), owner('all', true)] }),
        itemOn(text, line(2)),
      ]);
      assert.deepStrictEqual(scoreDocument(text, labels, right).figures.owner, { n: 3, d: 3 });
      const wrong = record([
        itemOn(text, line(0), { owners: [owner('Pat', true)] }),
        itemOn(text, line(1), { owners: [owner('Everyone', true), owner('Dana')] }),
        itemOn(text, line(2), { owners: [owner('the team', true)] }),
      ]);
      const score = scoreDocument(text, labels, wrong);
      assert.deepStrictEqual(score.figures.owner, { n: 0, d: 3 });
      assert.deepStrictEqual(
        score.mismatches.filter((m) => m.figure === 'owner').map((m) => [m.figure, m.expected, m.reported]),
        [
          ['owner', 'Pat', 'Pat (vague)'],
          ['owner', 'Everyone (vague)', 'Everyone (vague)、Dana'],
          ['owner', 'none', 'the team (vague)'],
        ],
      );
    });

    it('compares having a deadline, a vague word counting as none', () => {
      const friday = { text: 'by Friday', date: '2024-03-08' };
      const right = record([
        itemOn(text, line(0), { deadline: friday }),
        itemOn(text, line(1), { vagueDeadline: 'soon' }),
        itemOn(text, line(2)),
      ]);
      const score = scoreDocument(text, labels, right);
      assert.deepStrictEqual(score.figures.deadline, { n: 3, d: 3 });
      assert.deepStrictEqual(score.figures.date, { n: 1, d: 1 });
      const wrong = record([
        itemOn(text, line(0)),
        itemOn(text, line(1)),
        itemOn(text, line(2), { deadline: friday }),
      ]);
      assert.deepStrictEqual(scoreDocument(text, labels, wrong).figures.deadline, { n: 1, d: 3 });
    });

    it('compares the resolved date only where the label has one', () => {
      const wrongDay = { text: 'by Friday', date: '2024-03-01' };
      const score = scoreDocument(text, labels, record([itemOn(text, line(0), { deadline: wrongDay })]));
      assert.deepStrictEqual(score.figures.date, { n: 0, d: 1 });
      assert.deepStrictEqual(score.figures.deadline, { n: 1, d: 1 });
      assert.strictEqual(score.mismatches.find((m) => m.figure === 'date')?.reported, '2024-03-01');
    });
  });

  describe('header', () => {
    it('reads the label date in its written forms', () => {
      assert.deepStrictEqual(labelMeetingDates('2021年8月13日下午'), ['2021-08-13']);
      assert.deepStrictEqual(labelMeetingDates('二〇二一年八月十三日'), ['2021-08-13']);
      assert.deepStrictEqual(labelMeetingDates('2025 年 9 月 6 日下午'), ['2025-09-06']);
      assert.deepStrictEqual(labelMeetingDates('Friday November 20th, 2020'), ['2020-11-20']);
      assert.deepStrictEqual(labelMeetingDates('2018-05-01T09:00:00Z'), ['2018-05-01']);
      assert.deepStrictEqual(labelMeetingDates('3月5日上午'), ['03-05']);
      assert.deepStrictEqual(labelMeetingDates('5.19'), ['05-19']);
      assert.deepStrictEqual(labelMeetingDates('09/08/24'), ['2024-09-08', '2024-08-09']);
      assert.deepStrictEqual(labelMeetingDates('25/08/24'), ['2024-08-25']);
      assert.deepStrictEqual(labelMeetingDates('某日'), []);
    });

    it('compares the meeting date, by month and day when the label gives no year', () => {
      const score = (date: string, reported: string | null): number =>
        scoreDocument('x\n', label([], { date }), record([], { date: reported })).figures.meetingDate.n;
      assert.strictEqual(score('2021年8月13日', '2021-08-13'), 1);
      assert.strictEqual(score('2021年8月13日', '2020-08-13'), 0);
      assert.strictEqual(score('8月13日下午', '2020-08-13'), 1);
      assert.strictEqual(score('8月13日下午', null), 0);
    });

    it('leaves out a header date it cannot read, and a null one', () => {
      const unread = scoreDocument('x\n', label([], { date: '某日' }), record([]));
      assert.strictEqual(unread.figures.meetingDate.d, 0);
      assert.match(unread.labelErrors[0], /header date/);
      assert.strictEqual(scoreDocument('x\n', label([]), record([])).figures.meetingDate.d, 0);
    });

    it('finds the chair when one name holds the other, spaces aside', () => {
      const chair = (labelled: string, reported: string | null): number =>
        scoreDocument('x\n', label([], { chair: labelled }), record([], { chair: reported })).figures.chair.n;
      assert.strictEqual(chair('王 明、李华', '王明'), 1);
      assert.strictEqual(chair('Kim', 'Chair: Kim Lee'), 1);
      assert.strictEqual(chair('Kim', 'Lee'), 0);
      assert.strictEqual(chair('Kim', null), 0);
    });
  });

  describe('labels and totals', () => {
    it('rejects a malformed label with the file and the fault', () => {
      assert.throws(() => parseLabel([], 'a.json'), LabelError);
      const good = { file: 'a.txt', language: 'zh', header: { date: null, chair: null }, items: [] };
      assert.strictEqual(parseLabel(good, 'a.json').language, 'zh');
      const bad = { ...good, items: [{ quote: 'x', kind: 'action', owner: 3, owner_vague: false }] };
      assert.throws(() => parseLabel(bad, 'a.json'), /a\.json: items\[0\]\.owner/);
    });

    it('sums counts over documents per language and reports a figure that dropped', () => {
      const doc = 'Kim to book a hall.\n';
      const zh = { ...label([labelItem('Kim to book')]), language: 'zh' as const };
      const found = scoreDocument(doc, zh, record([itemOn(doc, 'Kim to book a hall.')]));
      const missed = scoreDocument(doc, label([labelItem('Kim to book')]), record([]));
      const t = totals([found, missed]);
      assert.deepStrictEqual(
        [t.all.recall, t.zh.recall, t.en.recall],
        [
          { n: 1, d: 2 },
          { n: 1, d: 1 },
          { n: 0, d: 1 },
        ],
      );
      const before = toBaseline(t);
      assert.deepStrictEqual(regressions(before, before), []);
      const after = toBaseline(totals([missed]));
      const dropped = regressions(before, after);
      assert.ok(dropped.includes('all.recall 0.0000 < 0.5000'), dropped.join('; '));
      assert.ok(dropped.includes('zh.recall n/a < 1.0000'), dropped.join('; '));
    });
  });
});
