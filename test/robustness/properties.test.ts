/**
 * Property tests of the core over generated text (a quick run: `npm run fuzz` is the long one). Seeded, so
 * a run is repeatable; set FC_SEED to explore other inputs. A failure prints its seed, path and shrunk case.
 */
import fc from 'fast-check';
import { cases } from './inputs';
import { properties } from './invariants';

const seed = process.env.FC_SEED === undefined ? 20240313 : Number(process.env.FC_SEED);
const numRuns = 300;

describe('robustness: properties of the core on any text', function () {
  this.timeout(60000);

  const described: Record<string, string> = {
    features:
      'parse, validate, items, symbols, folding, completion and hover never throw, answer ranges inside the document on UTF-16 boundaries, and are deterministic',
    fixes:
      'every quick fix removes its diagnostic (after the user fills in what it leaves to choose) and adds no error',
    renumber: 'renumbering a whole list is idempotent',
    incremental:
      'after every edit of a random sequence, the incremental reader gives the model and diagnostics of a fresh parse and check',
  };
  /** Each incremental case is a dozen edits, each checked against a full parse. */
  const runs: Record<string, number> = { incremental: 60 };

  for (const [name, check] of Object.entries(properties)) {
    it(`${name}: ${described[name]}`, () => {
      fc.assert(
        fc.property(cases, (c) => {
          check(c);
        }),
        { seed, numRuns: runs[name] ?? numRuns },
      );
    });
  }
});
