/**
 * Runs the in-extension-host suite with `@vscode/test-electron`, which downloads VS Code (not possible on
 * machines without internet access; there, `npm run test:extension` runs the same suite in code-server).
 *
 *   npm run build && tsc -p . && node out/test/extension/runTest.js
 */
import { runTests } from '@vscode/test-electron';
import { repoPath, repoRoot } from '../util/paths';
import { cleanup } from '../e2e/cleanup';
import { makeWorkspace } from '../e2e/workspace';

async function main(): Promise<void> {
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: repoPath('out', 'test', 'extension', 'index.js'),
      launchArgs: [makeWorkspace(), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    await cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(`extension tests failed: ${String(err)}`);
  process.exitCode = 1;
});
