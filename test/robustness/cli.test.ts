/**
 * The `minutes` command on bad input that test/cli does not cover: pipes and dangling links met in a
 * directory search, a directory named like a minutes file, a path through a file, empty files. Each problem
 * is one line on stderr, the status is 2, and the other files are still checked; nothing hangs.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, useTempDirs, type CliResult } from '../cli/helpers';

const NO_OWNER = '# 纪要\n时间：2024年3月1日\n主持：张三\n出席：县财政局\n\n会议决定，6月底前做好工作。\n';

/** Runs the command with a time limit: a hang fails the test instead of stalling the run. */
function runWithin(args: string[], cwd: string, ms = 10000): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: ms });
  assert.ok(!result.error, `minutes ${args.join(' ')}: ${result.error?.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files a JSON check report covers. */
function checkedFiles(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file);
}

describe('robustness: the minutes command on bad input', function () {
  this.timeout(30000);
  const temp = useTempDirs();

  it('skips a pipe met in a directory search without reading it, and reports a dangling link', () => {
    const dir = temp.make({ 'good.minutes': NO_OWNER });
    execFileSync('mkfifo', [path.join(dir, 'pipe.minutes')]);
    fs.symlinkSync(path.join(dir, 'gone.minutes'), path.join(dir, 'dangling.minutes'));
    const result = runWithin(['check', '--format', 'json', '.'], dir);
    assert.strictEqual(result.stderr, "minutes: cannot read 'dangling.minutes': no such file\n");
    assert.strictEqual(result.status, 2);
    assert.deepStrictEqual(checkedFiles(result.stdout), ['good.minutes']);
  });

  it('reports a directory named like a minutes file that holds none, and a path through a file', () => {
    const dir = temp.make({ 'good.minutes': NO_OWNER, 'empty.minutes/readme.txt': 'x', 'plain.txt': 'x' });
    const result = runWithin(
      ['check', '--format', 'json', 'empty.minutes', 'plain.txt/a.minutes', 'good.minutes'],
      dir,
    );
    const lines = result.stderr.split('\n').filter(Boolean);
    assert.strictEqual(lines[0], "minutes: no minutes files (*.minutes, *.minutes.md) in 'empty.minutes'");
    assert.match(lines[1], /^minutes: cannot read 'plain\.txt\/a\.minutes': /);
    assert.strictEqual(lines.length, 2);
    assert.strictEqual(result.status, 2);
    assert.deepStrictEqual(checkedFiles(result.stdout), ['good.minutes']);
  });

  it('checks empty files, files holding only a byte order mark or only line breaks, without complaint', () => {
    const dir = temp.make({ 'empty.minutes': '', 'bom.minutes': '\uFEFF', 'breaks.minutes': '\r\n\r\n\n\r' });
    const result = runWithin(['check', '--format', 'json', '.'], dir);
    assert.deepStrictEqual([result.status, result.stderr], [0, '']);
    assert.deepStrictEqual(checkedFiles(result.stdout).sort(), [
      'bom.minutes',
      'breaks.minutes',
      'empty.minutes',
    ]);
  });

  it('checks a file of replacement characters, control characters, zero-width spaces and combining marks', () => {
    const text = `# 纪要\n会议决定，\u0301\u0308做好\u0007工作\uFFFD。\n@\u200B县财政局\n`;
    const dir = temp.make({ 'odd.minutes': text });
    const result = runWithin(['check', '--format', 'json', 'odd.minutes'], dir);
    assert.strictEqual(result.stderr, '');
    assert.deepStrictEqual(checkedFiles(result.stdout), ['odd.minutes']);
  });

  it('still checks the other files when one of them is too much for the checker', () => {
    const huge = `# Minutes\n\n## Action items\n- ${'A/B '.repeat(1000000)}\n`;
    const dir = temp.make({ 'good.minutes': NO_OWNER, 'huge.minutes': huge });
    const result = runWithin(['check', '--format', 'json', 'huge.minutes', 'good.minutes'], dir, 60000);
    assert.ok(result.stderr.split('\n').filter(Boolean).length <= 1, result.stderr);
    assert.ok(result.stdout.trim().length > 0, `no report at all: ${result.stderr.split('\n')[0]}`);
    assert.ok(checkedFiles(result.stdout).includes('good.minutes'), 'good.minutes is checked');
  });
});

describe('robustness: the minutes command on hostile and huge input', function () {
  this.timeout(60000);
  const temp = useTempDirs();

  it('does not follow a symbolic link out of the directory it searches', () => {
    const outside = temp.make({ 'elsewhere.minutes': NO_OWNER });
    const dir = temp.make({ 'good.minutes': NO_OWNER, 'inner/ok.minutes': NO_OWNER });
    fs.symlinkSync('/', path.join(dir, 'root'));
    fs.symlinkSync(outside, path.join(dir, 'out'));
    fs.symlinkSync(path.join(outside, 'elsewhere.minutes'), path.join(dir, 'linked.minutes'));
    fs.symlinkSync(path.join(dir, 'inner'), path.join(dir, 'again'));
    const result = runWithin(['check', '--format', 'json', '.'], dir);
    assert.deepStrictEqual([result.status, result.stderr], [0, '']);
    assert.deepStrictEqual(checkedFiles(result.stdout), ['again/ok.minutes', 'good.minutes']);
  });

  it('prints control characters in file names and messages as escapes, with or without colour', () => {
    const dir = temp.make({
      'a\x1bc\x07.minutes': `# T\n\n会议决定，请@县\x1b]0;pwned\x07财政局 做好工作。\n`,
    });
    for (const args of [['check'], ['check', '--no-color']]) {
      const result = runWithin(args, dir);
      // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(result.stdout), JSON.stringify(result.stdout));
      assert.ok(result.stdout.includes('a\\x1bc\\x07.minutes'), result.stdout);
    }
  });

  it('says one line and exits 2 when the output cannot be written (a full disk)', () => {
    const dir = temp.make({ 'good.minutes': NO_OWNER });
    const full = fs.openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [CLI, 'actions', 'good.minutes'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
        timeout: 10000,
      });
      assert.strictEqual(result.status, 2);
      assert.strictEqual(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
      assert.match(result.stderr, /^minutes: cannot write the output: .*no space left/i);
    } finally {
      fs.closeSync(full);
    }
  });

  it('checks 130,000 items in one file and reports them (no stack overflow)', () => {
    const dir = temp.make({ 'many.minutes': `# T\n\n${'- [ ] Send it.\n'.repeat(130000)}` });
    const result = runWithin(['check', 'many.minutes'], dir, 60000);
    assert.strictEqual(result.stderr, '');
    assert.match(result.stdout, /✖ \d+ problems/);
  });

  it('lists at most 1000 problems per file and says how many more there are', () => {
    const dir = temp.make({ 'cap.minutes': `# T\n\n${'20XX年XX月'.repeat(3000)}\n` });
    const json = JSON.parse(runWithin(['check', '--format', 'json', 'cap.minutes'], dir).stdout) as {
      files: { diagnostics: { rule: string; message: string }[] }[];
    };
    const diagnostics = json.files[0].diagnostics;
    assert.strictEqual(diagnostics.length, 1001);
    assert.strictEqual(diagnostics[0].rule, 'too-many-problems');
    assert.match(diagnostics[0].message, /^\d+ more problems are not shown: at most 1000/);
    const text = runWithin(['check', '--locale', 'zh-CN', 'cap.minutes'], dir).stdout;
    assert.match(text, /另有 \d+ 个问题未列出：每个文档最多列出 1000 个。/);
  });

  it('refuses a glob with more than three * in one segment at once, instead of backtracking for hours', () => {
    const dir = temp.make({ [`${'a'.repeat(60)}.minutes`]: NO_OWNER, 'notes/b.minutes': NO_OWNER });
    const refused = runWithin(['check', '*a*a*a*a*a*a*a*a*b.minutes'], dir, 5000);
    assert.strictEqual(refused.status, 2);
    assert.match(refused.stderr, /^minutes: pattern '\*a\*a.*' has more than 3 '\*' in one path segment/);
    const allowed = runWithin(['check', '--format', 'json', '**/*b*.*s'], dir, 5000);
    assert.deepStrictEqual(checkedFiles(allowed.stdout), ['notes/b.minutes']);
  });
});
