/**
 * The long run of the property tests:
 * `npm run fuzz -- [--cases N] [--seconds S] [--seed N] [--property P,…] [--workers W]`.
 * Runs the properties of `invariants.ts` in turn, in chunks with fresh seeds, until N cases (default
 * 1,000,000) have run or S seconds have passed; W worker threads (default: one a core) share the cases. Prints how many cases ran without failure, and for each new
 * failure its seed, path and shrunk input, which it saves under `test/fixtures/regressions/` for
 * `regressions.test.ts` to replay in `npm test`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import fc from 'fast-check';
import { repoPath } from '../util/paths';
import { cases } from './inputs';
import { properties, type Case } from './invariants';

interface Options {
  cases: number;
  seconds: number;
  seed: number;
  properties: string[];
  workers: number;
}

/** What one worker ran: cases passed per property, failing cases, counterexamples saved. */
interface Tally {
  ran: [string, number][];
  failures: number;
  saved: number;
}

const usage =
  'usage: npm run fuzz -- [--cases N] [--seconds S] [--seed N] [--property features,fixes,renumber,incremental] [--workers W]';

function fail(message: string): never {
  console.error(`fuzz: ${message}\n${usage}`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    cases: 1_000_000,
    seconds: Infinity,
    seed: Date.now() % 2 ** 31,
    properties: Object.keys(properties),
    workers: Math.max(1, os.availableParallelism()),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`${flag} needs a value`);
    const count = Number(value.replace(/_/g, ''));
    switch (flag) {
      case '--cases':
      case '--seconds':
      case '--seed':
        if (!Number.isFinite(count) || count < 0)
          fail(`${flag} must be a number, 0 or more (got '${value}')`);
        options[flag.slice(2) as 'cases' | 'seconds' | 'seed'] = count;
        break;
      case '--workers':
        if (!Number.isInteger(count) || count < 1)
          fail(`--workers must be a whole number, 1 or more (got '${value}')`);
        options.workers = count;
        break;
      case '--property':
        options.properties = value.split(',');
        for (const p of options.properties) if (!(p in properties)) fail(`no property '${p}'`);
        break;
      default:
        fail(`unknown option '${flag}'`);
    }
  }
  return options;
}

/** What a failure is about, without the particulars: to save one counterexample per kind of failure. */
function signature(property: string, error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return `${property}: ${first.replace(/“[^”]*”|"[^"]*"|\d+/g, '…')}`;
}

/** The failure's signature when `c` fails `property`, or null when it passes. */
function failureOf(property: string, c: Case): string | null {
  try {
    properties[property](c);
    return null;
  } catch (error) {
    return signature(property, error);
  }
}

/**
 * Shrinks a failing case further than fast-check can (it cannot shrink the examples the case started from):
 * drops chunks of lines, then of characters, while the case still fails the same way.
 */
function minimize(property: string, c: Case, key: string): Case {
  let best = c;
  for (const unit of ['\n', '']) {
    let parts = best.text.split(unit);
    for (let size = Math.max(1, parts.length >> 1); size >= 1; size >>= 1) {
      for (let at = 0; at < parts.length;) {
        const candidate = [...parts.slice(0, at), ...parts.slice(at + size)];
        const next = { ...best, text: candidate.join(unit) };
        if (failureOf(property, next) === key) {
          parts = candidate;
          best = next;
        } else at += size;
      }
    }
  }
  return best;
}

export interface Regression {
  property: string;
  seed: number;
  path: string;
  /** How the case came about, when not straight from a fuzz run. */
  note?: string;
  error: string;
  case: Case;
}

export const regressionsDir = repoPath('test', 'fixtures', 'regressions');

/** The failure signatures of the saved counterexamples that still fail: found again, they are not saved again. */
function knownFailures(): Set<string> {
  const known = new Set<string>();
  if (!fs.existsSync(regressionsDir)) return known;
  for (const name of fs.readdirSync(regressionsDir).filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(fs.readFileSync(path.join(regressionsDir, name), 'utf8')) as Regression;
    const failure = r.property in properties ? failureOf(r.property, r.case) : null;
    if (failure) known.add(failure);
  }
  return known;
}

function save(regression: Regression): string {
  fs.mkdirSync(regressionsDir, { recursive: true });
  const hash = createHash('sha1').update(JSON.stringify(regression.case)).digest('hex').slice(0, 10);
  const file = path.join(regressionsDir, `${regression.property}-${hash}.json`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${JSON.stringify(regression, null, 2)}\n`);
  return file;
}

/**
 * Worker `worker` of `workers`: its share of the cases, in chunks of each property in turn. Chunk `i` of
 * worker `w` has the seed `seed + i × workers + w`, so the workers never repeat each other's cases.
 */
function run(options: Options, started: number, worker: number, workers: number): Tally {
  const deadline = started + options.seconds * 1000;
  const share = Math.floor(options.cases / workers) + (worker < options.cases % workers ? 1 : 0);
  const ran = new Map(options.properties.map((p) => [p, 0]));
  const seen = knownFailures();
  let saved = 0;
  const chunk = 500;
  let total = 0;
  let failures = 0;
  for (let round = 0; total < share && Date.now() < deadline; round++) {
    const property = options.properties[round % options.properties.length];
    const seed = (options.seed + round * workers + worker) % 2 ** 31;
    const numRuns = Math.min(chunk, share - total);
    const check = fc.property(cases, (c) => {
      properties[property](c);
    });
    // Find a failure quickly; shrink it only when it is of a new kind.
    const found = fc.check(check, { seed, numRuns, endOnFailure: true });
    const passed = found.failed ? Math.max(0, found.numRuns - 1) : found.numRuns;
    total += found.failed ? found.numRuns : numRuns;
    ran.set(property, (ran.get(property) ?? 0) + passed);
    if (!found.failed) continue;
    failures++;
    const first = signature(property, found.errorInstance);
    if (seen.has(first)) continue;
    seen.add(first);
    const shrunk = fc.check(check, { seed, numRuns: found.numRuns });
    const failing = shrunk.failed ? shrunk : found;
    const key = signature(property, failing.errorInstance);
    if (key !== first && seen.has(key)) continue;
    seen.add(key);
    const c = minimize(property, (failing.counterexample as [Case])[0], key);
    let error = '';
    try {
      properties[property](c);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    saved++;
    const file = save({ property, seed, path: failing.counterexamplePath ?? '', error, case: c });
    console.log(
      `\nFAILED ${property} (seed ${seed}, path "${failing.counterexamplePath}")\n` +
        `  input: ${JSON.stringify(c)}\n  error: ${error.split('\n').slice(0, 3).join('\n         ')}\n  saved: ${path.relative(repoPath(), file)}`,
    );
  }
  return { ran: [...ran], failures, saved };
}

/** Each worker's tally, from worker threads when there are several. */
async function tallies(options: Options, started: number): Promise<Tally[]> {
  if (options.workers === 1) return [run(options, started, 0, 1)];
  return Promise.all(
    Array.from(
      { length: options.workers },
      (_, worker) =>
        new Promise<Tally>((resolve, reject) => {
          const thread = new Worker(__filename, { workerData: { options, started, worker } });
          thread.once('message', resolve);
          thread.once('error', reject);
          thread.once('exit', (code) => reject(new Error(`fuzz worker ${worker} exited with code ${code}`)));
        }),
    ),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const known = knownFailures().size;
  console.log(
    `fuzz: seed ${options.seed}, up to ${options.cases} cases, properties ${options.properties.join(', ')}, ` +
      `${options.workers} worker(s)`,
  );
  const all = await tallies(options, started);
  const ran = new Map(options.properties.map((p) => [p, 0]));
  for (const t of all) for (const [p, n] of t.ran) ran.set(p, (ran.get(p) ?? 0) + n);
  const failures = all.reduce((a, t) => a + t.failures, 0);
  const saved = all.reduce((a, t) => a + t.saved, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const passed = [...ran.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nfuzz: ${passed} cases passed in ${seconds} s (${[...ran].map(([p, n]) => `${p} ${n}`).join(', ')}); ` +
      `${failures} failing case(s), ${saved} of a new kind saved (${known} kinds already saved were not saved again)`,
  );
  process.exitCode = failures > 0 ? 1 : 0;
}

if (!isMainThread) {
  const { options, started, worker } = workerData as { options: Options; started: number; worker: number };
  parentPort?.postMessage(run(options, started, worker, options.workers));
} else if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
