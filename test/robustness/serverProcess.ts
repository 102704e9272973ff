/** What the robustness tests need of the language server process beyond the LSP test client. */
import * as fs from 'fs';
import { TestClient, type StartOptions } from '../lsp/client';

/** Process ids of this process's children, from /proc. */
function childPids(): Set<number> {
  const pids = new Set<number>();
  for (const task of fs.readdirSync(`/proc/${process.pid}/task`)) {
    const list = fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim();
    for (const pid of list.split(/\s+/).filter(Boolean)) pids.add(Number(pid));
  }
  return pids;
}

/** Starts the server with the test client, and finds its process id (the one new child process). */
export async function startServer(options: StartOptions = {}): Promise<{ client: TestClient; pid: number }> {
  const before = childPids();
  const client = await TestClient.start(options);
  const started = [...childPids()].filter((pid) => !before.has(pid));
  if (started.length !== 1) {
    client.kill();
    throw new Error(`expected one new child process, found ${started.length}`);
  }
  return { client, pid: started[0] };
}

/** The resident set size of a process, in bytes (VmRSS in /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}

/** A small deterministic random number generator (for repeatable edit sequences). */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
