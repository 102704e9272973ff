/**
 * Runs the in-extension-host suite (test/extension) inside the real VS Code of code-server, the way
 * `@vscode/test-electron` does on machines that can download VS Code: the repository is loaded as the
 * extension under development (package.json main = dist/client.js, so build first) and the workbench runs
 * out/test/extension/index.js, reporting mocha's output and exit code back through exposed functions.
 *
 *   npm run test:extension
 *   node out/test/e2e/extensionTests.js [--extension DIR]   (DIR: another extension folder than the repository)
 */
import * as path from 'path';
import { repoPath, repoRoot } from '../util/paths';
import { cleanup, cleanupOnSignals, tempDir } from './cleanup';
import {
  checkPrerequisites,
  launchChromium,
  newPage,
  requireFile,
  startCodeServer,
  workbenchUrl,
} from './harness';
import { makeUserDataDir, makeWorkspace } from './workspace';

const TIMEOUT_MS = 5 * 60_000;
/** Workbench messages of no interest here (connection set-up, the unreachable marketplace). */
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|getaddrinfo ENOTFOUND|Started local extension host|Extension host .* is started)/;

async function main(): Promise<number> {
  cleanupOnSignals();
  checkPrerequisites();
  const at = process.argv.indexOf('--extension');
  const extension = at > 0 ? path.resolve(process.argv[at + 1]) : repoRoot;
  requireFile(path.join(extension, 'dist', 'client.js'), 'run `npm run build` first');
  const testsModule = repoPath('out', 'test', 'extension', 'index.js');
  requireFile(testsModule, 'run `tsc -p .` first');

  const workspace = makeWorkspace();
  const server = await startCodeServer({
    userDataDir: makeUserDataDir({}),
    extensionsDir: tempDir('extensions'),
    workspace,
  });
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const page = await newPage(await launchChromium());

  let finish: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
    const text = Array.isArray(message) ? message.join(' ') : String(message);
    if (!NOISE.test(text)) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
  page.on('pageerror', (err) => console.error(`workbench error: ${String(err)}`));

  await page.goto(
    workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(testsModule)],
      ['skipWelcome', 'true'],
    ]),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(`The extension tests did not finish within ${TIMEOUT_MS / 1000} s.\n${server.output()}`);
      resolve(1);
    }, TIMEOUT_MS);
  });
  const code = await Promise.race([exitCode, timedOut]);
  clearTimeout(timer);
  return code;
}

main()
  .catch((err: unknown) => {
    console.error(`extension tests: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
