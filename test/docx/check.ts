/**
 * `npm run test:docx`: the Word export checked with real programs. Exports the seed 纪要, the plain-text seed,
 * the English example and a long 纪要 with `minutes export`; unzips each .docx and checks page, margins, grid,
 * fonts, sizes and styles; converts it to PDF with LibreOffice (headless) and checks with `pdftotext` the lines
 * per page and characters per line on a full page; renders page 1 with `pdftoppm` into docs/images/.
 * Everything temporary lives in one directory that is removed at the end.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoPath } from '../util/paths';

const CLI = repoPath('dist', 'cli.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-docx-'));
const env = { ...process.env, TMPDIR: work, HOME: work };

function run(command: string, args: string[], cwd = work): string {
  return execFileSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exportDocx(source: string, name: string): string {
  const out = path.join(work, `${name}.docx`);
  run(process.execPath, [CLI, 'export', source, '--output', out]);
  return out;
}

function part(docx: string, name: string): string {
  return run('unzip', ['-p', docx, name]);
}

/** The value of `attribute` on the first `<tag …>` in `xml` (after `after`, when given). */
function attr(xml: string, tag: string, attribute: string, after = ''): string | undefined {
  const from = after ? xml.indexOf(after) : 0;
  assert.ok(from >= 0, `'${after}' not found`);
  const element = new RegExp(`<${tag}\\b[^>]*>`).exec(xml.slice(from));
  return element ? new RegExp(`${attribute}="([^"]*)"`).exec(element[0])?.[1] : undefined;
}

/** The `<w:style>` element with the given id. */
function style(styles: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(match, `style ${id} missing`);
  return match[0];
}

const mm = (twips: number) => (twips * 25.4) / 1440;

function checkGbPackage(docx: string): void {
  const document = part(docx, 'word/document.xml');
  const styles = part(docx, 'word/styles.xml');
  const settings = part(docx, 'word/settings.xml');
  // A4, 天头 37 mm, 订口 28 mm, text block 156 mm × 225 mm.
  assert.strictEqual(attr(document, 'w:pgSz', 'w:w'), '11906');
  assert.strictEqual(attr(document, 'w:pgSz', 'w:h'), '16838');
  const margin = (side: string) => Number(attr(document, 'w:pgMar', `w:${side}`));
  assert.ok(Math.abs(mm(margin('top')) - 37) < 0.1, `top margin ${mm(margin('top'))} mm`);
  assert.ok(Math.abs(mm(margin('left')) - 28) < 0.1, `left margin ${mm(margin('left'))} mm`);
  assert.ok(Math.abs(mm(11906 - margin('left') - margin('right')) - 156) < 0.1, 'text block width');
  assert.ok(Math.abs(mm(16838 - margin('top') - margin('bottom')) - 225) < 0.1, 'text block height');
  // 22 lines × 28 characters: the document grid.
  assert.strictEqual(attr(document, 'w:docGrid', 'w:type'), 'linesAndChars');
  const linePitch = Number(attr(document, 'w:docGrid', 'w:linePitch'));
  assert.strictEqual(Math.floor((16838 - margin('top') - margin('bottom')) / linePitch), 22);
  const pitchPt = 16 + Number(attr(document, 'w:docGrid', 'w:charSpace')) / 4096;
  assert.strictEqual(Math.floor(((11906 - margin('left') - margin('right')) / 20 + 0.01) / pitchPt), 28);
  // Body 3号 (16 pt) 仿宋, title 2号 (22 pt) 小标宋 centred, 一、 黑体, （一） 楷体, labels 黑体.
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  assert.strictEqual(attr(defaults, 'w:rFonts', 'w:eastAsia'), '仿宋_GB2312');
  assert.strictEqual(attr(defaults, 'w:sz', 'w:val'), '32');
  const title = style(styles, 'Title');
  assert.strictEqual(attr(title, 'w:rFonts', 'w:eastAsia'), '方正小标宋简体');
  assert.strictEqual(attr(title, 'w:sz', 'w:val'), '44');
  assert.strictEqual(attr(title, 'w:jc', 'w:val'), 'center');
  assert.strictEqual(attr(style(styles, 'Heading1'), 'w:rFonts', 'w:eastAsia'), '黑体');
  assert.strictEqual(attr(style(styles, 'Heading2'), 'w:rFonts', 'w:eastAsia'), '楷体_GB2312');
  assert.strictEqual(attr(style(styles, 'AttendanceLabel'), 'w:rFonts', 'w:eastAsia'), '黑体');
  assert.strictEqual(
    attr(style(styles, 'Normal'), 'w:ind', 'w:firstLine'),
    String(2 * Math.floor(8844 / 28)),
  );
  // Page numbers: 4号 (14 pt) `— N —`, odd pages right, even pages left.
  assert.ok(settings.includes('<w:evenAndOddHeaders/>'), 'even and odd footers');
  const footers = ['word/footer1.xml', 'word/footer2.xml'].map((name) => part(docx, name));
  const sides = footers.map((xml) => attr(xml, 'w:jc', 'w:val')).sort();
  assert.deepStrictEqual(sides, ['left', 'right']);
  for (const footer of footers) {
    assert.match(footer, /— <\/w:t>[\s\S]*PAGE[\s\S]* —<\/w:t>/);
    assert.strictEqual(attr(style(styles, 'PageNumber'), 'w:sz', 'w:val'), '28');
  }
}

function checkBusinessPackage(docx: string): void {
  const document = part(docx, 'word/document.xml');
  assert.strictEqual(attr(document, 'w:pgSz', 'w:w'), '11906');
  assert.strictEqual((document.match(/<w:tbl>/g) ?? []).length, 2, 'a header table and an action table');
  for (const header of ['No.', 'Action', 'Owner', 'Due', 'Status'])
    assert.ok(document.includes(`>${header}<`));
  assert.ok(document.includes('>1. Discussion<'), 'numbered sections');
  const styles = part(docx, 'word/styles.xml');
  assert.strictEqual(attr(styles, 'w:rFonts', 'w:ascii', '<w:docDefaults>'), 'Calibri');
}

function toPdf(docx: string): string {
  run('soffice', [
    `-env:UserInstallation=file://${path.join(work, 'libreoffice')}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    docx,
  ]);
  const pdf = docx.replace(/\.docx$/, '.pdf');
  assert.ok(fs.existsSync(pdf), `LibreOffice did not write ${pdf}`);
  return pdf;
}

/** The pages of a PDF as `pdftotext -layout` sees them: the non-blank lines of each. */
function pages(pdf: string): string[][] {
  return run('pdftotext', ['-layout', pdf, '-'])
    .split('\f')
    .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
    .filter((page) => page.length > 0);
}

/** Width of a line in characters of the grid: CJK characters and full-width marks 1, others ½. */
function width(line: string): number {
  let total = 0;
  for (const c of line.replace(/\s/g, '')) total += c.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return total;
}

const PAGE_NUMBER = /^\s*— ?\d+ ?—\s*$/;
/** Closing marks LibreOffice may hang past the last character of a line (行尾点号). */
const HANGING = /[，。、；：！？”’）》]$/;

interface PageMeasure {
  lines: number;
  /** Characters per line of the lines that run the full width. */
  charsPerLine: number[];
}

/** The body lines of a page (without its page number) and the characters of each full line. */
function measure(page: string[]): PageMeasure {
  assert.match(page[page.length - 1], PAGE_NUMBER, 'the page ends with its page number');
  const body = page.slice(0, -1);
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const left = Math.min(...body.map(indentOf));
  const charsPerLine: number[] = [];
  body.forEach((line, i) => {
    const next = body[i + 1];
    // A full line: the paragraph goes on in the next line, which starts at the left edge.
    if (next === undefined || indentOf(next) !== left || indentOf(line) !== left) return;
    const text = line.trim().replace(/\s/g, '');
    charsPerLine.push(width(HANGING.test(text) && width(text) > 28 ? text.slice(0, -1) : text));
  });
  return { lines: body.length, charsPerLine };
}

function render(pdf: string, image: string): void {
  const prefix = path.join(work, 'page');
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  fs.copyFileSync(`${prefix}.png`, repoPath('docs', 'images', image));
}

function main(): void {
  try {
    const seed = exportDocx(repoPath('examples', 'industrial-park.minutes'), 'industrial-park');
    const seedText = exportDocx(repoPath('examples', 'industrial-park-minutes.txt'), 'industrial-park-text');
    const english = exportDocx(repoPath('examples', 'board-meeting.minutes.md'), 'board-meeting');
    const long = exportDocx(repoPath('test', 'fixtures', 'docx', 'long-gb.minutes'), 'long-gb');
    for (const docx of [seed, seedText, long]) checkGbPackage(docx);
    checkBusinessPackage(english);
    console.log('docx: packages checked (page, margins, grid, fonts, sizes, styles, page numbers)');

    const measures: Record<string, PageMeasure[]> = {};
    for (const docx of [seed, seedText, long]) {
      const name = path.basename(docx, '.docx');
      const all = pages(toPdf(docx));
      assert.ok(all.length > 0, `${name}: no pages`);
      measures[name] = all.map(measure);
      for (const [i, page] of measures[name].entries()) {
        assert.ok(page.lines <= 22, `${name} page ${i + 1}: ${page.lines} lines, more than 22`);
        for (const chars of page.charsPerLine)
          assert.ok(chars <= 28, `${name} page ${i + 1}: a line of ${chars}`);
      }
    }
    // A full page: page 2 of the long 纪要 is body text from top to bottom.
    const full = measures['long-gb'][1];
    assert.strictEqual(full.lines, 22, 'lines on a full page');
    const exact = full.charsPerLine.filter((n) => n === 28).length;
    assert.ok(
      exact >= full.charsPerLine.length * 0.8,
      `28 characters on ${exact} of ${full.charsPerLine.length} lines`,
    );
    for (const [name, list] of Object.entries(measures)) {
      const lines = list.map((p) => p.lines).join(', ');
      const chars = list.flatMap((p) => p.charsPerLine);
      console.log(
        `docx: ${name}: ${list.length} page(s); lines per page ${lines}; characters per full line ` +
          `${Math.min(...chars)}–${Math.max(...chars)} (${chars.filter((n) => n === 28).length} of ${chars.length} at 28)`,
      );
    }

    const englishPages = pages(toPdf(english));
    assert.ok(
      englishPages[0].some((line) => line.includes('Riverside Community Centre')),
      'English title',
    );
    render(seed.replace(/\.docx$/, '.pdf'), 'docx-page-gb.png');
    render(english.replace(/\.docx$/, '.pdf'), 'docx-page-business.png');
    console.log('docx: page 1 rendered to docs/images/docx-page-gb.png and docx-page-business.png');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
