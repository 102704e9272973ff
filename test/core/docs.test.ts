import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createMinutesService, rules } from '../../server/src/core';
import { listFiles, readFixture } from '../util/fixtures';
import { repoPath } from '../util/paths';
import { matchSnapshot } from '../util/snapshot';

/** docs/rules.md, generated from the rule list and the rules' fixtures. */
function rulesDoc(): string {
  const parts = [
    '# Rules',
    '',
    '<!-- Generated from server/src/core/rules and test/fixtures/rules by test/core/docs.test.ts;',
    '     regenerate with `npm run build && npx tsc -p . && UPDATE_SNAPSHOTS=1 npx mocha out/test/core/docs.test.js`. -->',
    '',
    'Every rule has a stable id, used in settings (`minutes.rules`), the workspace config file',
    '(`.minutesrc.json` / `.minutesrc.yaml`), suppression comments (`<!-- minutes-disable-next-line id -->`) and',
    'the output of `minutes check`. Severities: `off`, `hint`, `information`, `warning`, `error`.',
    '',
    '| id | default | what it reports |',
    '| --- | --- | --- |',
    ...rules.map(
      (r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${r.description.en.replace(/\|/g, '\\|')} |`,
    ),
    '',
  ];
  for (const rule of rules) {
    parts.push(
      `## ${rule.id}`,
      '',
      `Default severity: **${rule.defaultSeverity}**.`,
      '',
      rule.description.en,
      '',
      rule.description['zh-CN'],
      '',
    );
    const files = listFiles(repoPath('test', 'fixtures', 'rules', rule.id));
    const examples: string[] = [];
    for (const file of files) {
      const { text, expected } = readFixture(file);
      const lines = text.split(/\r?\n/);
      for (const e of expected.filter((x) => x.rule === rule.id)) examples.push(lines[e.line]);
    }
    if (examples.length > 0) {
      parts.push('Reported on, for example:', '', '```', ...[...new Set(examples)].slice(0, 4), '```', '');
    }
  }
  return parts.join('\n');
}

describe('documentation', () => {
  it('docs/rules.md is generated from the rule list', () => {
    const doc = rulesDoc();
    if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(repoPath('docs', 'rules.md'), doc);
    assert.strictEqual(fs.readFileSync(repoPath('docs', 'rules.md'), 'utf8'), doc, 'docs/rules.md is stale');
    matchSnapshot('core/rule-ids.txt', `${rules.map((r) => r.id).join('\n')}\n`);
  });

  it('README names every rule', () => {
    const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
    for (const rule of rules)
      assert.ok(readme.includes(`\`${rule.id}\``), `README does not mention ${rule.id}`);
  });

  it('the deadline table in docs/markup.md holds', () => {
    const markup = fs.readFileSync(repoPath('docs', 'markup.md'), 'utf8');
    const section = markup.slice(
      markup.search(/\|\s*written\s*\|\s*resolves to/),
      markup.indexOf('Vague deadlines'),
    );
    const meeting = /meeting (\d{4}-\d{2}-\d{2})/.exec(section)![1];
    const service = createMinutesService();
    const rows = section
      .split('\n')
      .slice(2)
      .filter((l) => l.startsWith('|'));
    assert.ok(rows.length >= 10);
    for (const row of rows) {
      const [written, expected] = row.split('|').slice(1, 3);
      const exprs = [...written.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const dates = expected.split(',').map((d) => d.trim());
      exprs.forEach((expr, i) => {
        const want = dates.length === exprs.length ? dates[i] : dates[0];
        const doc = service.parse(
          `# t\n时间：${meeting}\n\n## Action items\n- [ ] 由县财政局负责。时限：${expr}\n`,
        );
        const d = doc.items[0]?.deadline;
        assert.strictEqual(d?.date, want, `${expr}: got ${JSON.stringify(d)}`);
      });
    }
  });

  it('every example file is described by the README', () => {
    const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
    for (const f of fs.readdirSync(repoPath('examples')))
      assert.ok(readme.includes(f), `README does not mention examples/${f}`);
    assert.ok(path.isAbsolute(repoPath()));
  });
});
