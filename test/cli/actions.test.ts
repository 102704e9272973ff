import * as assert from 'assert';
import type { DocumentRecord } from '../../server/src/core/api';
import { itemText } from '../../server/src/core/export';
import { readCsv } from '../util/csv';
import { matchSnapshot } from '../util/snapshot';
import { fixture, runCli, useTempDirs } from './helpers';

const HEADER = 'file,title,meeting_date,section,kind,text,owners,deadline,deadline_date,status,line';

describe('minutes actions', function () {
  const temp = useTempDirs();
  let dir: string;
  let documents: DocumentRecord[];

  before(function () {
    dir = temp.make({
      'weekly.minutes': fixture('weekly.minutes'),
      'sub/park.minutes': fixture('park.minutes'),
      'minutes-units.yaml': fixture('minutes-units.yaml'),
    });
    const result = runCli(['actions'], dir);
    assert.strictEqual(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { version: number; documents: DocumentRecord[] };
    assert.deepStrictEqual(Object.keys(json), ['version', 'documents']);
    assert.strictEqual(json.version, 1);
    documents = json.documents;
  });

  it('writes JSON: { version: 1, documents } with paths relative to the current directory', function () {
    assert.deepStrictEqual(
      documents.map((d) => d.file),
      ['sub/park.minutes', 'weekly.minutes'],
    );
    for (const doc of documents) {
      assert.deepStrictEqual(Object.keys(doc), ['file', 'language', 'title', 'meeting', 'items']);
      assert.ok(doc.items.length > 0);
    }
    matchSnapshot('cli/actions.json', runCli(['actions', '--format', 'json'], dir).stdout);
  });

  it('writes CSV with a byte order mark, a header row and one quoted-as-needed row per item', function () {
    // A value a spreadsheet would take for a formula is written as text, after an apostrophe.
    const asCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    const result = runCli(['actions', '--format', 'csv'], dir);
    assert.strictEqual(result.status, 0);
    assert.ok(result.stdout.startsWith('\ufeff' + HEADER + '\r\n'));
    const rows = readCsv(result.stdout.slice(1));
    const items = documents.flatMap((doc) => doc.items.map((item) => ({ doc, item })));
    assert.strictEqual(rows.length, 1 + items.length);
    rows.slice(1).forEach((row, i) => {
      const { doc, item } = items[i];
      assert.strictEqual(row.length, 11);
      assert.deepStrictEqual(
        [row[0], row[4], row[5], row[9], row[10]],
        [doc.file, item.kind, itemText(item.text), item.status, String(item.range.start.line + 1)].map(
          asCell,
        ),
      );
      assert.strictEqual(
        row[6],
        asCell(item.owners.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)).join('; ')),
      );
      assert.strictEqual(row[8], item.deadline?.date ?? '');
    });
    assert.ok(
      rows.some((row) => /["|,]/.test(row[5])),
      'the fixtures hold item text that needs quoting',
    );
    matchSnapshot('cli/actions.csv', result.stdout);
  });

  it('adds an overdue column with --today', function () {
    const result = runCli(['actions', '--format', 'csv', '--today', '2024-05-20', 'weekly.minutes'], dir);
    const rows = readCsv(result.stdout.slice(1));
    assert.strictEqual(rows[0].join(','), `${HEADER},overdue`);
    const weekly = documents.find((d) => d.file === 'weekly.minutes') as DocumentRecord;
    const expected = weekly.items.map((item) =>
      String(
        item.status === 'open' &&
          item.deadline?.date !== undefined &&
          item.deadline.date !== null &&
          item.deadline.date < '2024-05-20',
      ),
    );
    assert.deepStrictEqual(
      rows.slice(1).map((row) => row[11]),
      expected,
    );
    assert.ok(expected.includes('true') && expected.includes('false'));
  });

  it("writes Markdown tables headed in each document's language, escaping pipes", function () {
    const md = runCli(['actions', '--format', 'markdown', '--today', '2024-05-20', '--locale', 'en'], dir);
    assert.strictEqual(md.status, 0);
    assert.match(md.stdout, /^\| Item \| Owner \| Deadline \| Status \| Overdue \|$/m);
    assert.match(md.stdout, /^\| 事项 \| 责任单位 \| 完成时限 \| 状态 \| 逾期 \|$/m);
    assert.match(md.stdout, /prices \\\| terms/);
    matchSnapshot('cli/actions.md', md.stdout);
    // The user's language does not change the tables.
    const zh = runCli(['actions', '--format', 'markdown', '--today', '2024-05-20', '--locale', 'zh-CN'], dir);
    assert.strictEqual(zh.stdout, md.stdout);
    // Every table row has as many cells as its header.
    for (const line of md.stdout.split('\n').filter((l) => l.startsWith('|'))) {
      assert.strictEqual(line.replace(/\\\|/g, '').split('|').length, 7, line);
    }
  });

  it('reports files it cannot read and lists the others, with status 2', function () {
    const result = runCli(['actions', 'missing.minutes', 'weekly.minutes'], dir);
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stderr, "minutes: cannot read 'missing.minutes': no such file\n");
    const json = JSON.parse(result.stdout) as { documents: DocumentRecord[] };
    assert.deepStrictEqual(
      json.documents.map((d) => d.file),
      ['weekly.minutes'],
    );
  });

  it('rejects a bad --format', function () {
    const result = runCli(['actions', '--format', 'xlsx'], dir);
    assert.deepStrictEqual(
      [result.status, result.stdout, result.stderr],
      [2, '', "minutes: --format must be one of json, csv, markdown (got 'xlsx')\n"],
    );
  });
});
