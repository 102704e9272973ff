import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoPath } from './paths';

/**
 * Compares `actual` with the golden file `test/snapshots/<name>`. Run with `UPDATE_SNAPSHOTS=1` to
 * (re)write the golden files; a missing golden file fails the test unless updating.
 */
export function matchSnapshot(name: string, actual: string): void {
  const file = repoPath('test', 'snapshots', name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing snapshot ${name}; run with UPDATE_SNAPSHOTS=1 to create it`);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs`);
}
