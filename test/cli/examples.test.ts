import * as assert from 'assert';
import * as fs from 'fs';
import { repoPath } from '../util/paths';
import { matchSnapshot } from '../util/snapshot';
import { runCli } from './helpers';

/**
 * Golden output of every command and format over the files in examples/, run from that directory so its
 * minutes-units.yaml is used, with a fixed today so overdue results do not drift.
 */
describe('minutes on examples/', function () {
  const cwd = repoPath('examples');
  const files = fs
    .readdirSync(cwd)
    .filter((name) => !name.endsWith('.yaml'))
    .sort();
  const today = ['--today', '2024-04-15'];

  before(function () {
    assert.ok(fs.existsSync(repoPath('examples', 'minutes-units.yaml')));
    assert.ok(files.length >= 3, files.join(', '));
  });

  const runs: [string, string[]][] = [
    ['check.txt', ['check', ...today]],
    ['check.zh-CN.txt', ['check', ...today, '--locale', 'zh-CN']],
    ['check.json', ['check', ...today, '--format', 'json']],
    ['actions.json', ['actions']],
    ['actions.csv', ['actions', ...today, '--format', 'csv']],
    ['actions.md', ['actions', ...today, '--format', 'markdown']],
  ];
  for (const [snapshot, args] of runs) {
    it(`minutes ${args.join(' ')}`, function () {
      const result = runCli([...args, ...files], cwd);
      assert.strictEqual(result.stderr, '');
      assert.ok([0, 1].includes(result.status ?? -1), `status ${result.status}`);
      matchSnapshot(`cli/examples/${snapshot}`, result.stdout);
    });
  }

  it('checks only minutes files when given the directory', function () {
    const result = runCli(['check', '--format', 'json', 'examples'], repoPath());
    const json = JSON.parse(result.stdout) as { files: { file: string }[] };
    assert.deepStrictEqual(
      json.files.map((f) => f.file),
      files.filter((name) => /\.minutes(\.md)?$/.test(name)).map((name) => `examples/${name}`),
    );
  });
});
