/**
 * End-to-end tests in a real VS Code: installs dist/structured-minutes.vsix into code-server, opens a copy
 * of the examples in Debian's chromium and runs the scenarios of scenarios.ts like a user would.
 *
 *   npm run test:e2e                       (setup, package, compile, run)
 *   node out/test/e2e/run.js [--grep TEXT] [--vsix FILE]
 *     --grep: only the scenarios whose name matches the regular expression; --vsix: another package than dist/structured-minutes.vsix
 *
 * Screenshots, timings.json and, for failures, the editor's logs go to test-output/e2e/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stripVTControlCharacters } from 'util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoPath } from '../util/paths';
import { cleanup, cleanupOnSignals } from './cleanup';
import {
  checkPrerequisites,
  installVsix,
  launchChromium,
  newPage,
  OUTPUT_DIR,
  outputPath,
  startCodeServer,
  workbenchUrl,
  type CodeServer,
} from './harness';
import { NEW_FILE, scenarios, type Scenario, type Session } from './scenarios';
import { openWorkbench } from './workbench';
import { ledgerFiles, makeUserDataDir, makeWorkspace } from './workspace';

const SCENARIO_TIMEOUT_MS = 120_000;

interface OpenSession extends Session {
  key: string;
  server: CodeServer;
  context: BrowserContext;
  errors: string[];
}

async function openSession(
  browser: Browser,
  { extensionsDir, extension }: { extensionsDir: string; extension: string },
  scenario: Scenario,
  timings: Record<string, number>,
): Promise<OpenSession> {
  const workspace = makeWorkspace({ [NEW_FILE]: '', ...ledgerFiles() });
  const server = await startCodeServer({
    userDataDir: makeUserDataDir(scenario.settings),
    extensionsDir,
    workspace,
  });
  const page: Page = await newPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const started = Date.now();
  await openWorkbench(page, workbenchUrl(server, workspace));
  const key = JSON.stringify(scenario.settings);
  timings[`workbenchLoad${key === '{}' ? '' : `.${key}`}`] = Date.now() - started;
  return { key, server, page, workspace, extension, context: page.context(), errors };
}

async function closeSession(session: OpenSession): Promise<void> {
  await session.context.close();
  await session.server.stop();
}

/** Keeps the editor's logs (extension host, language server output) of a session where a scenario failed. */
function keepLogs(session: OpenSession, index: number): string {
  const target = outputPath(`logs-${index}`);
  fs.rmSync(target, { recursive: true, force: true });
  const logs = path.join(session.server.userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, target, { recursive: true });
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'code-server.txt'), session.server.output());
  fs.writeFileSync(path.join(target, 'page-errors.txt'), session.errors.join('\n'));
  return target;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  cleanupOnSignals();
  checkPrerequisites();
  const grep = option('--grep');
  const selected = scenarios.filter((s) => !grep || new RegExp(grep).test(s.name));
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });

  const timings: Record<string, number> = {};
  let t = Date.now();
  const installed = installVsix(option('--vsix') ?? repoPath('dist', 'structured-minutes.vsix'));
  timings.installVsix = Date.now() - t;
  const browser = await launchChromium();

  const failed: string[] = [];
  let session: OpenSession | null = null;
  for (const [index, scenario] of selected.entries()) {
    t = Date.now();
    try {
      if (session?.key !== JSON.stringify(scenario.settings)) {
        if (session) await closeSession(session);
        session = null;
        session = await openSession(browser, installed, scenario, timings);
      }
      t = Date.now();
      await withTimeout(scenario.run(session, timings), SCENARIO_TIMEOUT_MS, scenario.name);
      timings[`scenario.${scenario.name}`] = Date.now() - t;
      console.log(`PASS ${scenario.name} (${Date.now() - t} ms)`);
    } catch (err) {
      failed.push(scenario.name);
      console.log(`FAIL ${scenario.name} (${Date.now() - t} ms)`);
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.log(`    ${stripVTControlCharacters(detail).replace(/\n/g, '\n    ')}`);
      if (session)
        console.log(`    editor logs kept in ${path.relative(repoPath(), keepLogs(session, index + 1))}`);
    }
    if (session) {
      const shot = outputPath(`${String(index + 1).padStart(2, '0')}-${slug(scenario.name)}.png`);
      await session.page
        .screenshot({ path: shot })
        .catch((e: unknown) => console.log(`    no screenshot: ${String(e)}`));
      // Leave no widget open for the next scenario.
      await session.page.keyboard.press('Escape').catch(() => undefined);
    }
  }

  fs.writeFileSync(outputPath('timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`timings: ${path.relative(repoPath(), outputPath('timings.json'))}`);
  console.log(`${selected.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) console.log(`Failed: ${failed.join('; ')}`);
  return failed.length > 0 ? 1 : 0;
}

main()
  .catch((err: unknown) => {
    console.error(`e2e: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
