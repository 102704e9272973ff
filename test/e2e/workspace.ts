/** The workspace and editor profile that the real-editor tests open: copies of the examples. */
import * as fs from 'fs';
import * as path from 'path';
import { parseUnitsRegistry } from '../../server/src/core/units';
import { repoPath } from '../util/paths';
import { tempDir } from './cleanup';

/**
 * The industrial-park minutes as written (examples/industrial-park-minutes.txt, which has decisions without
 * owners or deadlines, vague owners and placeholders), under a `.minutes` name.
 */
export const DRAFT_FILE = 'industrial-park-minutes.minutes';
/** The tidied industrial-park minutes of examples/ (the draft again when examples/ has none). */
export const EXAMPLE_FILE = 'industrial-park.minutes';
export const UNITS_FILE = 'minutes-units.yaml';

/**
 * A fresh workspace holding the examples: every minutes (`.minutes`, `.minutes.md`), units registry
 * (`.yaml`/`.yml`) and `.minutesrc*` file of `examples/`, plus the draft (see DRAFT_FILE), and the example
 * (see EXAMPLE_FILE). `extraFiles` are written beside them.
 */
export function makeWorkspace(extraFiles: Record<string, string> = {}): string {
  const dir = tempDir('workspace');
  const examples = repoPath('examples');
  for (const name of fs.readdirSync(examples)) {
    if (/\.(minutes|minutes\.md|ya?ml)$/.test(name) || name.startsWith('.minutesrc')) {
      fs.copyFileSync(path.join(examples, name), path.join(dir, name));
    }
  }
  const draft = path.join(examples, 'industrial-park-minutes.txt');
  fs.copyFileSync(draft, path.join(dir, DRAFT_FILE));
  if (!fs.existsSync(path.join(dir, EXAMPLE_FILE))) fs.copyFileSync(draft, path.join(dir, EXAMPLE_FILE));
  for (const [name, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The three successive meetings of test/fixtures/ledger/zh, named `ledger-<date>.minutes`, for the ledger tab. */
export function ledgerFiles(): Record<string, string> {
  const dir = repoPath('test', 'fixtures', 'ledger', 'zh');
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [`ledger-${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/** The unit names (canonical names, not aliases) of the examples' units registry. */
export function exampleUnits(): string[] {
  const file = repoPath('examples', UNITS_FILE);
  if (!fs.existsSync(file))
    throw new Error(`examples/${UNITS_FILE} is missing: the completion checks need a units registry`);
  const { registry } = parseUnitsRegistry(fs.readFileSync(file, 'utf8'));
  if (!registry || registry.units.length === 0) throw new Error(`examples/${UNITS_FILE} holds no units`);
  return registry.units.map((u) => u.name);
}

/** 1-based number of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  const index = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${path.basename(file)} has no line with “${text}”`);
  return index + 1;
}

export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  // The web workbench saves after a delay by default; the scenarios revert their edits instead.
  'files.autoSave': 'off',
};

/** A fresh editor user-data-dir whose user settings are the base settings plus `settings`. */
export function makeUserDataDir(settings: Record<string, unknown>): string {
  const dir = tempDir('user-data');
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2),
  );
  return dir;
}
