/**
 * `npm run bench` (and `npm run bench:smoke`): runs the benchmarks, prints the table, writes
 * bench/results.json. Options: `--smoke`, `--only=core,keystroke,completion,workspace,startup,process`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatTable, met } from './report';
import { BENCHMARKS, runSuite, type Benchmark } from './suite';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') as Benchmark[] | undefined;
  const unknown = only?.filter((name) => !BENCHMARKS.includes(name));
  if (unknown?.length)
    throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  const results = await runSuite({ smoke, ...(only ? { only } : {}), log: (line) => console.error(line) });
  const file = path.resolve(__dirname, '..', '..', 'bench', 'results.json');
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  const missed = results.rows.filter((row) => met(row) === false).length;
  console.log(formatTable(results.rows));
  console.log(
    `\nNode ${results.node}, ${results.cpus} CPUs, load ${results.load.map((l) => l.toFixed(2)).join(' → ')}` +
      `${smoke ? ', smoke run (figures not meaningful)' : ''}; ${missed} target(s) not met. Written to ${path.relative(process.cwd(), file)}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
