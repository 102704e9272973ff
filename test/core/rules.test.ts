import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../../server/src/core';
import { listFiles, readFixture, serviceFor } from '../util/fixtures';
import { repoPath } from '../util/paths';

const root = repoPath('test', 'fixtures', 'rules');

describe('rules: fixtures with inline expectations', () => {
  it('has a fixture folder for every rule, and no folder without a rule', () => {
    const folders = fs.readdirSync(root).sort();
    assert.deepStrictEqual(folders, rules.map((r) => r.id).sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const files = fs.existsSync(path.join(root, rule.id)) ? listFiles(path.join(root, rule.id)) : [];
      it('fires somewhere and stays quiet somewhere in its fixtures', () => {
        const all = files.map((f) => readFixture(f));
        assert.ok(
          all.some((f) => f.expected.some((e) => e.rule === rule.id)),
          'no fixture expects it to fire',
        );
      });
      // The files of a rule's folder are checked together, as one workspace.
      const workspace = files.map((file) => {
        const { config } = readFixture(file);
        const service = serviceFor(file, config);
        return service.ledgerDocument(service.parse(readFixture(file).text), path.basename(file));
      });
      for (const file of files) {
        it(path.basename(file), () => {
          const { text, expected, config } = readFixture(file);
          const service = serviceFor(file, config);
          const actual = service
            .validate(service.parse(text), { file: path.basename(file), documents: workspace })
            .filter((d) => d.code === rule.id)
            .map((d) => ({ line: d.range.start.line, rule: String(d.code) }));
          const key = (e: { line: number; rule: string }): string => `${e.line + 1}:${e.rule}`;
          assert.deepStrictEqual(
            actual.map(key).sort(),
            expected
              .filter((e) => e.rule === rule.id)
              .map(key)
              .sort(),
          );
        });
      }
    });
  }
});
