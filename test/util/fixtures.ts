import * as fs from 'fs';
import * as path from 'path';
import {
  createMinutesService,
  parseUnitsRegistry,
  type MinutesConfig,
  type MinutesService,
} from '../../server/src/core';

/** One expected diagnostic: a rule id on a 0-based line. */
export interface Expectation {
  line: number;
  rule: string;
}

const EXPECT = /^<!--\s*expect:\s*([\w\s,-]+?)\s*-->\s*$/;
const CONFIG = /^<!--\s*config:\s*(\{.*\})\s*-->\s*$/;

/**
 * Reads a fixture: `<!-- expect: rule-a, rule-b -->` on its own line expects those diagnostics to start
 * on the nearest line above that is not a marker; `<!-- config: {…} -->` sets the service config.
 */
export function readFixture(file: string): { text: string; expected: Expectation[]; config: MinutesConfig } {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const expected: Expectation[] = [];
  let config: MinutesConfig = {};
  let target = -1;
  lines.forEach((line, i) => {
    const e = EXPECT.exec(line);
    const c = CONFIG.exec(line);
    if (e) {
      for (const rule of e[1]
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean))
        expected.push({ line: target, rule });
    } else if (c) {
      config = JSON.parse(c[1]) as MinutesConfig;
    } else {
      target = i;
    }
  });
  return { text, expected, config };
}

/** A service for a fixture: its folder's `minutes-units.yaml`, if any, is the registry. */
export function serviceFor(
  file: string,
  config: MinutesConfig,
  locale: 'en' | 'zh-CN' = 'en',
): MinutesService {
  const registryFile = path.join(path.dirname(file), 'minutes-units.yaml');
  const units = fs.existsSync(registryFile)
    ? parseUnitsRegistry(fs.readFileSync(registryFile, 'utf8')).registry
    : null;
  return createMinutesService({ units, config, locale });
}

export function listFiles(dir: string, ext = /\.minutes(\.md)?$/): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? listFiles(path.join(dir, e.name), ext)
        : ext.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}
