/** How the ledger tab's filters keep and order rows (server/src/core/ledger/filter.ts). */
import * as assert from 'assert';
import { filterLedger, ledgerOptions, NO_FILTER } from '../../server/src/core/ledger/filter';
import type { UriLedgerRow } from '../../server/src/protocol';

function row(
  id: string,
  lead: string,
  due: string | null,
  status: UriLedgerRow['status'],
  overdue = false,
): UriLedgerRow {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return {
    id,
    pinned: false,
    file: id.slice(0, 10) + '.minutes',
    uri: `file:///w/${id.slice(0, 10)}.minutes`,
    title: '例会纪要',
    meetingDate: id.slice(0, 10),
    language: 'zh-CN',
    text: id,
    lead: [lead],
    support: lead === '县住建局' ? ['县财政局'] : [],
    deadline: due ? { text: due, date: due } : null,
    status,
    completedOn: null,
    progress: null,
    overdue,
    range,
    origin: null,
    carriedTo: null,
    mentions: [],
  };
}

const rows = [
  row('2024-03-15-1', '县住建局', '2024-04-30', 'done'),
  row('2024-03-15-2', '县水务局', '2024-04-15', 'open', true),
  row('2024-04-12-1', '县交通局', null, 'in-progress'),
  row('2024-04-12-2', '县住建局', '2024-06-30', 'in-progress'),
  row('2024-04-12-3', '县交通局', '2024-05-10', 'in-progress', true),
];

describe('ledger tab: filters and order', () => {
  it('puts overdue rows first, then by deadline, undated last', () => {
    assert.deepStrictEqual(
      filterLedger(rows, NO_FILTER).rows.map((r) => r.id),
      ['2024-03-15-2', '2024-04-12-3', '2024-03-15-1', '2024-04-12-2', '2024-04-12-1'],
    );
  });

  it('filters by unit (lead or supporting), status, overdue, period and meeting', () => {
    const ids = (f: Partial<typeof NO_FILTER>) =>
      filterLedger(rows, { ...NO_FILTER, ...f }).rows.map((r) => r.id);
    assert.deepStrictEqual(ids({ unit: '县财政局' }), ['2024-03-15-1', '2024-04-12-2']);
    assert.deepStrictEqual(ids({ status: 'in-progress' }), ['2024-04-12-3', '2024-04-12-2', '2024-04-12-1']);
    assert.deepStrictEqual(ids({ status: 'overdue' }), ['2024-03-15-2', '2024-04-12-3']);
    assert.deepStrictEqual(ids({ from: '2024-04-20', to: '2024-05-31' }), ['2024-04-12-3', '2024-03-15-1']);
    assert.deepStrictEqual(ids({ meeting: '2024-04-12.minutes', status: 'in-progress', unit: '县交通局' }), [
      '2024-04-12-3',
      '2024-04-12-1',
    ]);
  });

  it('counts what is shown per unit, with the completion rate', () => {
    const units = filterLedger(rows, NO_FILTER).units;
    const housing = units.find((u) => u.unit === '县住建局');
    assert.deepStrictEqual(
      housing && [housing.total, housing.done, housing.inProgress, housing.completionRate],
      [2, 1, 1, 0.5],
    );
  });

  it('offers every unit and meeting once', () => {
    const options = ledgerOptions(rows);
    assert.deepStrictEqual(
      options.units,
      [...new Set(['县住建局', '县水务局', '县交通局', '县财政局'])].sort((a, b) => a.localeCompare(b)),
    );
    assert.deepStrictEqual(
      options.meetings.map((m) => m.file),
      ['2024-03-15.minutes', '2024-04-12.minutes'],
    );
  });
});
