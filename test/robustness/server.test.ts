/**
 * The language server under faults, as a real process: malformed requests, unknown documents, versions out
 * of order, thousands of edits in bursts, cancellation, many documents opened and closed, a handler that
 * throws.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesService, parseUnitsRegistry } from '../../server/src/core';
import { itemGroupsRequest, markDoneRequest } from '../../server/src/protocol';
import { fixture, positionOf, TestClient, tempWorkspace, uriOf } from '../lsp/client';
import { snippets } from './inputs';
import { random, residentBytes, startServer } from './serverProcess';

const today = '2024-04-15';
const park = fixture('lsp', 'park.minutes');
const registryText = fixture('lsp', 'minutes-units.yaml');

/** The diagnostics the server should publish for `text`: the core run in this process, as sent over JSON. */
function expectedDiagnostics(text: string): Diagnostic[] {
  const service = createMinutesService({
    units: parseUnitsRegistry(registryText).registry,
    locale: 'en',
    config: { rules: {}, today },
  });
  return JSON.parse(JSON.stringify(service.validate(service.parse(text)))) as Diagnostic[];
}

function rejectsWith(code: number): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof ResponseError, `not a response error: ${String(error)}`);
    assert.strictEqual(error.code, code, error.message);
    return true;
  };
}

describe('robustness: the language server under faults', function () {
  this.timeout(120000);
  let client: TestClient;
  let pid: number;
  let root: string;

  before(async () => {
    root = tempWorkspace({ 'minutes-units.yaml': registryText });
    ({ client, pid } = await startServer({ folders: [root], settings: { today } }));
  });

  after(async () => {
    try {
      assert.strictEqual(await client.stop(), 0, 'the server ends cleanly after all this');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  /** The server still answers: a hover on an open document names its unit. */
  async function stillServing(): Promise<void> {
    const uri = uriOf(path.join(root, 'alive.minutes'));
    await client.open(uri, park);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(park, '@县工信局', 2),
    });
    assert.ok(hover, 'the server answers a hover');
    await client.close(uri);
  }

  it('answers parameters of the wrong shape with InvalidParams, and keeps serving', async () => {
    const uri = uriOf(path.join(root, 'shapes.minutes'));
    await client.open(uri, park);
    const textDocument = { uri };
    const position = { line: 2, character: 1 };
    const malformed: [string, unknown][] = [
      ['textDocument/completion', { textDocument }],
      ['textDocument/completion', { textDocument, position: { line: '2', character: 1 } }],
      ['textDocument/completion', { textDocument, position: { line: 1.5, character: 0 } }],
      ['textDocument/completion', { textDocument: 42, position }],
      ['textDocument/completion', null],
      ['textDocument/hover', { textDocument: { uri: 7 }, position }],
      ['textDocument/hover', { textDocument, position: [2, 1] }],
      ['textDocument/documentSymbol', { textDocument: 'x' }],
      ['textDocument/foldingRange', {}],
      ['textDocument/codeAction', { textDocument, range: { start: position }, context: { diagnostics: [] } }],
      ['textDocument/rename', { textDocument, position, newName: 3 }],
      ['textDocument/references', { textDocument, position: null, context: { includeDeclaration: true } }],
      ['workspace/symbol', { query: 12 }],
      ['minutes/markDone', { uri, line: -1 }],
      ['minutes/export', { format: 'pdf' }],
    ];
    for (const [method, params] of malformed) {
      await assert.rejects(
        client.connection.sendRequest(method, params),
        rejectsWith(ErrorCodes.InvalidParams),
        `${method} ${JSON.stringify(params)}`,
      );
    }
    await assert.rejects(
      client.connection.sendRequest('textDocument/noSuchRequest', { textDocument }),
      rejectsWith(ErrorCodes.MethodNotFound),
    );
    await client.close(uri);
    await stillServing();
  });

  it('answers requests about unknown and closed documents with nothing', async () => {
    const closed = uriOf(path.join(root, 'closed.minutes'));
    await client.open(closed, park);
    await client.diagnosticsFor(closed, 1);
    await client.close(closed);
    const position = positionOf(park, '@县工信局', 2);
    for (const uri of [closed, uriOf(path.join(root, 'never-opened.minutes')), 'untitled:Untitled-9']) {
      const textDocument = { uri };
      const answers = [
        await client.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
        await client.connection.sendRequest(HoverRequest.type, { textDocument, position }),
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
        await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
        await client.connection.sendRequest(CodeActionRequest.type, {
          textDocument,
          range: { start: position, end: position },
          context: { diagnostics: [] },
        }),
        await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position }),
        await client.connection.sendRequest(RenameRequest.type, {
          textDocument,
          position,
          newName: '县财政局',
        }),
        await client.connection.sendRequest(ReferencesRequest.type, {
          textDocument,
          position,
          context: { includeDeclaration: true },
        }),
        await client.connection.sendRequest(markDoneRequest, { uri, line: 0, text: '' }),
      ];
      for (const answer of answers) {
        assert.ok(
          answer === null || (Array.isArray(answer) && answer.length === 0),
          `${uri}: ${JSON.stringify(answer)}`,
        );
      }
    }
  });

  it('ignores notifications about documents it does not have', async () => {
    const uri = uriOf(path.join(root, 'ghost.minutes'));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await stillServing();
  });

  it('takes versions out of order and repeated: diagnostics follow the latest content', async () => {
    const uri = uriOf(path.join(root, 'versions.minutes'));
    const withOwner = park.replace(
      '（二）做好资金保障。',
      '（二）做好资金保障，@县财政局负责，2024年5月31日前完成。',
    );
    await client.open(uri, park);
    await client.diagnosticsFor(uri, 1);
    const send = (version: number, changes: TextDocumentContentChangeEvent[]) =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: changes,
      });
    // Version 5 arrives before 3; then 5 again (a repeat, with other content).
    await send(5, [{ text: withOwner }]);
    await send(3, [{ text: `${park}\n（三）补充。\n` }]);
    await send(5, [{ text: withOwner }]);
    const published = await client.diagnosticsFor(uri, 5);
    assert.deepStrictEqual(published.diagnostics, expectedDiagnostics(withOwner));
    // An incremental change on top of the repeated version applies to the latest content.
    const at = positionOf(withOwner, '（二）');
    await send(4, [{ range: { start: at, end: at }, text: '（零）做好准备。\n\n' }]);
    const latest = `${withOwner.slice(0, withOwner.indexOf('（二）'))}（零）做好准备。\n\n${withOwner.slice(withOwner.indexOf('（二）'))}`;
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 4)).diagnostics, expectedDiagnostics(latest));
    await client.close(uri);
  });

  /** Sends `count` random edits in bursts of up to `most`, pausing after each burst; returns the final text. */
  async function randomEdits(
    uri: string,
    count: number,
    seed: number,
    most: number,
    pause: () => Promise<void>,
  ): Promise<string> {
    const next = random(seed);
    const pieces = snippets.filter((s) => !s.includes('\0'));
    let doc = TextDocument.create(uri, 'minutes', 1, park);
    await client.open(uri, park);
    for (let sent = 0; sent < count;) {
      const burst = Math.min(count - sent, 1 + Math.floor(next() * most));
      for (let k = 0; k < burst; k++, sent++) {
        const text = doc.getText();
        const start = Math.floor(next() * (text.length + 1));
        const end =
          next() < 0.45 || text.length > 8000
            ? Math.min(text.length, start + Math.floor(next() * 30))
            : start;
        const insert = end > start && next() < 0.5 ? '' : pieces[Math.floor(next() * pieces.length)];
        const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        await client.change(uri, [change]);
      }
      await pause();
    }
    assert.strictEqual(client.version(uri), doc.version);
    return doc.getText();
  }

  it('publishes, after 5,000 random edits in bursts checked at once, the diagnostics of the final text', async () => {
    const uri = uriOf(path.join(root, 'burst-now.minutes'));
    const text = await randomEdits(uri, 5000, 1, 100, () => new Promise((resolve) => setImmediate(resolve)));
    const published = await client.diagnosticsFor(uri);
    assert.deepStrictEqual(published.diagnostics, expectedDiagnostics(text));
    await client.close(uri);
  });

  it('publishes, after 5,000 random edits in bursts with the default debounce, the diagnostics of the final text', async () => {
    await client.configure({ today, validation: {} });
    try {
      const uri = uriOf(path.join(root, 'burst-debounced.minutes'));
      const since = client.recorded.diagnostics.length;
      // Between bursts, wait for the debounced check of the burst's last version.
      const text = await randomEdits(uri, 5000, 2, 250, async () => {
        await client.waitFor('diagnostics', (p) => p.uri === uri && p.version === client.version(uri), since);
      });
      const published = await client.diagnosticsFor(uri);
      assert.deepStrictEqual(published.diagnostics, expectedDiagnostics(text));
      await client.close(uri);
    } finally {
      await client.configure({ today });
    }
  });

  it('throws nothing at a handler’s failure: it logs it, answers empty and keeps serving', async () => {
    const uri = uriOf(path.join(root, 'throws.minutes'));
    await client.open(uri, park);
    const logged = client.next('log', (l) => /code actions failed/.test(l.message));
    // A diagnostic the client made up, with a range of the wrong shape: the core cannot read it.
    const bogus = {
      range: 'everywhere',
      source: 'minutes',
      code: 'numbering',
      message: '',
      data: { expected: '二、' },
    };
    const answer = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [bogus as unknown as Diagnostic] },
    });
    assert.deepStrictEqual(answer, []);
    const [line] = await logged;
    assert.match(line.message, /TypeError/);
    await client.close(uri);
    await stillServing();
  });

  it('keeps its memory after 1,000 documents opened and closed', async () => {
    const cycle = async (from: number, count: number): Promise<void> => {
      for (let i = from; i < from + count; i++) {
        const uri = uriOf(path.join(root, 'many', `doc-${i}.minutes`));
        await client.open(uri, park.replace('张三', `张${i}`));
        await client.diagnosticsFor(uri, 1);
        await client.close(uri);
      }
    };
    await cycle(0, 200);
    const warm = residentBytes(pid);
    await cycle(200, 1000);
    const after = residentBytes(pid);
    const allowed = warm * 1.1 + 8 * 1024 * 1024;
    assert.ok(
      after <= allowed,
      `resident memory grew from ${warm} to ${after} bytes (allowed ${Math.round(allowed)})`,
    );
  });
});

describe('robustness: cancelling long requests', function () {
  this.timeout(120000);
  let client: TestClient;
  let root: string;

  before(async () => {
    const files: Record<string, string> = { 'minutes-units.yaml': registryText };
    for (let i = 0; i < 1500; i++) files[`meetings/${i % 30}/m${i}.minutes`] = park.replace('张三', `张${i}`);
    root = tempWorkspace(files);
    client = await TestClient.start({ folders: [root], settings: { today } });
  });

  after(async () => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers a cancelled request for the items (waiting on the first scan) with RequestCancelled', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' }, source.token);
    source.cancel();
    await assert.rejects(pending, rejectsWith(LSPErrorCodes.RequestCancelled));
  });

  it('answers a cancelled workspace symbol search over 1,500 files, with an error or a result, and keeps serving', async () => {
    const { documents } = await client.connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' });
    assert.strictEqual(documents, 1500, 'the workspace is indexed');
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }, source.token);
      source.cancel();
      const settled = await pending.then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ('error' in settled) rejectsWith(LSPErrorCodes.RequestCancelled)(settled.error);
      else assert.ok(Array.isArray(settled.result));
    }
    const all = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '资金保障' });
    assert.strictEqual(all?.length, 1000, 'at most 1,000 symbols are answered');
  });
});
