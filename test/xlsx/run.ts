/**
 * The ledger workbook in a real spreadsheet program. `minutes ledger --format xlsx` writes the workbook of the
 * fixture meetings (test/fixtures/ledger, Chinese and English); LibreOffice Calc, headless, opens it and
 * converts every sheet to CSV, and each cell must read as the ledger's own table gives it. Then Calc renders
 * the Chinese sheet to PDF and pdftoppm to PNG: the README's picture (docs/images/ledger-sheet.png).
 * Run by `npm run test:xlsx`, which installs LibreOffice and poppler-utils when missing.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { UnitSummary } from '../../server/src/core';
import { readCsv } from '../util/csv';
import { repoPath } from '../util/paths';

const CLI = repoPath('dist', 'cli.js');
const TODAY = '2024-06-01';

function run(command: string, args: string[], cwd?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000, cwd });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr}`,
    );
  }
  return result.stdout;
}

interface LedgerJson {
  units: UnitSummary[];
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-xlsx-'));
  // A profile of its own, so a LibreOffice already running elsewhere does not take the conversion.
  const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
  let cells = 0;
  try {
    for (const [folder, sheets] of [
      ['zh', ['督办台账', '完成情况汇总']],
      ['en', ['Follow-up ledger', 'Summary by owner']],
    ] as const) {
      const minutes = repoPath('test', 'fixtures', 'ledger', folder);
      const workbook = path.join(dir, `${folder}.xlsx`);
      run(process.execPath, [CLI, 'ledger', '--today', TODAY, '--format', 'xlsx', '-o', workbook, minutes]);
      const table = readCsv(
        run(process.execPath, [CLI, 'ledger', '--today', TODAY, '--format', 'csv', minutes]),
      );
      const json = JSON.parse(
        run(process.execPath, [CLI, 'ledger', '--today', TODAY, '--format', 'json', minutes]),
      ) as LedgerJson;
      const summary = json.units.map((u) => [
        u.unit,
        ...[u.total, u.done, u.inProgress, u.open, u.overdue, u.cancelled].map(String),
        u.completionRate === null ? '' : `${Math.round(u.completionRate * 100)}%`,
      ]);

      // Every sheet, as shown (the rate as a percentage), UTF-8, comma-separated.
      const csv = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
      run('soffice', [profile, '--headless', '--convert-to', csv, '--outdir', dir, workbook]);
      const sheet = (name: string): string[][] =>
        readCsv(fs.readFileSync(path.join(dir, `${folder}-${name}.csv`), 'utf8'));

      const items = sheet(sheets[0]);
      assert.deepStrictEqual(
        items,
        table.map((row) => row.slice(0, -1)),
        `${folder}: the item sheet as LibreOffice reads it`,
      );
      const totals = sheet(sheets[1]);
      assert.deepStrictEqual(
        totals.slice(1),
        summary,
        `${folder}: the summary sheet as LibreOffice reads it`,
      );
      cells += items.flat().length + totals.flat().length;
    }

    // The picture: the Chinese workbook's first page, as LibreOffice prints it.
    run('soffice', [
      profile,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      path.join(dir, 'zh.xlsx'),
    ]);
    // 180 dpi, cropped to the table: the page is A4 landscape; the 11 rows sit in its top 350 px.
    const crop = ['-x', '100', '-y', '110', '-W', '1900', '-H', '240'];
    const pdf = path.join(dir, 'zh.pdf');
    run('pdftoppm', ['-png', '-r', '180', ...crop, '-singlefile', pdf, path.join(dir, 'sheet')]);
    fs.copyFileSync(path.join(dir, 'sheet.png'), repoPath('docs', 'images', 'ledger-sheet.png'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `xlsx: LibreOffice read all ${cells} cells of 4 sheets as written; docs/images/ledger-sheet.png rendered`,
  );
}

main();
