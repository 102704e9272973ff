/** Settings, the units registry and the config file take effect without reopening; pull diagnostics. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  FileChangeType,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { fixture, TestClient, tempWorkspace, uriOf, writeFile } from './client';

const today = '2024-04-15';

const unknownUnitText = `# 园区建设专题会议纪要

时间：2024年3月1日
地点：县政府三楼会议室
主持：张三
出席：@县发改局

一、会议决定

（一）加快园区建设。责任单位：@县农业局；时限：2024年6月30日前。
`;

function codes(diagnostics: { code?: number | string }[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('LSP: configuration', () => {
  describe('with pushed diagnostics', () => {
    let client: TestClient;
    let root: string;
    let registry: string;

    beforeEach(async () => {
      root = tempWorkspace({ 'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml') });
      registry = path.join(root, 'minutes-units.yaml');
      client = await TestClient.start({ folders: [root], settings: { today } });
    });

    afterEach(() => client.kill());

    it('re-checks open documents when a rule is turned off in the settings', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      await client.open(uri, fixture('lsp', 'park.minutes'));
      assert.deepStrictEqual(codes((await client.diagnosticsFor(uri)).diagnostics), [
        'missing-deadline',
        'missing-owner',
        'overdue',
      ]);
      const rechecked = client.next('diagnostics', (p) => p.uri === uri);
      await client.configure({ today, rules: { 'missing-owner': 'off', overdue: 'error' } });
      const [published] = await rechecked;
      assert.strictEqual(published.version, 1, 'the same version, checked again');
      assert.deepStrictEqual(codes(published.diagnostics), ['missing-deadline', 'overdue']);
      assert.strictEqual(published.diagnostics.find((d) => d.code === 'overdue')?.severity, 1);
    });

    it('takes minutes.today and the locale from the settings', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      await client.open(uri, fixture('lsp', 'park.minutes'));
      await client.diagnosticsFor(uri);
      const rechecked = client.next('diagnostics', (p) => p.uri === uri);
      await client.configure({ today: '2024-03-10', locale: 'zh-CN' });
      const [published] = await rechecked;
      assert.deepStrictEqual(codes(published.diagnostics), ['missing-deadline', 'missing-owner']);
      assert.match(published.diagnostics[0].message, /[\u4e00-\u9fff]/, 'messages in Chinese');
    });

    it('re-checks open documents when the units registry changes', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      await client.open(uri, unknownUnitText);
      assert.deepStrictEqual(codes((await client.diagnosticsFor(uri)).diagnostics), ['unknown-unit']);
      fs.appendFileSync(registry, '  - 县农业局\n');
      const rechecked = client.next('diagnostics', (p) => p.uri === uri);
      await client.fileChanged(registry);
      assert.deepStrictEqual((await rechecked)[0].diagnostics, []);
    });

    it('reads and watches the registry files named in minutes.units.paths', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      await client.open(uri, unknownUnitText);
      assert.deepStrictEqual(codes((await client.diagnosticsFor(uri)).diagnostics), ['unknown-unit']);
      writeFile(path.join(root, 'config', 'units.yaml'), 'units:\n  - 县农业局\n');
      const registered = client.next('registration', (r) => r.method === 'workspace/didChangeWatchedFiles');
      const rechecked = client.next('diagnostics', (p) => p.uri === uri);
      await client.configure({ today, units: { paths: ['minutes-units.yaml', 'config/units.yaml'] } });
      assert.deepStrictEqual((await rechecked)[0].diagnostics, []);
      const [registration] = await registered;
      const globs = (registration.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map(
        (w) => w.globPattern,
      );
      assert.ok(globs.includes('**/config/units.yaml'), JSON.stringify(globs));
    });

    it('keeps the last good registry when it stops parsing, and shows the error on the registry file', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      await client.open(uri, unknownUnitText.replace('@县农业局', '@县财政局'));
      assert.deepStrictEqual((await client.diagnosticsFor(uri)).diagnostics, []);
      fs.writeFileSync(registry, 'units:\n  - name: 县财政局\n    aliases: x: y\n');
      const registryProblems = client.next('diagnostics', (p) => p.uri === uriOf(registry));
      const rechecked = client.next('diagnostics', (p) => p.uri === uri);
      await client.fileChanged(registry);
      const [problems] = await registryProblems;
      assert.strictEqual(problems.diagnostics.length, 1);
      assert.strictEqual(problems.diagnostics[0].severity, 1);
      assert.strictEqual(problems.diagnostics[0].range.start.line, 2, 'on the bad line');
      assert.deepStrictEqual((await rechecked)[0].diagnostics, [], '县财政局 is still known');
      assert.ok(client.recorded.log.some(([l]) => /keeping the last good version/.test(l.message)));

      // Fixed again: the registry's problems are cleared.
      const cleared = client.next(
        'diagnostics',
        (p) => p.uri === uriOf(registry) && p.diagnostics.length === 0,
      );
      fs.writeFileSync(registry, fixture('lsp', 'minutes-units.yaml'));
      await client.fileChanged(registry);
      await cleared;
    });

    it('applies the workspace config file’s rules, under the settings', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      await client.open(uri, fixture('lsp', 'park.minutes'));
      await client.diagnosticsFor(uri);
      const config = path.join(root, '.minutesrc.json');
      writeFile(config, JSON.stringify({ rules: { 'missing-deadline': 'off', 'missing-owner': 'off' } }));
      const rechecked = client.next('diagnostics', (p) => p.uri === uri);
      await client.fileChanged(config, FileChangeType.Created);
      assert.deepStrictEqual(codes((await rechecked)[0].diagnostics), ['overdue']);

      const again = client.next('diagnostics', (p) => p.uri === uri);
      await client.configure({ today, rules: { 'missing-owner': 'warning' } });
      assert.deepStrictEqual(
        codes((await again)[0].diagnostics),
        ['missing-owner', 'overdue'],
        'settings win',
      );
    });
  });

  describe('in an untrusted workspace', () => {
    it('reads neither the registry nor the config file', async () => {
      const root = tempWorkspace({
        'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml'),
        '.minutesrc.json': JSON.stringify({ rules: { 'missing-owner': 'off' } }),
      });
      const client = await TestClient.start({
        folders: [root],
        settings: { today },
        initializationOptions: { trusted: false },
      });
      try {
        const uri = uriOf(path.join(root, 'a.minutes'));
        await client.open(uri, fixture('lsp', 'park.minutes'));
        const codesSeen = codes((await client.diagnosticsFor(uri)).diagnostics);
        assert.ok(codesSeen.includes('missing-owner'), 'the config file was not applied');
      } finally {
        client.kill();
      }
    });
  });

  describe('with pull diagnostics', () => {
    let client: TestClient;
    let root: string;

    before(async () => {
      root = tempWorkspace({ 'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml') });
      client = await TestClient.start({ folders: [root], settings: { today }, pull: true });
    });

    after(() => client.kill());

    async function pull(uri: string, previousResultId?: string) {
      return client.connection.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri },
        ...(previousResultId ? { previousResultId } : {}),
      });
    }

    it('advertises a diagnostic provider', () => {
      assert.deepStrictEqual(client.initializeResult.capabilities.diagnosticProvider, {
        identifier: 'minutes',
        interFileDependencies: true,
        workspaceDiagnostics: false,
      });
    });

    it('answers full reports with result ids, and unchanged while nothing changed', async () => {
      const uri = uriOf(path.join(root, 'a.minutes'));
      // The index built is a change of the workspace (result ids follow it): this test begins after it.
      await client.indexed();
      await client.open(uri, fixture('lsp', 'park.minutes'));
      // So is the open document's own entry, made once it rests.
      await client.waitFor('itemsChanged', (p) => p.uris.includes(uri));
      const first = (await pull(uri)) as FullDocumentDiagnosticReport;
      assert.strictEqual(first.kind, DocumentDiagnosticReportKind.Full);
      assert.deepStrictEqual(codes(first.items), ['missing-deadline', 'missing-owner', 'overdue']);
      assert.ok(first.resultId);
      const same = await pull(uri, first.resultId);
      assert.deepStrictEqual(same, {
        kind: DocumentDiagnosticReportKind.Unchanged,
        resultId: first.resultId,
      });

      await client.change(uri, fixture('lsp', 'park.minutes').replace('（二）做好资金保障。\n', ''));
      const changed = (await pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(changed.kind, DocumentDiagnosticReportKind.Full);
      assert.notStrictEqual(changed.resultId, first.resultId);
      assert.deepStrictEqual(codes(changed.items), ['overdue']);
      assert.ok(
        client.recorded.diagnostics.every(([p]) => p.uri !== uri),
        'nothing pushed for the document',
      );
    });

    it('asks the client to pull again when the settings change', async () => {
      const uri = uriOf(path.join(root, 'b.minutes'));
      // The index built asks for a pull of its own: the refresh awaited here is the settings' one.
      await client.indexed();
      await client.open(uri, fixture('lsp', 'park.minutes'));
      const before = (await pull(uri)) as FullDocumentDiagnosticReport;
      const refreshed = client.next('refresh');
      await client.configure({ today, rules: { overdue: 'off' } });
      await refreshed;
      const after = (await pull(uri, before.resultId)) as FullDocumentDiagnosticReport;
      assert.strictEqual(after.kind, DocumentDiagnosticReportKind.Full);
      assert.deepStrictEqual(codes(after.items), ['missing-deadline', 'missing-owner']);
    });

    it('answers an empty report for a document that is not open', async () => {
      const report = (await pull(uriOf(path.join(root, 'missing.minutes')))) as FullDocumentDiagnosticReport;
      assert.deepStrictEqual(report.items, []);
    });
  });
});
