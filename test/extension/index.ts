/**
 * The in-extension-host test suite: VS Code loads this module (extensionTestsPath) and awaits `run()`.
 * Run by test/e2e/extensionTests.ts inside code-server (`npm run test:extension`), or by runTest.ts with
 * `@vscode/test-electron` where VS Code can be downloaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { format } from 'util';

export function run(): Promise<void> {
  // The workbench forwards the extension host's console without applying format strings: apply them here.
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => console.log(format(...data));
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
  });
}
