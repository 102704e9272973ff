import * as assert from 'assert';
import * as fs from 'fs';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import * as path from 'path';
import { createMinutesService, ruleIds, SEVERITIES } from '../server/src/core';
import { repoPath } from './util/paths';

type Json = Record<string, unknown>;

function readJson<T = Json>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(repoPath(...parts), 'utf8')) as T;
}

interface Command {
  command: string;
  title?: string;
  category?: string;
  icon?: string;
}

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  l10n: string;
  contributes: {
    languages: { id: string; extensions: string[]; filenamePatterns: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    configuration: { title: string; properties: Record<string, Json> };
    commands: Command[];
    menus: Record<string, MenuEntry[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    configurationDefaults: Record<string, Json>;
  };
}

const manifestText = fs.readFileSync(repoPath('package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const contributes = manifest.contributes;
const nls: Record<string, Record<string, string>> = {
  'package.nls.json': readJson('package.nls.json'),
  'package.nls.zh-cn.json': readJson('package.nls.zh-cn.json'),
};

describe('extension manifest', () => {
  it('names only %keys% that both localisation files define, and every key they define is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 30, `only ${used.size} localised strings`);
    for (const [file, strings] of Object.entries(nls)) {
      for (const key of used) assert.ok(strings[key]?.trim(), `${file} lacks "${key}"`);
      for (const key of Object.keys(strings)) assert.ok(used.has(key), `${file} has unused "${key}"`);
    }
  });

  it('gives every contributed command a localised title and category', () => {
    assert.ok(contributes.commands.length >= 10);
    for (const c of contributes.commands) {
      assert.match(c.command, /^minutes\.[a-zA-Z]+$/);
      assert.match(c.title ?? '', /^%command\.[a-zA-Z]+\.title%$/, `${c.command} has no localised title`);
      assert.strictEqual(c.category, '%command.category%', `${c.command} has no category`);
    }
  });

  it('puts only contributed commands in menus, with icons where they show in the view title', () => {
    const byId = new Map(contributes.commands.map((c) => [c.command, c]));
    for (const [menu, entries] of Object.entries(contributes.menus)) {
      for (const entry of entries) {
        const command = byId.get(entry.command);
        assert.ok(command, `${menu} names ${entry.command}, which is not contributed`);
        if (menu === 'view/title' && entry.group?.startsWith('navigation'))
          assert.ok(command.icon, entry.command);
        if (entry.group === 'inline') assert.ok(command.icon, entry.command);
      }
    }
    const hidden = contributes.menus.commandPalette.filter((e) => e.when === 'false').map((e) => e.command);
    assert.deepStrictEqual(hidden.sort(), ['minutes.markDone', 'minutes.openItem']);
  });

  it('lists the severity of exactly the core’s rules in minutes.rules', () => {
    const rules = contributes.configuration.properties['minutes.rules'] as {
      properties: Record<string, { enum: string[]; markdownDescription: string }>;
      additionalProperties: boolean;
    };
    assert.deepStrictEqual(Object.keys(rules.properties), [...ruleIds]);
    for (const [id, schema] of Object.entries(rules.properties)) {
      assert.deepStrictEqual(schema.enum, [...SEVERITIES], id);
      assert.strictEqual(schema.markdownDescription, `%config.rules.${id}%`);
    }
    assert.strictEqual(rules.additionalProperties, false);
  });

  it('describes every setting, with the server’s defaults', () => {
    const props = contributes.configuration.properties;
    for (const [key, schema] of Object.entries(props)) {
      assert.match(String(schema.markdownDescription), /^%config\.[\w.-]+%$/, `${key} has no description`);
    }
    assert.deepStrictEqual(props['minutes.units.paths'].default, ['minutes-units.yaml']);
    assert.strictEqual(props['minutes.validation.debounce'].default, 150);
    assert.strictEqual(props['minutes.validation.maxFileSize'].default, 4 * 1024 * 1024);
    assert.strictEqual(props['minutes.today'].default, null);
    // An untrusted workspace may neither point at registry files nor raise the size limit.
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'minutes.units.paths',
      'minutes.validation.maxFileSize',
    ]);
  });

  it('points at files that exist', () => {
    const files = [
      ...contributes.languages.map((l) => l.configuration),
      ...contributes.grammars.map((g) => g.path),
      ...contributes.snippets.map((s) => s.path),
      ...contributes.viewsContainers.activitybar.map((c) => c.icon),
      manifest.l10n,
    ];
    for (const file of files) assert.ok(fs.existsSync(repoPath(file)), `${file} does not exist`);
    const svg = fs.readFileSync(repoPath(contributes.viewsContainers.activitybar[0].icon), 'utf8');
    assert.match(svg, /viewBox="0 0 24 24"/);
    assert.match(svg, /currentColor/);
  });

  it('contributes the minutes language, its view and its activation', () => {
    const [language] = contributes.languages;
    assert.deepStrictEqual(
      [language.id, language.extensions, language.filenamePatterns],
      ['minutes', ['.minutes'], ['*.minutes.md']],
    );
    assert.strictEqual(contributes.grammars[0].scopeName, 'text.minutes');
    assert.deepStrictEqual(
      contributes.views.minutes.map((v) => v.id),
      ['minutes.items'],
    );
    assert.deepStrictEqual(
      contributes.viewsWelcome.map((w) => w.view),
      ['minutes.items'],
    );
    // Minutes are prose: long lines wrap, and full-width punctuation （，：） is not boxed as look-alike.
    assert.deepStrictEqual(contributes.configurationDefaults['[minutes]'], {
      'editor.wordWrap': 'on',
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.unicodeHighlight.invisibleCharacters': false,
    });
    for (const event of ['onLanguage:minutes', 'workspaceContains:**/*.minutes', 'onView:minutes.items']) {
      assert.ok(manifest.activationEvents.includes(event), event);
    }
  });
});

describe('runtime localisation bundles', () => {
  const en = readJson<Record<string, string>>('l10n', 'bundle.l10n.json');
  const zh = readJson<Record<string, string>>('l10n', 'bundle.l10n.zh-cn.json');
  const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

  it('translates every English string, keeping its {n} placeholders', () => {
    assert.deepStrictEqual(Object.keys(zh), Object.keys(en));
    for (const [key, value] of Object.entries(en)) {
      assert.strictEqual(value, key);
      assert.ok(zh[key].trim(), key);
      assert.deepStrictEqual(placeholders(zh[key]), placeholders(key), key);
    }
  });

  it('holds every literal string the client localises', () => {
    const dir = repoPath('client', 'src');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const [, literal] of source.matchAll(/\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g)) {
        assert.ok(literal in en, `${file}: "${literal}" is not in l10n/bundle.l10n.json`);
      }
    }
  });
});

describe('language configuration', () => {
  const config = readJson<{
    wordPattern: { pattern: string; flags: string };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: [string, string][];
    folding: { markers: { start: string; end: string } };
    onEnterRules: { beforeText: string; action: { appendText: string } }[];
  }>('language-configuration.json');

  it('keeps @units and hyphenated names whole as words', () => {
    const word = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
    const words = (s: string) => s.match(word);
    assert.deepStrictEqual(words('请 @县财政局 牵头'), ['请', '@县财政局', '牵头']);
    assert.deepStrictEqual(words('Owner: @Finance-Team, @ops_lead.'), [
      'Owner',
      '@Finance-Team',
      '@ops_lead',
    ]);
    assert.deepStrictEqual(words('Due: 2024-06-30'), ['Due', '2024-06-30']);
  });

  it('pairs Chinese and ASCII brackets and quotes', () => {
    const pairs = ['【】', '（）', '“”', '‘’', '《》', '「」', '[]', '()', '{}'];
    const closing = config.autoClosingPairs.map((p) => p.open + p.close);
    const surrounding = config.surroundingPairs.map((p) => p.join(''));
    for (const pair of pairs) {
      assert.ok(closing.includes(pair), `auto-closing ${pair}`);
      assert.ok(surrounding.includes(pair), `surrounding ${pair}`);
    }
    for (const [open, close] of config.brackets) assert.ok(closing.includes(open + close), open + close);
  });

  it('folds <!-- #region --> blocks', () => {
    assert.match('<!-- #region 附件 -->', new RegExp(config.folding.markers.start));
    assert.match('  <!-- #endregion -->', new RegExp(config.folding.markers.end));
    assert.doesNotMatch('<!-- #endregion -->', new RegExp(config.folding.markers.start));
  });

  it('continues lists and task lists on Enter', () => {
    const appended = (line: string) =>
      config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line))?.action.appendText;
    assert.strictEqual(appended('- 编制方案'), '- ');
    assert.strictEqual(appended('  * item'), '* ');
    assert.strictEqual(appended('- [ ] 编制方案 @县工信局'), '- [ ] ');
    assert.strictEqual(appended('- [x] Book the room'), '- [ ] ');
    assert.strictEqual(appended('一是加强组织领导。'), undefined);
  });
});

describe('snippets', () => {
  interface Snippet {
    prefix: string | string[];
    body: string | string[];
    description: string;
    isFileTemplate?: boolean;
  }
  // VS Code reads snippet files as JSON with comments, and so does the client for its file templates.
  const errors: ParseError[] = [];
  const snippets = parseJsonc(fs.readFileSync(repoPath(contributes.snippets[0].path), 'utf8'), errors, {
    allowTrailingComma: true,
  }) as Record<string, Snippet>;
  const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
  const chinese = /[\u4e00-\u9fff]/;
  const variables: Record<string, string> = { CURRENT_YEAR: '2024', CURRENT_MONTH: '06', CURRENT_DATE: '03' };

  /** The text a snippet inserts when every tabstop keeps its default (or first choice). */
  function expand(body: string): string {
    let text = body.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => variables[name]);
    for (let previous = ''; previous !== text;) {
      previous = text;
      text = text
        .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\d+/g, '');
    }
    return text;
  }

  const service = createMinutesService({ locale: 'en', config: { today: '2024-06-03' } });
  const hosts = {
    zh: '纪要\n\n时间：2024年6月3日\n主持：张三\n出席：@县财政局、@县工信局\n\n一、会议决定\n\n',
    en: 'Minutes\n\nDate: 2024-06-03\nChair: Jane Smith\nPresent: Tom Lee\n\n## Action items\n\n',
  };
  /** What some snippets follow: they complete an item rather than start one. */
  const leadIns: Record<string, string> = {
    'Owner and deadline (责任单位和时限)': '一是落实建设方案，',
    'Owner and deadline': '- Publish the figures. ',
    'Status (状态)': '一是编制方案，牵头单位：@县工信局；时限：2024年6月30日前；',
    Status: '- Tom to book the room. Due: 2024-06-30. ',
  };

  it('are complete snippets with prefixes and descriptions', () => {
    assert.deepStrictEqual(errors, []);
    assert.ok(Object.keys(snippets).length >= 10);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok([s.prefix].flat().length > 0 && [s.prefix].flat().every((p) => p.trim()), name);
      assert.ok(s.description.trim(), name);
      assert.ok(bodyOf(s).includes('$0') || /\$\{?1/.test(bodyOf(s)), `${name} has no tabstop`);
    }
    for (const prefix of ['jiyao', '纪要', '决定', 'decision', '待办', 'action', 'minutes', 'motion']) {
      assert.ok(
        Object.values(snippets).some((s) => [s.prefix].flat().includes(prefix)),
        `no snippet for ${prefix}`,
      );
    }
  });

  it('hold one Chinese and one English file template', () => {
    const templates = Object.values(snippets).filter((s) => s.isFileTemplate);
    assert.deepStrictEqual(
      templates.map((s) => chinese.test(bodyOf(s))),
      [true, false],
    );
  });

  it('expand to minutes whose only problems are the placeholders left to fill', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = expand(bodyOf(s));
      const text = s.isFileTemplate
        ? body
        : `${chinese.test(body) ? hosts.zh : hosts.en}${leadIns[name] ?? ''}${body}\n`;
      const doc = service.parse(text);
      const problems = service
        .validate(doc)
        .filter((d) => (d.data as { rule: string }).rule !== 'placeholder')
        .map((d) => d.message);
      assert.deepStrictEqual(problems, [], `${name}:\n${text}`);
      assert.ok(doc.items.length > 0, `${name} gives no item:\n${text}`);
      const item = doc.items[doc.items.length - 1];
      if (item.accountable && !item.resolution) {
        assert.ok(item.owners.length > 0 && item.deadline?.date, `${name}: ${item.text}`);
      }
    }
  });

  it('mark the status chosen first as done', () => {
    for (const name of ['Status (状态)', 'Status']) {
      const doc = service.parse(`${hosts.zh}${leadIns[name]}${expand(bodyOf(snippets[name]))}\n`);
      assert.strictEqual(doc.items[doc.items.length - 1].status, 'done', name);
    }
  });
});
