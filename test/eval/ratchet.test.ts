import * as assert from 'assert';
import * as fs from 'fs';
import { BASELINE, DEFAULT_CORPUS, evaluateCorpus } from '../../scripts/eval/run';
import { regressions, toBaseline, totals, type Baseline } from '../../scripts/eval/score';

describe('eval ratchet: the figures on the labelled corpus do not drop', () => {
  it('scores every total at least as high as test/eval/baseline.json', function () {
    if (!fs.existsSync(DEFAULT_CORPUS)) {
      // A clone without the corpus beside it (mocha's skip takes no reason, so it is printed).
      console.log(`      skipped: no labelled corpus at ${DEFAULT_CORPUS}`);
      this.skip();
    }
    const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Baseline;
    const dropped = regressions(baseline, toBaseline(totals(evaluateCorpus(DEFAULT_CORPUS))));
    assert.deepStrictEqual(
      dropped,
      [],
      `figures below the baseline (npm run eval -- --verbose): ${dropped.join('; ')}`,
    );
  });
});
