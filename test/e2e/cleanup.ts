/**
 * Every process and temporary folder a test run starts registers a disposer here; `cleanup()` runs them on
 * normal exit, on failure and on SIGINT/SIGTERM.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

type Disposer = () => Promise<void> | void;
const disposers: Disposer[] = [];

export function onCleanup(dispose: Disposer): void {
  disposers.push(dispose);
}

/** Runs the registered disposers, newest first; each runs once even if cleanup is called again. */
export async function cleanup(): Promise<void> {
  while (disposers.length > 0) {
    const dispose = disposers.pop() as Disposer;
    try {
      await dispose();
    } catch (err) {
      console.error(`cleanup: ${String(err)}`);
    }
  }
}

/** Makes SIGINT and SIGTERM stop everything started here before the process exits. */
export function cleanupOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\nReceived ${signal}: stopping what the tests started.`);
      void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** A fresh temporary folder, removed by `cleanup()`. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `minutes-${prefix}-`));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
