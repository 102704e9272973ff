/**
 * Hostile workspace content: units registries of the wrong shape, with duplicates, cycles, aliases bombs or
 * 50,000 units; minutes files that are binary, too large, dangling links, pipes or directories; registry
 * paths that name devices. The server says what is wrong, keeps the last good registry, and never hangs.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CompletionRequest,
  DiagnosticSeverity,
  FileChangeType,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver-protocol';
import { MAX_UNIT_COMPLETIONS } from '../../server/src/core/api';
import { exportRequest, markDoneRequest } from '../../server/src/protocol';
import { fixture, positionOf, TestClient, tempWorkspace, uriOf, writeFile } from '../lsp/client';
import { repoPath } from '../util/paths';

const today = '2024-04-15';
const good = 'units:\n  - name: 弥渡县财政局\n    aliases: [县财政局]\n  - 县发改局\n';
const text =
  '# 纪要\n时间：2024年3月1日\n主持：张三\n出席：县财政局\n\n会议决定，由@县财政局负责，6月底前完成。@\n';

function labels(answer: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
  return items.map((i) => i.label);
}

describe('robustness: hostile units registries', function () {
  this.timeout(60000);
  let client: TestClient;
  let root: string;
  let registry: string;
  const uri = () => uriOf(path.join(root, 'a.minutes'));

  beforeEach(async () => {
    root = tempWorkspace({ 'minutes-units.yaml': good });
    registry = path.join(root, 'minutes-units.yaml');
    client = await TestClient.start({ folders: [root], settings: { today } });
    await client.open(uri(), text);
    await client.diagnosticsFor(uri());
  });

  afterEach(() => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const completeAfterAt = async (): Promise<string[]> =>
    labels(
      await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: uri() },
        position: positionOf(text, '完成。@', 4),
      }),
    );

  /**
   * Writes the registry and tells the server; answers the diagnostics it publishes on the registry, once the
   * open document has been checked again with the outcome.
   */
  async function replaceRegistry(content: string) {
    fs.writeFileSync(registry, content);
    const published = client.next('diagnostics', (p) => p.uri === uriOf(registry));
    const rechecked = client.next('diagnostics', (p) => p.uri === uri());
    await client.fileChanged(registry);
    const [params] = await published;
    await rechecked;
    return params.diagnostics;
  }

  const wrongShapes: [string, string][] = [
    ['a scalar', 'just some text\n'],
    ['units that are a number', 'units: 42\n'],
    ['a map without units', 'departments:\n  - 县财政局\n'],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nunits: *b\n`],
  ];
  for (const [what, content] of wrongShapes) {
    it(`shows an error on a registry that is ${what}, and keeps offering the last good units`, async () => {
      assert.deepStrictEqual((await completeAfterAt()).sort(), ['县发改局', '县财政局', '弥渡县财政局']);
      const problems = await replaceRegistry(content);
      assert.ok(problems.length > 0, 'a diagnostic on the registry file');
      assert.ok(problems.every((d) => d.severity === DiagnosticSeverity.Error));
      assert.deepStrictEqual((await completeAfterAt()).sort(), ['县发改局', '县财政局', '弥渡县财政局']);
      assert.ok(client.recorded.log.some(([l]) => /keeping the last good version/.test(l.message)));
    });
  }

  it('does not read a registry larger than 4 MB: an error on the file, the last good units kept', async () => {
    const units = Array.from({ length: 90000 }, (_, i) => `  - name: 过大名录中的测试单位第${i}号\n`);
    const started = Date.now();
    const problems = await replaceRegistry(`units:\n${units.join('')}`);
    assert.ok(fs.statSync(registry).size > 4 * 1024 * 1024);
    assert.deepStrictEqual(
      problems.map((d) => [d.severity, d.message.replace(/is [\d.]+ MB/, 'is N MB')]),
      [[DiagnosticSeverity.Error, 'This file is N MB, larger than 4 MB: it is not read.']],
    );
    assert.deepStrictEqual((await completeAfterAt()).sort(), ['县发改局', '县财政局', '弥渡县财政局']);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  it('warns about duplicate names and parent cycles, and uses the units it could read', async () => {
    const problems = await replaceRegistry(
      [
        'units:',
        '  - name: 县财政局',
        '    parent: 县政府',
        '  - name: 县政府',
        '    parent: 县财政局',
        '  - name: 县财政局',
        '  - 县水务局',
        '',
      ].join('\n'),
    );
    const messages = problems.map((d) => d.message).join('\n');
    assert.match(messages, /duplicate unit `县财政局`/);
    assert.match(messages, /parent cycle/);
    assert.ok(problems.every((d) => d.severity === DiagnosticSeverity.Warning));
    assert.deepStrictEqual((await completeAfterAt()).sort(), ['县政府', '县水务局', '县财政局']);
  });

  it('reads a registry of 50,000 units, then answers a capped completion list and checks quickly', async () => {
    const units = Array.from(
      { length: 50000 },
      (_, i) => `  - name: 测试单位${i}号\n    aliases: [单位${i}]\n`,
    );
    // Reading 3 MB of YAML takes seconds on a loaded machine; what must be quick is what follows.
    const checked = client.next('diagnostics', (p) => p.uri === uri(), 30000);
    fs.writeFileSync(registry, `units:\n${units.join('')}  - 县财政局\n`);
    await client.fileChanged(registry);
    // The open document is checked again against the new registry: 县财政局 is known, nothing else named.
    const [params] = await checked;
    assert.deepStrictEqual(params.diagnostics, []);
    const started = Date.now();
    const answer = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri() },
      position: positionOf(text, '完成。@', 4),
    });
    // A capped list, which the client asks for again as the user types on.
    assert.ok(answer && !Array.isArray(answer) && answer.isIncomplete, 'an incomplete list');
    assert.strictEqual(answer.items.length, MAX_UNIT_COMPLETIONS);
    // Twenty unknown names, each compared with every unit for suggestions.
    const version = await client.change(uri(), text.replace(/@县财政局/g, '@县财政厅').repeat(20));
    const suggested = await client.diagnosticsFor(uri(), version);
    assert.ok(suggested.diagnostics.some((d) => d.code === 'unknown-unit'));
    assert.ok(Date.now() - started < 5000, `completion and the check took ${Date.now() - started} ms`);
  });
});

describe('robustness: hostile minutes files in the workspace', function () {
  this.timeout(60000);
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({
      'minutes-units.yaml': good,
      'ok.minutes': fixture('lsp', 'park.minutes'),
      'binary.minutes': `${fixture('lsp', 'park.minutes')}\0\0\0`,
      'huge.minutes': `${fixture('lsp', 'park.minutes')}\n${'会议决定，由县财政局负责。\n'.repeat(120000)}`,
      'notes/folder.minutes/inside.minutes': fixture('lsp', 'park.minutes'),
    });
    fs.symlinkSync(path.join(root, 'missing.minutes'), path.join(root, 'dangling.minutes'));
    fs.symlinkSync(root, path.join(root, 'notes', 'up'));
    // A pipe as a minutes file, as the config file and as a registry; a device as another registry.
    execFileSync(
      'mkfifo',
      ['pipe.minutes', '.minutesrc.json', 'units-pipe.yaml'].map((f) => path.join(root, f)),
    );
    client = await TestClient.start({
      folders: [root],
      settings: { today, units: { paths: ['minutes-units.yaml', 'units-pipe.yaml', '/dev/zero'] } },
    });
  });

  after(() => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes the readable files and skips the rest, saying why, without hanging', async () => {
    assert.deepStrictEqual([...(await client.listedByFile()).keys()].sort(), [
      'notes/folder.minutes/inside.minutes',
      'ok.minutes',
    ]);
    const logs = client.recorded.log.map(([l]) => l.message).join('\n');
    assert.match(logs, /binary\.minutes: binary file/);
    assert.match(logs, /huge\.minutes: \d+ bytes/);
    assert.match(logs, /dangling\.minutes: not a readable file/);
    assert.match(logs, /pipe\.minutes: not a readable file/);
    assert.match(logs, /symbolic link loop/);
  });

  it('does not read pipes reported as created: reading files still works after five of them', async () => {
    for (let i = 0; i < 5; i++)
      await client.fileChanged(path.join(root, 'pipe.minutes'), FileChangeType.Created);
    // Marking an item done in a saved file reads it: a pipe read would block every file read behind it.
    const line = fixture('lsp', 'park.minutes')
      .split('\n')
      .findIndex((l) => l.startsWith('- [ ]'));
    const edit = await client.connection.sendRequest(
      markDoneRequest,
      await client.markDoneParams(uriOf(path.join(root, 'ok.minutes')), line),
    );
    assert.ok(edit, 'markDone answers with an edit');
  });

  it('checks an open document with the registry it could read', async () => {
    const uri = uriOf(path.join(root, 'open.minutes'));
    writeFile(path.join(root, 'open.minutes'), text);
    await client.open(uri, text);
    assert.deepStrictEqual((await client.diagnosticsFor(uri)).diagnostics, []);
  });
});

describe('robustness: a workspace stays inside its folder, and reads the encodings Chinese offices use', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  const made: string[] = [];

  afterEach(() => {
    client?.kill();
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does not follow links out of the folder: `root -> /`, a linked folder, a linked file', async () => {
    const outside = tempWorkspace({ 'elsewhere.minutes': text });
    const root = tempWorkspace({ 'ok.minutes': text, 'inner/in.minutes': text });
    made.push(outside, root);
    fs.symlinkSync('/', path.join(root, 'root'));
    fs.symlinkSync(outside, path.join(root, 'out'));
    fs.symlinkSync(path.join(outside, 'elsewhere.minutes'), path.join(root, 'linked.minutes'));
    fs.symlinkSync(path.join(root, 'inner'), path.join(root, 'again'));
    const started = Date.now();
    client = await TestClient.start({ folders: [root], settings: { today } });
    assert.deepStrictEqual([...(await client.listedByFile()).keys()].sort(), [
      'again/in.minutes',
      'ok.minutes',
    ]);
    assert.ok(Date.now() - started < 10000, `indexing took ${Date.now() - started} ms`);
    // Nor is a linked file read for marking an item done.
    const line = text.split('\n').findIndex((l) => l.startsWith('会议决定'));
    const uri = uriOf(path.join(root, 'linked.minutes'));
    const params = { uri, line, text: text.split('\n')[line] };
    assert.strictEqual(await client.connection.sendRequest(markDoneRequest, params), null);
  });

  it('indexes a GB18030 (GBK) 纪要 as its text, the same as its UTF-8 twin', async () => {
    const root = tempWorkspace({});
    made.push(root);
    fs.copyFileSync(repoPath('test', 'fixtures', 'encodings', 'gbk.minutes'), path.join(root, 'gbk.minutes'));
    fs.copyFileSync(
      repoPath('test', 'fixtures', 'encodings', 'gbk-as-utf8.minutes'),
      path.join(root, 'utf8.minutes'),
    );
    client = await TestClient.start({ folders: [root], settings: { today } });
    const byFile = await client.listedByFile();
    const gbk = byFile.get('gbk.minutes');
    assert.ok(gbk, 'the GBK file is indexed');
    const { text: exported } = await client.connection.sendRequest(exportRequest, { format: 'markdown' });
    assert.match(exported, /^## 县图书馆改造协调会会议纪要$/m);
    assert.deepStrictEqual(
      gbk.map((l) => l.item.text),
      byFile.get('utf8.minutes')?.map((l) => l.item.text),
    );
    assert.ok(gbk.some((l) => l.item.owners.some((o) => o.name === '县住建局')));
  });
});
