import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';
import {
  CN_SECTION_VERBS,
  DEADLINE_LABELS,
  HEADER_KEYS,
  ITEM_PREFIXES,
  OWNER_LABELS,
  STATUS_LABELS,
} from '../../server/src/core/vocabulary';
import { classify, headingKind } from '../../server/src/core/reader/cues';
import { repoPath, repoRoot } from '../util/paths';

const GRAMMAR = repoPath('syntaxes', 'minutes.tmLanguage.json');
const FIXTURE_DIR = repoPath('test', 'grammar');
const FIXTURES = fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.minutes'));

/** Runs vscode-tmgrammar-test from the repository root, as `npm run test:grammar` does. */
function runTool(args: string[]): { status: number | null; output: string } {
  const pkgFile = require.resolve('vscode-tmgrammar-test/package.json');
  const bin = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { bin: Record<string, string> }).bin;
  const cli = path.join(path.dirname(pkgFile), bin['vscode-tmgrammar-test']);
  const r = spawnSync(process.execPath, [cli, '--compact', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-grammar-'));
}

describe('grammar fixtures (vscode-tmgrammar-test)', () => {
  it('has Chinese and English fixtures', () => {
    assert.ok(FIXTURES.includes('chinese.minutes') && FIXTURES.includes('english.minutes'), FIXTURES.join());
  });

  it('passes every scope assertion, with the grammar the manifest contributes', () => {
    const { status, output } = runTool(['test/grammar/*.minutes']);
    assert.strictEqual(status, 0, output);
    for (const f of FIXTURES) assert.ok(output.includes(f), `${f} was not run:\n${output}`);
  });

  it('fails when an assertion does not hold', () => {
    const dir = tempDir();
    try {
      const text = fs.readFileSync(path.join(FIXTURE_DIR, 'english.minutes'), 'utf8');
      const wrong = text.replace('keyword.other.item-kind.minutes', 'keyword.other.no-such-scope.minutes');
      assert.notStrictEqual(wrong, text);
      fs.writeFileSync(path.join(dir, 'wrong.minutes'), wrong);
      const { status, output } = runTool([path.join(dir, 'wrong.minutes')]);
      assert.notStrictEqual(status, 0, output);
      assert.match(output, /no-such-scope/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when the grammar does not compile', () => {
    const dir = tempDir();
    try {
      const grammar = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')) as { repository: Record<string, object> };
      grammar.repository.mention = { match: '(@', name: 'entity.name.type.owner.minutes' };
      fs.writeFileSync(path.join(dir, 'broken.tmLanguage.json'), JSON.stringify(grammar));
      const manifest = {
        contributes: { grammars: [{ scopeName: 'text.minutes', path: './broken.tmLanguage.json' }] },
      };
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
      const { status, output } = runTool([
        '--config',
        path.join(dir, 'package.json'),
        'test/grammar/*.minutes',
      ]);
      assert.notStrictEqual(status, 0, output);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('grammar patterns', () => {
  let grammar: tm.IGrammar;
  /** The state after a title line, so that tokenized lines are not taken for the title. */
  let afterTitle: tm.StackElement;

  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async () => tm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR),
    });
    const loaded = await registry.loadGrammar('text.minutes');
    assert.ok(loaded, 'grammar text.minutes did not load');
    grammar = loaded;
    afterTitle = grammar.tokenizeLine('Title', tm.INITIAL).ruleStack;
  });

  /** Asserts that `line` (not the first of its document) has one token exactly covering `part` with `scope`. */
  function assertScoped(line: string, part: string, scope: string): void {
    const start = line.indexOf(part);
    assert.ok(start >= 0, `${part} not in ${line}`);
    const { tokens } = grammar.tokenizeLine(line, afterTitle);
    const token = tokens.find((t) => t.startIndex === start && t.endIndex === start + part.length);
    const found = tokens
      .map((t) => `${line.slice(t.startIndex, t.endIndex)}: ${t.scopes.join(' ')}`)
      .join('\n');
    assert.ok(token?.scopes.includes(scope), `expected ${part} in «${line}» to be ${scope}; got\n${found}`);
  }

  it('gives no match or begin pattern a way to match the empty string', () => {
    const regexes: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          // A region may open, empty, at the start of the document (`\A(?=…)`): it cannot repeat.
          const documentStart = key === 'begin' && typeof value === 'string' && value.startsWith('\\A(?=');
          if ((key === 'match' || key === 'begin') && typeof value === 'string' && !documentStart)
            regexes.push(value);
          else collect(value);
        }
      }
    };
    collect(JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')));
    assert.ok(regexes.length > 20, `only ${regexes.length} patterns found`);
    const lines = [
      ...FIXTURES.flatMap((f) => fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8').split('\n')),
      ...fs.readFileSync(repoPath('examples', 'industrial-park-minutes.txt'), 'utf8').split('\n'),
      '',
      '   ',
      '@',
      '一、',
      '- ',
      'Owner:',
      'by ',
    ];
    for (const re of regexes) {
      const scanner = new oniguruma.OnigScanner([re]);
      for (const line of lines) {
        const text = `${line}\n`; // vscode-textmate scans each line with its newline
        for (let pos = 0; pos <= text.length;) {
          const m = scanner.findNextMatchSync(text, pos);
          if (!m) break;
          const whole = m.captureIndices[0];
          assert.ok(whole.length > 0, `/${re}/ matches the empty string at ${whole.start} of «${line}»`);
          pos = whole.end;
        }
      }
    }
  });

  it('scopes every header key of the vocabulary', () => {
    for (const key of Object.values(HEADER_KEYS).flat()) {
      assertScoped(`${key}：2024年6月3日`, key, 'entity.name.tag.header-key.minutes');
      assertScoped(`- **${key}:** 张三`, key, 'entity.name.tag.header-key.minutes');
      assertScoped(`${key}: 2024-06-03`, '2024-06-03', 'constant.numeric.date.minutes');
    }
  });

  it('scopes every section verb, after an ordinal and alone, and the reader reads it as a lead', () => {
    for (const [verb, kind] of CN_SECTION_VERBS) {
      const sentence = `会议${verb}，园区建设进展顺利。`;
      const lead = classify(sentence, { start: 0, end: sentence.length }).lead;
      assert.ok(lead, `the reader takes no lead in «${sentence}»`);
      assert.strictEqual(lead.kind === 'none' ? 'finding' : lead.kind, kind, sentence);
      assertScoped(`十二、会议${verb}，园区建设要加快。`, `会议${verb}`, 'keyword.control.section.minutes');
      assertScoped(`会上${verb}，园区建设要加快。`, `会上${verb}`, 'keyword.control.section.minutes');
      assertScoped(
        `已研究。会议经认真研究，一致${verb}：`,
        `会议经认真研究，一致${verb}`,
        'keyword.control.section.minutes',
      );
    }
    assertScoped('十二、会议认为，', '十二', 'constant.numeric.ordinal.minutes');
  });

  it('scopes lines that name a section by themselves', () => {
    const titles = [
      '议定事项',
      '会议决定事项',
      '工作要求',
      '下一步工作',
      '主要内容',
      'Decisions',
      'Resolutions',
    ];
    titles.push('Action items', 'Next steps', 'Follow-ups', 'Discussion', 'Matters arising', 'To-dos');
    for (const title of titles) {
      const known = headingKind(title);
      assert.ok(known.kind !== 'other' || !known.items, `${title} is no section title of the reader`);
      assertScoped(title, title, 'markup.heading.section.minutes');
      assertScoped(`${title}：`, title, 'markup.heading.section.minutes');
    }
  });

  it('scopes every item prefix, owner, deadline and status label of the vocabulary', () => {
    for (const [prefix] of ITEM_PREFIXES)
      assertScoped(`- ${prefix}：内容`, prefix, 'keyword.other.item-kind.minutes');
    for (const { label } of OWNER_LABELS) {
      assertScoped(`完善方案，${label}：县财政局。`, label, 'keyword.other.owner.minutes');
      assertScoped(`完善方案，${label}：县财政局。`, '县财政局', 'entity.name.type.owner.minutes');
    }
    for (const label of DEADLINE_LABELS) {
      assertScoped(`完善方案，${label}：2024年6月30日前`, label, 'keyword.other.deadline.minutes');
    }
    for (const label of STATUS_LABELS)
      assertScoped(`完善方案，${label}：已完成`, label, 'keyword.other.status.minutes');
  });

  it('scopes owners and deadlines as English notes write them', () => {
    assertScoped(
      '- [ ] Dana Holt to send the draft by Friday',
      'Dana Holt',
      'entity.name.type.owner.minutes',
    );
    assertScoped('- [ ] Dana Holt to send the draft by Friday', '[ ]', 'markup.checkbox.unchecked.minutes');
    assertScoped('Lee & Sam will review the PR EOW', 'Lee & Sam', 'entity.name.type.owner.minutes');
    assertScoped('Lee & Sam will review the PR EOW', 'EOW', 'constant.numeric.date.minutes');
    assertScoped('* @kim to renew the certificate (due 3/15)', '@kim', 'entity.name.type.owner.minutes');
    assertScoped('* @kim to renew the certificate (due 3/15)', 'due 3/15', 'constant.numeric.date.minutes');
    assertScoped(
      '- Ben to book the room by next meeting',
      'by next meeting',
      'constant.numeric.date.minutes',
    );
    const { tokens } = grammar.tokenizeLine('The meeting will be held on Monday.', afterTitle);
    assert.ok(!tokens.some((t) => t.scopes.includes('entity.name.type.owner.minutes')), 'The is no owner');
  });

  it('scopes the sections and items of the example minutes', () => {
    const lines = fs.readFileSync(repoPath('examples', 'industrial-park-minutes.txt'), 'utf8').split('\n');
    let state = tm.INITIAL;
    const sections: string[] = [];
    const labels: string[] = [];
    for (const line of lines) {
      const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
      state = ruleStack;
      for (const t of tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        if (t.scopes.includes('keyword.control.section.minutes')) sections.push(text);
        if (t.scopes.includes('constant.numeric.item-label.minutes')) labels.push(text);
      }
    }
    assert.deepStrictEqual(sections, [
      '会议认为',
      '会议指出',
      '会议指出',
      '会议决定',
      '会议强调',
      '会议要求',
      '会议强调',
    ]);
    assert.deepStrictEqual(labels, ['一', '二', '三', '四', '五']);
  });

  it('tokenizes long adversarial lines in linear time', () => {
    const n = 40_000;
    const lines = [
      '会'.repeat(n),
      `Owner: ${' '.repeat(n)}x`,
      `责任单位：${'县'.repeat(n)}`,
      '@'.repeat(n),
      `@a${'-'.repeat(n)}`,
      '2'.repeat(n),
      '×'.repeat(n),
      '○'.repeat(n),
      `${' '.repeat(n)}Decisions x`,
      '，一是'.repeat(n / 3),
      'June '.repeat(n / 5),
      '会议'.repeat(n / 2),
      '每月'.repeat(n / 2),
      `@${'a.'.repeat(n / 2)}`,
      '**'.repeat(n / 2),
      `Owner: ${'x'.repeat(n)}`,
    ];
    for (const line of lines) {
      const started = process.hrtime.bigint();
      grammar.tokenizeLine(line, afterTitle);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Linear patterns take well under a second here; a quadratic one takes minutes.
      assert.ok(ms < 3000, `${line.slice(0, 12)}… took ${ms.toFixed(0)} ms`);
    }
  });
});
