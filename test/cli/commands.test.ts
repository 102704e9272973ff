import * as assert from 'assert';
import * as fs from 'fs';
import { repoPath } from '../util/paths';
import { runCli, useTempDirs } from './helpers';

interface RulesJson {
  version: number;
  rules: { id: string; defaultSeverity: string; description: string }[];
}

describe('minutes rules, help and version', function () {
  const temp = useTempDirs();
  let cwd: string;
  before(function () {
    cwd = temp.make();
  });

  it('lists the rules as JSON in the chosen language', function () {
    const en = JSON.parse(runCli(['rules', '--format', 'json'], cwd).stdout) as RulesJson;
    const zh = JSON.parse(
      runCli(['rules', '--format', 'json', '--locale', 'zh-CN'], cwd).stdout,
    ) as RulesJson;
    assert.strictEqual(en.version, 1);
    assert.ok(en.rules.length > 0);
    for (const rule of en.rules) {
      assert.deepStrictEqual(Object.keys(rule), ['id', 'defaultSeverity', 'description']);
      assert.ok(['hint', 'information', 'warning', 'error'].includes(rule.defaultSeverity));
    }
    assert.deepStrictEqual(
      zh.rules.map((r) => r.id),
      en.rules.map((r) => r.id),
    );
    assert.ok(zh.rules.every((r) => /[\u4e00-\u9fff]/.test(r.description)));
  });

  it('lists the rules as an aligned text table', function () {
    const { rules } = JSON.parse(runCli(['rules', '--format', 'json'], cwd).stdout) as RulesJson;
    const result = runCli(['rules'], cwd);
    assert.strictEqual(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^Rule +Default +Description$/);
    const column = lines[0].indexOf('Default');
    rules.forEach((rule, i) => {
      assert.ok(lines[i + 1].startsWith(rule.id.padEnd(column) + rule.defaultSeverity), lines[i + 1]);
      assert.ok(lines[i + 1].endsWith(rule.description));
    });
  });

  it('prints the package version', function () {
    const { version } = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      assert.deepStrictEqual(runCli([flag], cwd), { status: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('prints help for the command and for each subcommand', function () {
    const cases: [string[], RegExp][] = [
      [['--help'], /^Usage: minutes <command>/],
      [['-h'], /^Usage: minutes <command>/],
      [['help'], /^Usage: minutes <command>/],
      [['check', '--help'], /^Usage: minutes check /],
      [['help', 'check'], /^Usage: minutes check /],
      [['actions', '-h'], /^Usage: minutes actions /],
      [['rules', '--help'], /^Usage: minutes rules /],
    ];
    for (const [args, usage] of cases) {
      const result = runCli(args, cwd);
      assert.strictEqual(result.status, 0, args.join(' '));
      assert.match(result.stdout, usage, args.join(' '));
      assert.strictEqual(result.stderr, '');
    }
  });

  it('documents every option of each command in its help', function () {
    const options: Record<string, string[]> = {
      check: [
        '--format',
        '--units',
        '--config',
        '--today',
        '--locale',
        '--max-warnings',
        '--no-color',
        '--help',
      ],
      actions: ['--format', '--today', '--units', '--locale', '--help'],
      rules: ['--format', '--locale', '--help'],
    };
    for (const [command, flags] of Object.entries(options)) {
      const help = runCli([command, '--help'], cwd).stdout;
      for (const flag of flags) assert.ok(help.includes(flag), `${command} --help mentions ${flag}`);
    }
  });

  it('rejects arguments to rules and unknown help topics', function () {
    assert.deepStrictEqual(runCli(['rules', 'extra'], cwd), {
      status: 2,
      stdout: '',
      stderr: "minutes: unexpected argument 'extra'; see 'minutes rules --help'\n",
    });
    assert.deepStrictEqual(runCli(['help', 'lint'], cwd), {
      status: 2,
      stdout: '',
      stderr: "minutes: unknown command 'lint'; see 'minutes --help'\n",
    });
  });
});
