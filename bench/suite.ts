/** Every benchmark, in one run, and what the run produced. */
import * as os from 'os';
import { scaling, throughput } from './core';
import { unitsRegistry } from './generate';
import { wholeProcess } from './process';
import type { Row } from './report';
import { completion, keystrokes, startup, workspace } from './server';

export const BENCHMARKS = ['core', 'keystroke', 'completion', 'workspace', 'startup', 'process'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

export interface SuiteOptions {
  /** Small inputs and few repetitions: checks that everything runs, measures nothing worth quoting. */
  smoke: boolean;
  /** The benchmarks to run (all when absent). */
  only?: readonly Benchmark[];
  log: (line: string) => void;
}

export interface Results {
  date: string;
  node: string;
  cpus: number;
  /** One-minute load average when the run started and when it ended. */
  load: [number, number];
  smoke: boolean;
  rows: Row[];
}

export async function runSuite(options: SuiteOptions): Promise<Results> {
  const selected = new Set(options.only ?? BENCHMARKS);
  const load = os.loadavg()[0];
  const registry = unitsRegistry(options.smoke ? 500 : 5000);
  const context = { smoke: options.smoke, registry, log: options.log };
  const rows: Row[] = [];
  const step = async (name: Benchmark, body: () => Promise<Row[]>) => {
    if (!selected.has(name)) return;
    options.log(`— ${name}`);
    rows.push(...(await body()));
  };
  await step('startup', () => startup(context));
  await step('keystroke', () => keystrokes(context));
  await step('completion', () => completion(context));
  await step('workspace', () => workspace(context));
  await step('process', () => wholeProcess(context));
  await step('core', async () => {
    const { rows: measured, times } = await throughput(context);
    return [...measured, ...scaling(context, times)];
  });
  rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    load: [load, os.loadavg()[0]],
    smoke: options.smoke,
    rows,
  };
}
