/** Replays every failing case saved under test/fixtures/regressions/ (by `npm run fuzz`) against its property. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { regressionsDir, type Regression } from './fuzz';
import { properties } from './invariants';

describe('robustness: saved counterexamples', () => {
  const files = fs.existsSync(regressionsDir)
    ? fs
        .readdirSync(regressionsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];

  it('has counterexamples to replay', () => {
    assert.ok(files.length > 0, `no .json files in ${regressionsDir}`);
  });

  for (const file of files) {
    const regression = JSON.parse(fs.readFileSync(path.join(regressionsDir, file), 'utf8')) as Regression;
    it(`${file}: ${regression.property} holds`, () => {
      const check = properties[regression.property];
      assert.ok(check, `unknown property ${regression.property}`);
      check(regression.case);
    });
  }
});
