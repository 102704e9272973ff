/**
 * `npm run eval`: scores `minutes actions` against the labelled corpus and prints a table per document and
 * the totals. Options: `--corpus DIR` (default ../shared/corpus beside the clone), `--verbose`,
 * `--json FILE|-`, `--update-baseline` (rewrites test/eval/baseline.json). Exit status 2 when the corpus is
 * missing or a label is malformed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { formatBaselineDiff, formatLabelErrors, formatTable, formatVerbose } from './report';
import { BASELINE, CorpusError, DEFAULT_CORPUS, evaluateCorpus } from './run';
import { toBaseline, totals, type Baseline } from './score';

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      verbose: { type: 'boolean', default: false },
      json: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
    },
  });
  const scores = evaluateCorpus(path.resolve(values.corpus));
  const t = totals(scores);
  // With `--json -` standard output carries the JSON alone; the report goes to standard error.
  const print = values.json === '-' ? console.error : console.log;

  const errors = formatLabelErrors(scores);
  if (errors) print(`${errors}\n`);
  print(formatTable(scores, t));
  if (values.verbose) print(`\n${formatVerbose(scores)}`);

  if (values.json !== undefined) {
    const json = JSON.stringify({ totals: t, baseline: toBaseline(t), documents: scores }, null, 2) + '\n';
    if (values.json === '-') process.stdout.write(json);
    else fs.writeFileSync(values.json, json);
  }
  if (values['update-baseline']) {
    const before = fs.existsSync(BASELINE)
      ? (JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Baseline)
      : null;
    const after = toBaseline(t);
    fs.writeFileSync(BASELINE, JSON.stringify(after, null, 2) + '\n');
    print(`\n${path.relative(process.cwd(), BASELINE)} updated:\n${formatBaselineDiff(before, after)}`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  const usage = String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  if (!(error instanceof CorpusError) && !usage) {
    throw error;
  }
  console.error(`eval: ${(error as Error).message}`);
  process.exitCode = 2;
}
