import * as assert from 'assert';
import { met } from '../bench/report';
import { runSuite, type Results } from '../bench/suite';

describe('benchmarks (smoke run)', function () {
  // Spawns the server several times and times small inputs a few times over: slower than a unit test.
  this.timeout(180_000);

  let results: Results;
  before(async () => {
    results = await runSuite({ smoke: true, log: () => undefined });
  });

  it('produces a finite, non-negative figure for every row', () => {
    assert.ok(results.rows.length > 0);
    for (const row of results.rows) {
      assert.ok(Number.isFinite(row.value) && row.value >= 0, `${row.group} / ${row.name}: ${row.value}`);
    }
  });

  it('covers every benchmark, each with its targets', () => {
    const groups = new Set(results.rows.map((row) => row.group.split('.')[0]));
    assert.deepStrictEqual([...groups].sort(), ['1', '2', '3', '4', '5', '6', '7']);
    const targets = results.rows
      .filter((row) => met(row) !== null)
      .map((row) => `${row.group.split('.')[0]} ${row.name}`);
    for (const expected of [
      '2 p95',
      '3 request alone: p99',
      '4 server peak RSS (VmHWM)',
      '7 64 KB: markdownlint / minutes',
    ]) {
      assert.ok(targets.includes(expected), `${expected} has no target among ${targets.join(', ')}`);
    }
  });

  it('indexes every file of the workspace and reads the server memory', () => {
    const rss = results.rows.find((row) => row.name === 'server peak RSS (VmHWM)');
    assert.ok(rss && rss.value > 1, 'peak RSS in MB');
    const index = results.rows.find((row) => row.name.startsWith('initialized →'));
    assert.ok(index && index.value > 0);
  });
});
