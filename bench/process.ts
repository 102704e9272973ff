/**
 * Benchmark 7: the whole process, as a user or a CI job runs it. `minutes check --format json` of one large
 * 纪要 (the bundled CLI: start-up, reading, parsing, checking, writing the JSON) against a node process that
 * runs markdownlint on the same file and writes its results as JSON.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MB, sizeLabel } from './core';
import { byteLength, minutesOfSize, TODAY, type Registry } from './generate';
import type { Row } from './report';
import { median } from './stats';

export interface ProcessOptions {
  smoke: boolean;
  registry: Registry;
  log: (line: string) => void;
}

const processGroup = '7. Whole process: minutes check vs markdownlint in node';

/** The peer: markdownlint's synchronous `lint` over the file, its results printed as JSON. */
const MARKDOWNLINT = `
const { pathToFileURL } = require('url');
import(pathToFileURL(require.resolve('markdownlint/sync')).href).then(({ lint }) => {
  process.stdout.write(JSON.stringify(lint({ files: [process.argv[1]] })));
});
`;

/** Runs a node process to its end; answers its time, failing unless its status is one of `ok`. */
function timed(args: string[], cwd: string, ok: number[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1024 * MB });
  const ms = performance.now() - start;
  if (!ok.includes(result.status ?? -1))
    throw new Error(`${args.slice(0, 2).join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

export async function wholeProcess(options: ProcessOptions): Promise<Row[]> {
  const [size, runs] = options.smoke ? [64 * 1024, 1] : [10 * MB, 5];
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-bench-process-')));
  try {
    fs.writeFileSync(path.join(folder, 'minutes-units.yaml'), options.registry.yaml);
    const text = minutesOfSize(400, 'zh', size, options.registry);
    const file = path.join(folder, 'minutes.minutes.md');
    fs.writeFileSync(file, text);
    options.log(`process: ${byteLength(text)} bytes`);
    const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
    const modules = path.resolve(__dirname, '..', '..', 'node_modules');
    // The check exits with 1 when it finds errors, as it does here.
    const minutes = () => timed([cli, 'check', '--format', 'json', '--today', TODAY, file], folder, [0, 1]);
    const markdownlint = () =>
      timed(['-e', `module.paths.unshift(${JSON.stringify(modules)});${MARKDOWNLINT}`, file], folder, [0]);
    // One run of each not counted (file cache), then alternated so that load falls on both alike.
    minutes();
    markdownlint();
    const [a, b]: [number[], number[]] = [[], []];
    for (let i = 0; i < runs; i++) {
      a.push(minutes());
      b.push(markdownlint());
    }
    const [ours, theirs] = [median(a), median(b)];
    const label = sizeLabel(size);
    return [
      {
        group: processGroup,
        name: `${label}: minutes check --format json`,
        value: ours,
        unit: 'ms',
        note: `median of ${runs}; dist/cli.js, registry of ${options.registry.units.length} units`,
      },
      { group: processGroup, name: `${label}: node + markdownlint`, value: theirs, unit: 'ms' },
      {
        group: processGroup,
        name: `${label}: markdownlint / minutes`,
        value: theirs / ours,
        unit: '×',
        target: { op: '>=', value: 15 },
      },
    ];
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
