import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { repoPath } from '../util/paths';
import { matchSnapshot } from '../util/snapshot';
import { runCli, useTempDirs } from './helpers';

const ledgerDir = repoPath('test', 'fixtures', 'ledger');
const TODAY = ['--today', '2024-06-01'];

describe('minutes ledger', () => {
  const temp = useTempDirs();

  for (const folder of ['zh', 'en']) {
    it(`gives the ledger of the ${folder} meetings as Markdown (golden file)`, () => {
      const result = runCli(['ledger', ...TODAY, folder], ledgerDir);
      assert.strictEqual(result.stderr, '');
      assert.strictEqual(result.status, 0);
      matchSnapshot(`cli/ledger/${folder}.md`, result.stdout);
    });

    it(`reports not-followed-up and dangling references across the ${folder} meetings (golden file)`, () => {
      const result = runCli(['check', ...TODAY, '--no-color', folder], ledgerDir);
      assert.strictEqual(result.status, 0);
      matchSnapshot(`cli/ledger/${folder}-check.txt`, result.stdout);
    });
  }

  it('gives JSON with statuses, links and mentions (golden file)', () => {
    const result = runCli(['ledger', ...TODAY, '--format', 'json', 'zh'], ledgerDir);
    assert.strictEqual(result.status, 0);
    const json = JSON.parse(result.stdout) as {
      version: number;
      items: { id: string; origin: string | null }[];
    };
    assert.strictEqual(json.version, 1);
    assert.strictEqual(json.items.find((i) => i.id === '2024-04-12-1')?.origin, '2024-03-15-2');
    matchSnapshot('cli/ledger/zh.json', result.stdout);
  });

  it('gives CSV through the command’s CSV writer, with English headings for English minutes', () => {
    const result = runCli(['ledger', ...TODAY, '--format', 'csv', 'en'], ledgerDir);
    assert.strictEqual(result.status, 0);
    assert.ok(
      result.stdout.startsWith('\ufeffNo.,Meeting,Item,Owner,Supporting,Due,Status,Progress,ID,Overdue\r\n'),
    );
    matchSnapshot('cli/ledger/en.csv', result.stdout);
  });

  it('writes a text format to --output instead of standard output', () => {
    const dir = temp.make();
    const out = path.join(dir, 'ledger.md');
    const result = runCli(['ledger', ...TODAY, '--output', out, path.join(ledgerDir, 'en')], dir);
    assert.deepStrictEqual([result.status, result.stdout, result.stderr], [0, '', '']);
    assert.match(fs.readFileSync(out, 'utf8'), /^# Follow-up ledger/);
    const again = runCli(['ledger', ...TODAY, '--output', out, path.join(ledgerDir, 'zh')], dir);
    assert.deepStrictEqual(
      [again.status, again.stderr],
      [2, `minutes: '${out}' already exists; use --force to replace it\n`],
    );
    assert.match(fs.readFileSync(out, 'utf8'), /^# Follow-up ledger/, 'an existing file is left alone');
    const forced = runCli(['ledger', ...TODAY, '--force', '--output', out, path.join(ledgerDir, 'zh')], dir);
    assert.strictEqual(forced.status, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^# 督办台账/);
  });

  it('needs --output for xlsx and ics', () => {
    for (const format of ['xlsx', 'ics']) {
      const result = runCli(['ledger', '--format', format, 'zh'], ledgerDir);
      assert.strictEqual(result.status, 2);
      assert.strictEqual(
        result.stderr,
        `minutes: --format ${format} needs --output FILE; see 'minutes ledger --help'\n`,
      );
    }
  });

  it('writes the 督办台账 workbook: headings, frozen header, filter, fitted widths, overdue rows, summary sheet', async () => {
    const dir = temp.make();
    const file = path.join(dir, '台账.xlsx');
    const result = runCli(
      ['ledger', ...TODAY, '--format', 'xlsx', '-o', file, path.join(ledgerDir, 'zh')],
      dir,
    );
    assert.deepStrictEqual([result.status, result.stderr], [0, '']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const [items, summary] = book.worksheets;
    assert.strictEqual(items.name, '督办台账');
    assert.deepStrictEqual((items.getRow(1).values as unknown[]).slice(1), [
      '序号',
      '会议',
      '议定事项',
      '责任单位',
      '配合单位',
      '完成时限',
      '状态',
      '落实情况',
      '事项编号',
    ]);
    assert.strictEqual(items.rowCount, 11);
    const view = items.views[0] as ExcelJS.WorksheetViewFrozen;
    assert.deepStrictEqual([view.state, view.xSplit, view.ySplit, view.topLeftCell], ['frozen', 0, 1, 'A2']);
    assert.deepStrictEqual(items.autoFilter, 'A1:I1');
    const text = items.getColumn(3);
    assert.ok((text.width ?? 0) >= 30 && (text.width ?? 0) <= 60, `column width ${text.width}`);
    const overdue = [...Array(10).keys()].filter((i) => {
      const fill = items.getRow(i + 2).getCell(1).fill as ExcelJS.FillPattern | undefined;
      return fill?.fgColor?.argb === 'FFFFC7CE';
    });
    assert.deepStrictEqual(
      overdue.map((i) => items.getRow(i + 2).getCell(9).value),
      ['2024-03-15-4', '2024-04-12-4'],
    );
    assert.strictEqual(summary.name, '完成情况汇总');
    assert.deepStrictEqual((summary.getRow(2).values as unknown[]).slice(1), [
      '县住建局',
      3,
      2,
      0,
      1,
      0,
      0,
      2 / 3,
    ]);
    assert.strictEqual(summary.getRow(2).getCell(8).numFmt, '0%');
  });

  it('writes a calendar of open deadlines', () => {
    const dir = temp.make();
    const file = path.join(dir, 'deadlines.ics');
    const result = runCli(
      ['ledger', ...TODAY, '--format', 'ics', '--output', file, path.join(ledgerDir, 'en')],
      dir,
    );
    assert.strictEqual(result.status, 0);
    const text = fs.readFileSync(file, 'utf8');
    assert.deepStrictEqual(text.match(/^UID:[^\r]*/gm), [
      'UID:shelving@structured-minutes',
      'UID:2024-05-13-1@structured-minutes',
    ]);
    assert.ok(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
      'CRLF line ends',
    );
  });
});
