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
