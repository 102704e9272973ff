import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { matchSnapshot } from '../util/snapshot';
import { fixture, runCli, runCliInTerminal, useTempDirs } from './helpers';
import type { CliResult } from './helpers';

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface CheckJson {
  version: number;
  files: { file: string; diagnostics: JsonDiagnostic[] }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/** Parses `check --format json` output and asserts the documented shape. */
function parseCheckJson(stdout: string): CheckJson {
  const json = JSON.parse(stdout) as CheckJson;
  assert.deepStrictEqual(Object.keys(json), ['version', 'files', 'errorCount', 'warningCount', 'infoCount']);
  assert.strictEqual(json.version, 1);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of json.files) {
    assert.deepStrictEqual(Object.keys(file), ['file', 'diagnostics']);
    assert.strictEqual(typeof file.file, 'string');
    for (const d of file.diagnostics) {
      assert.deepStrictEqual(Object.keys(d), ['rule', 'severity', 'message', 'range']);
      assert.match(d.rule, /^[a-z][a-z-]*$/);
      assert.ok(['error', 'warning', 'information'].includes(d.severity), d.severity);
      assert.ok(d.message.length > 0);
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(
          Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0,
        );
      }
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  }
  assert.deepStrictEqual([json.errorCount, json.warningCount, json.infoCount], [errors, warnings, infos]);
  return json;
}

function rulesIn(json: CheckJson): string[] {
  return json.files.flatMap((f) => f.diagnostics.map((d) => d.rule));
}

/** The snapshot text of a run: exit status, then standard output, then standard error. */
function transcript(result: CliResult): string {
  return `exit ${result.status}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
}

/** An action item with a deadline but no owner: the missing-owner rule reports it. */
const NO_OWNER =
  '# Sync\n\nDate: 2024-05-06\n\n## Action items\n\n- [ ] Update the safety checklist. Due: 2024-05-10.\n';

describe('minutes check', function () {
  const temp = useTempDirs();
  let ruleIds: string[];
  /** A config file setting every rule to `severity`. */
  const allRules = (severity: string): string =>
    JSON.stringify({ rules: Object.fromEntries(ruleIds.map((id) => [id, severity])) });

  before(function () {
    const rules = runCli(['rules', '--format', 'json'], process.cwd());
    ruleIds = (JSON.parse(rules.stdout) as { rules: { id: string }[] }).rules.map((r) => r.id);
    assert.ok(ruleIds.includes('missing-owner') && ruleIds.includes('overdue'));
  });

  describe('reports', function () {
    let dir: string;
    before(function () {
      dir = temp.make({
        'weekly.minutes': fixture('weekly.minutes'),
        'sub/park.minutes': fixture('park.minutes'),
        'minutes-units.yaml': fixture('minutes-units.yaml'),
      });
    });

    it('prints an ESLint-style text report', function () {
      const result = runCli(['check', '--today', '2024-05-20'], dir);
      matchSnapshot('cli/check-text.txt', transcript(result));
      assert.match(result.stdout, /^sub\/park\.minutes$/m);
      assert.match(result.stdout, /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?(, \d+ info)?\)$/m);
      // Every diagnostic line: two-space indent, line:col, severity, message, rule id.
      const rows = result.stdout.split('\n').filter((l) => l.startsWith('  '));
      assert.ok(rows.length > 0);
      for (const row of rows) assert.match(row, /^ {2}\d+:\d+ +(error|warning|info) {2,}\S.* {2,}[a-z-]+$/);
    });

    it('prints the JSON report in the documented shape', function () {
      const result = runCli(['check', '--format', 'json', '--today', '2024-05-20'], dir);
      const json = parseCheckJson(result.stdout);
      assert.deepStrictEqual(
        json.files.map((f) => f.file),
        ['sub/park.minutes', 'weekly.minutes'],
      );
      assert.strictEqual(result.status, json.errorCount > 0 ? 1 : 0);
      matchSnapshot('cli/check-json.json', result.stdout);
    });

    it('agrees between text and JSON: 1-based positions in text, 0-based in JSON', function () {
      const text = runCli(['check', 'weekly.minutes'], dir).stdout;
      const json = parseCheckJson(runCli(['check', '--format', 'json', 'weekly.minutes'], dir).stdout);
      const fromJson = json.files[0].diagnostics.map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.rule}`,
      );
      const fromText = text
        .split('\n')
        .filter((l) => l.startsWith('  '))
        .map((l) => {
          const fields = l.trim().split(/ {2,}/);
          return `${fields[0]} ${fields[fields.length - 1]}`;
        });
      assert.deepStrictEqual(fromText, fromJson);
    });

    it('speaks Chinese with --locale zh-CN or a zh locale in the environment', function () {
      const flag = runCli(['check', '--locale', 'zh-CN', '--today', '2024-05-20'], dir);
      matchSnapshot('cli/check-text.zh-CN.txt', transcript(flag));
      assert.match(flag.stdout, /^✖ \d+ 个问题（\d+ 个错误，\d+ 个警告(，\d+ 个提示)?）$/m);
      assert.match(flag.stdout, /[\u4e00-\u9fff]/);
      assert.strictEqual(
        runCli(['check', '--today', '2024-05-20'], dir, { LANG: 'zh_CN.UTF-8' }).stdout,
        flag.stdout,
      );
      // LC_ALL wins over LANG, and an explicit flag wins over both.
      const english = runCli(['check', '--today', '2024-05-20'], dir).stdout;
      assert.strictEqual(
        runCli(['check', '--today', '2024-05-20'], dir, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })
          .stdout,
        english,
      );
      assert.strictEqual(
        runCli(['check', '--locale', 'en', '--today', '2024-05-20'], dir, { LANG: 'zh_CN.UTF-8' }).stdout,
        english,
      );
      assert.notStrictEqual(english, flag.stdout);
    });
  });

  describe('exit status', function () {
    it('is 0 when there are only warnings', function () {
      const dir = temp.make({ 'a.minutes': NO_OWNER, '.minutesrc.json': allRules('warning') });
      const result = runCli(['check', '--format', 'json'], dir);
      const json = parseCheckJson(result.stdout);
      assert.ok(json.warningCount > 0);
      assert.strictEqual(json.errorCount, 0);
      assert.strictEqual(result.status, 0);
      assert.strictEqual(result.stderr, '');
    });

    it('is 0 with no output when the files are clean', function () {
      const dir = temp.make({ 'a.minutes': NO_OWNER, '.minutesrc.json': allRules('off') });
      const result = runCli(['check'], dir);
      assert.deepStrictEqual([result.status, result.stdout, result.stderr], [0, '', '']);
    });

    it('is 1 when a rule set to error in .minutesrc.json reports', function () {
      const dir = temp.make({
        'a.minutes': NO_OWNER,
        '.minutesrc.json': '{ "rules": { "missing-owner": "error" } }',
      });
      const result = runCli(['check'], dir);
      assert.strictEqual(result.status, 1);
      assert.match(result.stdout, /^ {2}7:\d+ +error +.+ {2}missing-owner$/m);
      assert.match(result.stdout, /✖ \d+ problems? \([1-9]\d* errors?/);
    });

    it('reads .minutesrc.yaml, and --config FILE instead of the discovered file', function () {
      const dir = temp.make({
        'a.minutes': NO_OWNER,
        '.minutesrc.yaml': 'rules:\n  missing-owner: error\n',
        'quiet.json': allRules('off'),
      });
      assert.strictEqual(runCli(['check'], dir).status, 1);
      assert.deepStrictEqual(runCli(['check', '--config', 'quiet.json'], dir).status, 0);
    });

    it('is 1 when warnings exceed --max-warnings', function () {
      const dir = temp.make({ 'a.minutes': NO_OWNER, '.minutesrc.json': allRules('warning') });
      const { warningCount } = parseCheckJson(runCli(['check', '--format', 'json'], dir).stdout);
      const over = runCli(['check', '--max-warnings', String(warningCount - 1)], dir);
      assert.strictEqual(over.status, 1);
      assert.strictEqual(
        over.stderr,
        `minutes: too many warnings (${warningCount}, maximum ${warningCount - 1})\n`,
      );
      assert.strictEqual(runCli(['check', '--max-warnings', String(warningCount)], dir).status, 0);
      assert.strictEqual(runCli(['check', '--max-warnings', '0'], dir).status, 1);
    });

    const usageErrors: [string, string[], string][] = [
      ['an unknown option', ['--fix'], "minutes: unknown option '--fix'; see 'minutes check --help'"],
      [
        'an option without its value',
        ['--format'],
        "minutes: option '--format' needs a value; see 'minutes check --help'",
      ],
      ['a bad --format', ['--format', 'xml'], "minutes: --format must be one of text, json (got 'xml')"],
      [
        'an impossible --today',
        ['--today', '2024-02-30'],
        "minutes: --today must be a date written YYYY-MM-DD (got '2024-02-30')",
      ],
      [
        'a --today that is no date',
        ['--today', 'tomorrow'],
        "minutes: --today must be a date written YYYY-MM-DD (got 'tomorrow')",
      ],
      [
        'a negative --max-warnings',
        ['--max-warnings', '-1'],
        "minutes: --max-warnings must be a whole number, 0 or more (got '-1')",
      ],
      [
        'a bad --max-warnings',
        ['--max-warnings', 'ten'],
        "minutes: --max-warnings must be a whole number, 0 or more (got 'ten')",
      ],
      ['a bad --locale', ['--locale', 'fr'], "minutes: --locale must be one of zh-CN, en (got 'fr')"],
      [
        'a value given to --no-color',
        ['--no-color=yes'],
        "minutes: option '--no-color' takes no value; see 'minutes check --help'",
      ],
    ];
    for (const [what, args, message] of usageErrors) {
      it(`is 2 for ${what}, with one line on stderr and nothing checked`, function () {
        const dir = temp.make({ 'a.minutes': NO_OWNER });
        const result = runCli(['check', 'a.minutes', ...args], dir);
        assert.deepStrictEqual([result.status, result.stdout, result.stderr], [2, '', `${message}\n`]);
      });
    }

    it('is 2 for an unknown command or none', function () {
      const dir = temp.make();
      const unknown = runCli(['chek'], dir);
      assert.deepStrictEqual(
        [unknown.status, unknown.stderr],
        [2, "minutes: unknown command 'chek'; see 'minutes --help'\n"],
      );
      const none = runCli([], dir);
      assert.strictEqual(none.status, 2);
      assert.match(none.stderr, /^Usage: minutes <command>/);
    });
  });

  describe('file problems', function () {
    /** Asserts status 2, exactly `messages` on stderr, and a report on `good.minutes`. */
    function assertReportedWithGood(result: CliResult, messages: string[]): void {
      assert.strictEqual(result.stderr, messages.map((m) => `${m}\n`).join(''));
      assert.strictEqual(result.status, 2);
      const json = parseCheckJson(result.stdout);
      assert.deepStrictEqual(
        json.files.map((f) => f.file),
        ['good.minutes'],
      );
      assert.ok(json.errorCount > 0, 'status 2 wins over status 1');
    }
    const good = { 'good.minutes': NO_OWNER, '.minutesrc.json': '{ "rules": { "missing-owner": "error" } }' };

    it('reports a missing file and still checks the others', function () {
      const dir = temp.make(good);
      const result = runCli(['check', '--format', 'json', 'missing.minutes', 'good.minutes'], dir);
      assertReportedWithGood(result, ["minutes: cannot read 'missing.minutes': no such file"]);
    });

    it('skips binary files and files in no encoding it reads', function () {
      const binary = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      // Neither UTF-8 nor GB18030 (0xff is no lead byte in either).
      const unknown = Buffer.from('ffffff20ffff41ff', 'hex');
      const dir = temp.make({ ...good, 'chart.minutes': binary, 'legacy.minutes': unknown });
      const result = runCli(
        ['check', '--format', 'json', 'chart.minutes', 'legacy.minutes', 'good.minutes'],
        dir,
      );
      assertReportedWithGood(result, [
        "minutes: skipped 'chart.minutes': binary file",
        "minutes: skipped 'legacy.minutes': not text in UTF-8, UTF-16 or GB18030/GBK (save it as UTF-8)",
      ]);
      const zh = runCli(['check', '--locale', 'zh-CN', 'legacy.minutes'], dir);
      assert.strictEqual(
        zh.stderr,
        "minutes: 已跳过 'legacy.minutes'：不是 UTF-8、UTF-16 或 GB18030/GBK 编码的文本（请另存为 UTF-8）\n",
      );
    });

    it('reports a directory without minutes files', function () {
      const dir = temp.make({ ...good, 'docs/readme.md': '# Readme\n', 'docs/notes.txt': 'notes\n' });
      const result = runCli(['check', '--format', 'json', 'docs', 'good.minutes'], dir);
      assertReportedWithGood(result, ["minutes: no minutes files (*.minutes, *.minutes.md) in 'docs'"]);
    });

    it('reports a glob that matches nothing', function () {
      const dir = temp.make(good);
      const result = runCli(['check', '--format', 'json', 'notes/*.minutes', 'good.minutes'], dir);
      assertReportedWithGood(result, ["minutes: no files match 'notes/*.minutes'"]);
    });

    it('reports a units file that does not parse, and a missing one', function () {
      const dir = temp.make({ ...good, 'bad-units.yaml': 'units: [\n' });
      const bad = runCli(['check', '--format', 'json', '--units', 'bad-units.yaml', 'good.minutes'], dir);
      assert.match(bad.stderr, /^minutes: bad-units\.yaml:\d+: \S.*\n$/);
      assertReportedWithGood(bad, [bad.stderr.trimEnd()]);
      const missing = runCli(['check', '--format', 'json', '--units', 'units.yaml', 'good.minutes'], dir);
      assertReportedWithGood(missing, ["minutes: cannot read 'units.yaml': no such file"]);
    });

    it('reports a discovered minutes-units.yaml that does not parse', function () {
      const dir = temp.make({ ...good, 'minutes-units.yaml': '- [unclosed\n' });
      const result = runCli(['check', '--format', 'json', 'good.minutes'], dir);
      assert.match(result.stderr, /^minutes: minutes-units\.yaml:\d+: \S.*\n$/);
      assertReportedWithGood(result, [result.stderr.trimEnd()]);
    });

    it('reports problems in the config file with their line', function () {
      const dir = temp.make({
        ...good,
        'strict.json': '{ "rules": { "missing-owner": "error", "no-such-rule": "warning" } }',
      });
      const result = runCli(['check', '--format', 'json', '--config', 'strict.json', 'good.minutes'], dir);
      assert.match(result.stderr, /^minutes: strict\.json:1: .*no-such-rule.*\n$/);
      assertReportedWithGood(result, [result.stderr.trimEnd()]);
    });
  });

  describe('finding files', function () {
    it('searches directories for *.minutes and *.minutes.md, skipping node_modules and .git', function () {
      const dir = temp.make({
        'b.minutes': NO_OWNER,
        'notes/a.minutes.md': NO_OWNER,
        'notes/deep/c.MINUTES': NO_OWNER,
        'notes/plain.txt': NO_OWNER,
        'notes/plain.md': NO_OWNER,
        'node_modules/pkg/x.minutes': NO_OWNER,
        '.git/y.minutes': NO_OWNER,
      });
      const json = parseCheckJson(runCli(['check', '--format', 'json'], dir).stdout);
      assert.deepStrictEqual(
        json.files.map((f) => f.file),
        ['b.minutes', 'notes/a.minutes.md', 'notes/deep/c.MINUTES'],
      );
    });

    it('checks files named explicitly whatever their extension, once each', function () {
      const dir = temp.make({ 'notes/plain.txt': NO_OWNER, 'b.minutes': NO_OWNER });
      const result = runCli(
        ['check', '--format', 'json', 'notes/plain.txt', './b.minutes', 'b.minutes', '.'],
        dir,
      );
      assert.strictEqual(result.stderr, '');
      assert.deepStrictEqual(
        parseCheckJson(result.stdout).files.map((f) => f.file),
        ['notes/plain.txt', 'b.minutes'],
      );
    });

    it('expands glob patterns, matching any extension', function () {
      const dir = temp.make({
        'notes/2024/a.txt': NO_OWNER,
        'notes/2023/b.txt': NO_OWNER,
        'notes/2024/c.minutes': NO_OWNER,
        'notes/node_modules/d.txt': NO_OWNER,
      });
      const json = parseCheckJson(runCli(['check', '--format', 'json', 'notes/**/*.txt'], dir).stdout);
      assert.deepStrictEqual(
        json.files.map((f) => f.file),
        ['notes/2023/b.txt', 'notes/2024/a.txt'],
      );
    });

    it('ends on symbolic link loops and checks a linked file once', function () {
      const dir = temp.make({ 'notes/a.minutes': NO_OWNER });
      fs.symlinkSync('..', path.join(dir, 'notes', 'up'));
      fs.symlinkSync(path.join(dir, 'notes'), path.join(dir, 'notes', 'self'));
      fs.symlinkSync('a.minutes', path.join(dir, 'notes', 'link.minutes'));
      fs.symlinkSync('missing.minutes', path.join(dir, 'notes', 'broken.minutes'));
      const result = runCli(['check', '--format', 'json'], dir);
      assert.deepStrictEqual(
        parseCheckJson(result.stdout).files.map((f) => f.file),
        ['notes/a.minutes'],
      );
      assert.strictEqual(result.stderr, "minutes: cannot read 'notes/broken.minutes': no such file\n");
      const glob = runCli(['check', '--format', 'json', '**/*.minutes'], dir);
      assert.deepStrictEqual(
        parseCheckJson(glob.stdout).files.map((f) => f.file),
        ['notes/a.minutes'],
      );
    });

    it('shows files outside the current directory by their absolute path', function () {
      const dir = temp.make({ 'a.minutes': NO_OWNER });
      const elsewhere = temp.make();
      const json = parseCheckJson(
        runCli(['check', '--format', 'json', path.join(dir, 'a.minutes')], elsewhere).stdout,
      );
      assert.deepStrictEqual(
        json.files.map((f) => f.file),
        [path.join(dir, 'a.minutes').split(path.sep).join('/')],
      );
    });
  });

  describe('text encodings', function () {
    it('gives the same diagnostics for a file with a byte order mark and CRLF line ends', function () {
      const lf = fixture('weekly.minutes');
      const dir = temp.make({
        'lf.minutes': lf,
        'crlf.minutes': '\ufeff' + lf.replace(/\n/g, '\r\n'),
        'utf16.minutes': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]),
      });
      const json = parseCheckJson(
        runCli(['check', '--format', 'json', 'lf.minutes', 'crlf.minutes', 'utf16.minutes'], dir).stdout,
      );
      const [plain, crlf, utf16] = json.files.map((f) => f.diagnostics);
      assert.ok(plain.length > 0);
      assert.deepStrictEqual(crlf, plain);
      assert.deepStrictEqual(utf16, plain);
    });
  });

  describe('--today', function () {
    it('enables the overdue rule, also when set in the config file', function () {
      const dir = temp.make({
        'weekly.minutes': fixture('weekly.minutes'),
        'today.json': '{ "today": "2024-05-20" }',
      });
      const without = parseCheckJson(runCli(['check', '--format', 'json'], dir).stdout);
      assert.ok(!rulesIn(without).includes('overdue'));
      const early = parseCheckJson(
        runCli(['check', '--format', 'json', '--today', '2024-05-01'], dir).stdout,
      );
      assert.ok(!rulesIn(early).includes('overdue'));
      const late = parseCheckJson(runCli(['check', '--format', 'json', '--today', '2024-05-20'], dir).stdout);
      const overdue = late.files[0].diagnostics.filter((d) => d.rule === 'overdue');
      // Only the open item due 2024-05-10 is overdue on 2024-05-20; the done item due 2024-05-03 is not.
      assert.deepStrictEqual(
        overdue.map((d) => d.range.start.line),
        [15],
      );
      const config = parseCheckJson(
        runCli(['check', '--format', 'json', '--config', 'today.json'], dir).stdout,
      );
      assert.deepStrictEqual(config, late);
    });
  });

  describe('on a terminal', function () {
    it('colours the report unless --no-color or NO_COLOR is given', function () {
      const dir = temp.make({ 'a.minutes': NO_OWNER });
      const coloured = runCliInTerminal(['check'], dir);
      assert.ok(coloured.stdout.includes('\x1b[4ma.minutes\x1b[0m'), coloured.stdout);
      assert.ok(coloured.stdout.includes('\x1b[33mwarning\x1b[0m'), coloured.stdout);
      const plain = runCli(['check'], dir).stdout;
      assert.ok(!plain.includes('\x1b'), plain);
      assert.strictEqual(runCliInTerminal(['check', '--no-color'], dir).stdout, plain);
      assert.strictEqual(runCliInTerminal(['check'], dir, { NO_COLOR: '1' }).stdout, plain);
    });

    it('confirms a clean run', function () {
      const dir = temp.make({
        'a.minutes': NO_OWNER,
        'b.minutes': NO_OWNER,
        '.minutesrc.json': allRules('off'),
      });
      assert.strictEqual(
        runCliInTerminal(['check', '--no-color'], dir).stdout,
        '✔ No problems found in 2 files.\n',
      );
      assert.strictEqual(
        runCliInTerminal(['check', '--no-color', '--locale', 'zh-CN'], dir).stdout,
        '✔ 已检查 2 个文件，未发现问题。\n',
      );
    });
  });
});
