import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoPath } from '../util/paths';
import { runCli, useTempDirs } from './helpers';

const SEED = fs.readFileSync(repoPath('examples', 'industrial-park.minutes'), 'utf8');

describe('minutes export', () => {
  const temp = useTempDirs();

  it('writes a .docx file and prints nothing', () => {
    const dir = temp.make({ 'seed.minutes': SEED });
    const result = runCli(['export', 'seed.minutes', '--output', 'seed.docx'], dir);
    assert.deepStrictEqual([result.status, result.stdout, result.stderr], [0, '', '']);
    const bytes = fs.readFileSync(path.join(dir, 'seed.docx'));
    assert.deepStrictEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.deepStrictEqual(
      fs.readdirSync(dir).sort(),
      ['seed.docx', 'seed.minutes'],
      'no temporary file left',
    );
  });

  it('refuses to replace an existing file unless --force, and leaves it as it was', () => {
    const dir = temp.make({ 'seed.minutes': SEED, 'out.docx': 'keep me' });
    const refused = runCli(['export', 'seed.minutes', '-o', 'out.docx'], dir);
    assert.strictEqual(refused.status, 2);
    assert.strictEqual(refused.stderr, "minutes: 'out.docx' already exists; use --force to replace it\n");
    assert.strictEqual(fs.readFileSync(path.join(dir, 'out.docx'), 'utf8'), 'keep me');
    const forced = runCli(['export', 'seed.minutes', '-o', 'out.docx', '--force'], dir);
    assert.strictEqual(forced.status, 0);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'out.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('prints HTML to standard output with --format html', () => {
    const dir = temp.make({ 'seed.minutes': SEED });
    const result = runCli(['export', 'seed.minutes', '--format', 'html'], dir);
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(
      result.stdout,
      /<h1 data-line="0" data-line-end="0" class="title">弥渡县工业园区建设专题会议纪要<\/h1>/,
    );
  });

  for (const [args, message] of [
    [
      ['export', 'seed.minutes'],
      "minutes: --format docx needs --output FILE.docx; see 'minutes export --help'\n",
    ],
    [['export', '-o', 'x.docx'], "minutes: no file given; see 'minutes export --help'\n"],
    [
      ['export', 'seed.minutes', 'seed.minutes', '-o', 'x.docx'],
      "minutes: one file at a time; see 'minutes export --help'\n",
    ],
    [['export', 'missing.minutes', '-o', 'x.docx'], "minutes: cannot read 'missing.minutes': no such file\n"],
    [
      ['export', 'seed.minutes', '--format', 'pdf', '-o', 'x.pdf'],
      "minutes: --format must be one of docx, html (got 'pdf')\n",
    ],
    [
      ['export', 'seed.minutes', '-o', 'no/such/dir/x.docx'],
      "minutes: cannot write 'no/such/dir/x.docx': no such file\n",
    ],
  ] as const) {
    it(`exits 2 and writes nothing: ${args.slice(1).join(' ')}`, () => {
      const dir = temp.make({ 'seed.minutes': SEED });
      const result = runCli([...args], dir);
      assert.deepStrictEqual([result.status, result.stdout, result.stderr], [2, '', message]);
      assert.deepStrictEqual(fs.readdirSync(dir), ['seed.minutes']);
    });
  }

  it('exports one file at a time, also from a directory', () => {
    const dir = temp.make({ 'a/one.minutes': SEED, 'a/two.minutes': SEED });
    const result = runCli(['export', 'a', '-o', 'x.docx'], dir);
    assert.deepStrictEqual(
      [result.status, result.stderr],
      [2, "minutes: 'a' holds 2 minutes files; export one file at a time\n"],
    );
    assert.ok(!fs.existsSync(path.join(dir, 'x.docx')));
  });

  it('has help', () => {
    const result = runCli(['export', '--help'], temp.make());
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^Usage: minutes export FILE --output OUT\.docx/);
  });
});
