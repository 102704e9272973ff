/**
 * Runs a real VS Code: the build inside code-server (installed by scripts/e2e/setup.sh), shown in Debian's
 * chromium driven by playwright-core. Whatever is started here is stopped by `cleanup()` (see cleanup.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoPath } from '../util/paths';
import { onCleanup, tempDir } from './cleanup';

export const CODE_SERVER_ENTRY = repoPath(
  '.vscode-test',
  'code-server',
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT_DIR = repoPath('test-output', 'e2e');

export function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(repoPath(), file) || file} is missing: ${hint}`);
}

export function checkPrerequisites(): void {
  requireFile(CODE_SERVER_ENTRY, 'run `bash scripts/e2e/setup.sh` first');
  requireFile(CHROMIUM, 'run `bash scripts/e2e/setup.sh` (as root) to install Debian chromium');
}

/** Installs a `.vsix` into a fresh extensions dir; returns that dir and the installed extension's folder. */
export function installVsix(vsix: string): { extensionsDir: string; extension: string } {
  requireFile(vsix, 'run `npm run package` first');
  const extensionsDir = tempDir('extensions');
  const result = spawnSync(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--config',
      '/dev/null',
      '--user-data-dir',
      tempDir('install-profile'),
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(
      `installing ${path.basename(vsix)} into code-server failed (exit ${result.status}):\n${output}`,
    );
  }
  const folders = fs
    .readdirSync(extensionsDir)
    .filter((f) => fs.statSync(path.join(extensionsDir, f)).isDirectory());
  if (folders.length !== 1)
    throw new Error(`expected one extension from ${vsix}, found: ${folders.join(', ')}`);
  return { extensionsDir, extension: path.join(extensionsDir, folders[0]) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a process started with `detached: true` and its group: SIGTERM, then SIGKILL after `graceMs`. */
async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  if (!exited(child)) {
    signalGroup('SIGTERM');
    if (!(await waitForExit(child, graceMs))) signalGroup('SIGKILL');
    await waitForExit(child, graceMs);
  }
  // Children left in the group (extension host, language server) go too.
  signalGroup('SIGKILL');
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  /** What code-server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts code-server on 127.0.0.1 and resolves once `/healthz` answers. */
export async function startCodeServer(opts: {
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
}): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    '/dev/null',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    opts.userDataDir,
    '--extensions-dir',
    opts.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    opts.workspace,
  ];
  // Its IPC sockets (vscode-ipc-*.sock) go to a temporary folder of the run's own, removed with it.
  const sockets = tempDir('sockets');
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: sockets, XDG_RUNTIME_DIR: sockets },
  });
  let output = '';
  const collect = (d: Buffer): void => {
    output += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => (stopping ??= stopGroup(child, 5000));
  onCleanup(stop);

  const deadline = Date.now() + 30_000;
  while (!(await healthy(port))) {
    if (exited(child))
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, port, userDataDir: opts.userDataDir, output: () => output, stop };
}

/** The workbench URL for `folder`, with the extension-test `payload` when given. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: [string, string][]): string {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Launches Debian's chromium headless, with a fresh temporary profile (playwright makes and removes it). */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onCleanup(() => browser.close());
  return browser;
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  return context.newPage();
}

export function outputPath(name: string): string {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  return path.join(OUTPUT_DIR, name);
}
