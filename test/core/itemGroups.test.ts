/** How the decisions & actions view groups the workspace's items (core/features/itemGroups.ts). */
import * as assert from 'assert';
import fc from 'fast-check';
import {
  daysBetween,
  endOfWeek,
  groupItems,
  groupRefs,
  groupsOf,
  overdueItems,
  regroupDocument,
  type GroupBy,
  type GroupedDocument,
  type ItemRef,
} from '../../server/src/core/features/itemGroups';
import type { ItemRecord } from '../../server/src/core/api';

function item(
  text: string,
  line: number,
  owners: string[],
  date: string | null,
  status: 'open' | 'done' = 'open',
): ItemRecord {
  return {
    kind: 'action',
    section: null,
    text,
    range: { start: { line, character: 0 }, end: { line, character: text.length } },
    owners: owners.map((name) => ({ name, role: null, vague: false, unit: null })),
    deadline: date ? { text: date, date } : null,
    vagueDeadline: null,
    status,
    resolution: false,
  };
}

function doc(file: string, items: ItemRecord[]): GroupedDocument {
  return { file, uri: `file:///ws/${file}`, items };
}

// 2024-04-17 is a Wednesday: its week ends on Sunday 2024-04-21.
const today = '2024-04-17';
const documents = [
  doc('b.minutes', [
    item('late, two owners', 3, ['县财政局', '县发改局'], '2024-04-10'),
    item('due Sunday', 5, ['县财政局'], '2024-04-21'),
    item('done long ago', 7, ['县发改局'], '2024-01-01', 'done'),
  ]),
  doc('a.minutes', [
    item('no owner, later', 2, [], '2024-05-01'),
    item('very late', 4, ['县工信局'], '2024-03-01'),
  ]),
  doc('c.minutes', []),
  doc('d.minutes', [item('no deadline', 1, ['县工信局'], null)]),
];

function shape(groups: ReturnType<typeof groupItems>): [string, string[]][] {
  return groups.map((g) => [g.title, g.items.map((r) => r.item.text)]);
}

describe('items view grouping', () => {
  it('computes day counts and week ends', () => {
    assert.strictEqual(daysBetween('2024-04-10', '2024-04-17'), 7);
    assert.strictEqual(daysBetween('2024-03-30', '2024-04-02'), 3, 'across a month and a clock change');
    assert.strictEqual(endOfWeek('2024-04-17'), '2024-04-21');
    assert.strictEqual(endOfWeek('2024-04-21'), '2024-04-21', 'a Sunday ends its own week');
    assert.strictEqual(endOfWeek('2024-04-22'), '2024-04-28');
  });

  it('groups by unit in pinyin order: an item under each of its owners, those without under Unassigned, last', () => {
    assert.deepStrictEqual(shape(groupItems(documents, 'unit', today)), [
      ['县财政局', ['late, two owners', 'due Sunday']],
      ['县发改局', ['late, two owners', 'done long ago']],
      ['县工信局', ['very late', 'no deadline']],
      ['Unassigned', ['no owner, later']],
    ]);
  });

  it('groups open items by deadline: overdue first by date, then this week, later, none', () => {
    assert.deepStrictEqual(shape(groupItems(documents, 'deadline', today)), [
      ['Overdue', ['very late', 'late, two owners']],
      ['This week', ['due Sunday']],
      ['Later', ['no owner, later']],
      ['No deadline', ['no deadline']],
    ]);
  });

  it('groups by document in file order, leaving out documents without items', () => {
    assert.deepStrictEqual(
      groupItems(documents, 'document', today).map((g) => [g.title, g.items.length]),
      [
        ['a.minutes', 2],
        ['b.minutes', 3],
        ['d.minutes', 1],
      ],
    );
  });

  it('lists overdue items, oldest deadline first, never done ones', () => {
    assert.deepStrictEqual(
      overdueItems(documents, today).map((r) => [r.uri, r.item.text]),
      [
        ['file:///ws/a.minutes', 'very late'],
        ['file:///ws/b.minutes', 'late, two owners'],
      ],
    );
    assert.deepStrictEqual(overdueItems(documents, '2024-01-01'), []);
  });

  it('names the groups an item is listed in, as the grouping places it', () => {
    for (const by of ['unit', 'deadline', 'document'] as const) {
      const groups = groupItems(documents, by, today);
      for (const d of documents) {
        for (const i of d.items) {
          const expected = groups
            .filter((g) => g.items.some((r) => r.item === i))
            .map((g) => `${g.kind}:${g.title}`);
          const named = groupsOf(i, d.file, by, today).map((g) => `${g.kind}:${g.title}`);
          assert.deepStrictEqual(named.sort(), expected.sort(), `${by}: ${i.text}`);
        }
      }
    }
  });

  describe('updated document by document', () => {
    const units = ['县财政局', '县发改局', '县工信局', '县教育局', 'Finance'];
    const dates = ['2024-03-01', '2024-04-16', '2024-04-17', '2024-04-20', '2024-05-01', null];
    const anItem = fc
      .record({
        line: fc.nat(30),
        owners: fc.subarray(units, { maxLength: 3 }),
        date: fc.constantFrom(...dates),
        done: fc.boolean(),
        text: fc.constantFrom('a', 'b', 'c'),
      })
      .map((r) => item(r.text, r.line, r.owners, r.date, r.done ? 'done' : 'open'));
    // Each step gives one of six documents new items (none: the document is gone).
    const step = fc.record({
      file: fc.constantFrom('a.minutes', 'b.minutes', 'c.minutes', 'd.minutes', 'e.minutes', 'f.minutes'),
      items: fc.option(fc.array(anItem, { maxLength: 6 }), { nil: undefined }),
    });

    it('equals a full regrouping after every change, each way', () => {
      fc.assert(
        fc.property(fc.constantFrom<GroupBy>('unit', 'deadline', 'document'), fc.array(step), (by, steps) => {
          const documents = new Map<string, ItemRef[]>();
          const groups = groupRefs([], by, today);
          for (const { file, items } of steps) {
            const before = documents.get(file) ?? [];
            const after = (items ?? []).map((i) => ({ uri: `file:///ws/${file}`, file, item: i }));
            if (items) documents.set(file, after);
            else documents.delete(file);
            regroupDocument(groups, before, after, by, today);
            assert.deepStrictEqual(groups, groupRefs([...documents.values()], by, today));
          }
        }),
        { seed: 20240417, numRuns: 300 },
      );
    });
  });
});
