/** Open, change and close documents; pushed diagnostics; documents not checked live; bad requests. */
import * as assert from 'assert';
import * as path from 'path';
import { ErrorCodes, HoverRequest, ResponseError } from 'vscode-languageserver-protocol';
import { fixture, positionOf, TestClient, tempWorkspace, uriOf } from './client';

const today = '2024-04-15';

function codes(diagnostics: { code?: number | string }[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('LSP: documents and pushed diagnostics', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({ 'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml') });
    client = await TestClient.start({ folders: [root], settings: { today } });
  });

  after(async () => {
    client.kill();
  });

  it('answers initialize with the features it serves', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepStrictEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepStrictEqual(capabilities.completionProvider?.triggerCharacters?.slice(0, 3), ['@', '：', ':']);
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes('7'));
    assert.strictEqual(
      capabilities.diagnosticProvider,
      undefined,
      'push diagnostics for a client without pull',
    );
    for (const provider of [
      'hoverProvider',
      'documentSymbolProvider',
      'workspaceSymbolProvider',
      'foldingRangeProvider',
      'referencesProvider',
    ] as const) {
      assert.ok(capabilities[provider], provider);
    }
    assert.deepStrictEqual(capabilities.renameProvider, { prepareProvider: true });
  });

  it('registers watchers for minutes files, the config file and the units registry', async () => {
    const [watched] = await client.waitFor(
      'registration',
      (r) => r.method === 'workspace/didChangeWatchedFiles',
    );
    const globs = (watched.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map(
      (w) => w.globPattern,
    );
    assert.deepStrictEqual(globs, [
      '**/*.minutes',
      '**/*.minutes.md',
      '**/.minutesrc.json',
      '**/.minutesrc.yaml',
      '**/minutes-units.yaml',
    ]);
  });

  it('publishes diagnostics on open, for the opened version', async () => {
    const uri = uriOf(path.join(root, 'open.minutes'));
    await client.open(uri, fixture('lsp', 'park.minutes'));
    const published = await client.diagnosticsFor(uri, 1);
    // （二） has neither owner nor deadline; the task list item was due 2024-03-20.
    assert.deepStrictEqual(codes(published.diagnostics), ['missing-deadline', 'missing-owner', 'overdue']);
    assert.ok(published.diagnostics.every((d) => d.source === 'minutes'));
    await client.close(uri);
  });

  it('publishes after each edit for the latest version, reflecting the edit', async () => {
    const uri = uriOf(path.join(root, 'edit.minutes'));
    const text = fixture('lsp', 'park.minutes');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    // An incremental edit: give （二） an owner and a deadline.
    const at = positionOf(text, '（二）做好资金保障', '（二）做好资金保障'.length);
    const version = await client.change(uri, [
      { range: { start: at, end: at }, text: '责任单位：@县财政局；时限：2024年5月31日前' },
    ]);
    const published = await client.diagnosticsFor(uri, version);
    assert.deepStrictEqual(codes(published.diagnostics), ['overdue']);
    await client.close(uri);
  });

  it('clears a closed document’s diagnostics and answers requests about it with nothing', async () => {
    const uri = uriOf(path.join(root, 'closing.minutes'));
    const text = fixture('lsp', 'park.minutes');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const cleared = client.next('diagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '@县发改局', 1),
    });
    assert.strictEqual(hover, null);
  });

  /** A client of its own whose settings hold from the server's first check (a change of settings lands later). */
  async function withDebounce(debounce: number, run: (own: TestClient) => Promise<void>): Promise<void> {
    const own = await TestClient.start({ folders: [root], settings: { today, validation: { debounce } } });
    try {
      await run(own);
    } finally {
      own.kill();
    }
  }

  it('checks an opened document at once: the debounce is for typing', async () => {
    // With a debounce no test waits out, the opened document's problems still come.
    await withDebounce(600_000, async (own) => {
      const uri = uriOf(path.join(root, 'opened.minutes'));
      await own.open(uri, fixture('lsp', 'park.minutes'));
      const opened = await own.diagnosticsFor(uri, 1);
      assert.ok(opened.diagnostics.length > 0);
    });
  });

  it('drops results for versions that changed before they were published', async () => {
    // A debounce the two edits below always fall within, however busy the server is with the opened version.
    await withDebounce(1000, async (own) => {
      const uri = uriOf(path.join(root, 'stale.minutes'));
      const text = fixture('lsp', 'park.minutes');
      await own.open(uri, text);
      await own.diagnosticsFor(uri, 1);
      const since = own.recorded.diagnostics.length;
      await own.change(uri, text.replace('（二）做好资金保障。', '（二）做好资金保障，@县财政局负责。'));
      await own.change(uri, text.replace('（二）做好资金保障。', ''));
      const latest = await own.diagnosticsFor(uri, 3);
      // The opened version may be published again once the workspace is indexed; version 2 never is.
      const edited = own.recorded.diagnostics.slice(since).filter(([p]) => p.uri === uri && p.version !== 1);
      assert.deepStrictEqual(
        edited.map(([p]) => p.version),
        [3],
      );
      assert.deepStrictEqual(codes(latest.diagnostics), ['overdue']);
    });
  });

  it('tells once, and does not check, a document larger than minutes.validation.maxFileSize', async () => {
    await client.configure({ today, validation: { debounce: 0, maxFileSize: 200 } });
    try {
      const uri = uriOf(path.join(root, 'large.minutes'));
      const text = fixture('lsp', 'park.minutes');
      assert.ok(Buffer.byteLength(text) > 200);
      const told = client.next('showMessage');
      await client.open(uri, text);
      const [message] = await told;
      assert.strictEqual(
        message.message,
        'large.minutes is larger than 200 bytes, so it is not checked as you type.',
      );
      assert.deepStrictEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
      const version = await client.change(uri, `${text}\n`);
      assert.deepStrictEqual((await client.diagnosticsFor(uri, version)).diagnostics, []);
      assert.strictEqual(
        client.recorded.showMessage.filter(([m]) => m.message.includes('large.minutes')).length,
        1,
      );
      await client.close(uri);
    } finally {
      await client.configure({ today });
    }
  });

  it('tells once, and does not check, a document with NUL bytes', async () => {
    const uri = uriOf(path.join(root, 'binary.minutes'));
    const told = client.next('showMessage');
    await client.open(uri, `${fixture('lsp', 'park.minutes')}\0\0`);
    const [message] = await told;
    assert.match(message.message, /binary\.minutes contains NUL bytes/);
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
    await client.close(uri);
  });

  it('answers malformed parameters and unknown methods with errors, and keeps serving', async () => {
    const uri = uriOf(path.join(root, 'robust.minutes'));
    const text = fixture('lsp', 'park.minutes');
    await client.open(uri, text);
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', {}),
      (error: ResponseError<unknown>) => {
        assert.strictEqual(error.code, ErrorCodes.InvalidParams);
        return true;
      },
    );
    await assert.rejects(
      client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: -1 },
      }),
      (error: ResponseError<unknown>) => error.code === ErrorCodes.InvalidParams,
    );
    await assert.rejects(
      client.connection.sendRequest('minutes/markDone', { uri, line: 'x' }),
      (error: ResponseError<unknown>) => error.code === ErrorCodes.InvalidParams,
    );
    await assert.rejects(
      client.connection.sendRequest('minutes/noSuchMethod', {}),
      (error: ResponseError<unknown>) => error.code === ErrorCodes.MethodNotFound,
    );
    // A malformed notification is logged and ignored.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: {} });
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '@县发改局', 2),
    });
    assert.ok(hover, 'the server still answers');
    await client.close(uri);
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    const other = await TestClient.start({ folders: [root] });
    assert.strictEqual(await other.stop(), 0);
  });
});
