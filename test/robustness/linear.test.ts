/**
 * No catastrophic backtracking: for every adversarial family, parse + validate of 1 MB takes at most 12
 * times as long as of 100 KB (median of 3 each, after a warm-up). Each family is timed in a child process,
 * stopped once it has clearly lost (a runaway regular expression would otherwise hang the test run).
 */
import * as assert from 'assert';
import * as path from 'path';
import { fork } from 'child_process';
import { createMinutesService } from '../../server/src/core';
import { families, type TimingRequest, type TimingResult } from './adversarial';

const small = 100 * 1024;
const large = 1024 * 1024;
const maxRatio = 12;
/** A warm-up and three 100 KB runs must end within this; linear families take a fraction of a second. */
const smallBudget = 3000;

interface Outcome {
  family: string;
  small: number;
  large: number | null;
  /** Why the family was stopped, when it was. */
  stopped?: string;
}

function measure(family: string): Promise<Outcome> {
  const request: TimingRequest = { family, sizes: [small, large], runs: 3 };
  const child = fork(path.join(__dirname, 'adversarial.js'), [], {
    stdio: 'inherit',
    execArgv: ['--expose-gc'],
  });
  child.send(request);
  return new Promise((resolve, reject) => {
    const outcome: Outcome = { family, small: NaN, large: null };
    const stop = (why: string): void => {
      outcome.stopped = why;
      child.kill();
      resolve(outcome);
    };
    let timer = setTimeout(
      () => stop(`a warm-up and 3 runs of 100 KB took over ${smallBudget} ms`),
      smallBudget,
    );
    child.on('message', (result: TimingResult) => {
      clearTimeout(timer);
      if (result.size === small) {
        outcome.small = result.median;
        // A warm-up and three 1 MB runs at the allowed ratio, and a second of slack.
        const budget = 4 * maxRatio * result.median + 1000;
        timer = setTimeout(
          () => stop(`a warm-up and 3 runs of 1 MB took over ${budget.toFixed(0)} ms`),
          budget,
        );
      } else {
        outcome.large = result.median;
        resolve(outcome);
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Runs the families one after another: timings taken side by side would disturb each other. A family over
 * the ratio is measured again, up to twice: load from other processes can push one measurement over, while a
 * scan that is not linear is over every time.
 */
async function measureAll(names: string[]): Promise<Outcome[]> {
  const results: Outcome[] = [];
  for (const name of names) {
    let outcome = await measure(name);
    for (let again = 0; again < 2 && !outcome.stopped && outcome.large! / outcome.small > maxRatio; again++) {
      outcome = await measure(name);
    }
    results.push(outcome);
  }
  return results;
}

describe('robustness: parse + validate time grows linearly', function () {
  this.timeout(600000);
  let outcomes: Outcome[] = [];

  before(async () => {
    outcomes = await measureAll(Object.keys(families));
  });

  after(() => {
    const rows = outcomes.map((o) =>
      o.stopped
        ? `  ${o.family}: stopped (${o.stopped})`
        : `  ${o.family}: ${o.small.toFixed(1)} ms → ${o.large!.toFixed(1)} ms (×${(o.large! / o.small).toFixed(1)})`,
    );
    console.log(`\n  parse + validate, 100 KB → 1 MB:\n${rows.join('\n')}`);
  });

  for (const family of Object.keys(families)) {
    it(`${family}: time(1 MB) ≤ ${maxRatio} × time(100 KB)`, () => {
      const o = outcomes.find((x) => x.family === family)!;
      assert.ok(!o.stopped, `${family}: ${o.stopped}`);
      const ratio = o.large! / o.small;
      assert.ok(
        ratio <= maxRatio,
        `${family}: 1 MB took ${o.large!.toFixed(1)} ms, 100 KB ${o.small.toFixed(1)} ms (ratio ${ratio.toFixed(1)})`,
      );
    });
  }
});

describe('robustness: deep backtracking', () => {
  it('parses a 4 MB action of slash-joined initials without running out of stack', () => {
    const service = createMinutesService({ locale: 'en' });
    const text = `# Minutes\n\n## Action items\n- ${'A/B '.repeat(1000000)}\n`;
    assert.ok(service.parse(text).items.length > 0);
  });
});
