/**
 * The language server within its limits: every feature respects `minutes.validation.maxFileSize`, a document
 * gets at most 1000 diagnostics and one that counts the rest, 130,000 items neither overflow the stack nor
 * drop the document; the protocol's framing and lifecycle are enforced; mark done finds the item it was
 * asked for after edits; a rename to a name the documents would read differently is refused.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializeRequest,
  LSPErrorCodes,
  RenameRequest,
  ResponseError,
  ShutdownRequest,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { itemGroupsRequest, itemsRequest, markDoneRequest } from '../../server/src/protocol';
import { applyEdits, positionOf, TestClient, tempWorkspace, uriOf } from '../lsp/client';
import { repoPath } from '../util/paths';

const today = '2024-04-15';

async function refusal(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await request;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the request was answered, not refused');
}

describe('robustness: limits of the language server', function () {
  this.timeout(60000);
  let client: TestClient;
  let root: string;

  beforeEach(async () => {
    root = tempWorkspace({});
    client = await TestClient.start({ folders: [root], settings: { today } });
  });

  afterEach(() => {
    client.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers outline, folding, hover and completion with nothing for a document over the size limit', async () => {
    const text = `# 纪要\n\n## 一、议定事项\n\n会议决定，请@县财政局 负责，6月底前完成。\n${'补充说明。\n'.repeat(400)}`;
    await client.configure({ validation: { debounce: 0, maxFileSize: 1000 } });
    const uri = uriOf(path.join(root, 'big.minutes'));
    await client.open(uri, text);
    const textDocument = { uri };
    const position = positionOf(text, '县财政局', 1);
    assert.deepStrictEqual(
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      [],
    );
    assert.deepStrictEqual(
      await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
      [],
    );
    assert.strictEqual(
      await client.connection.sendRequest(HoverRequest.type, { textDocument, position }),
      null,
    );
    const completion = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument,
      position,
    });
    assert.deepStrictEqual(completion, []);
    // Within the limit again, every feature answers.
    await client.configure({ validation: { debounce: 0 } });
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  });

  it('publishes at most 1000 diagnostics for a document, and one that counts the rest', async () => {
    const uri = uriOf(path.join(root, 'cap.minutes'));
    await client.open(uri, `# T\n\n${'20XX年XX月'.repeat(3000)}\n`);
    const { diagnostics } = await client.diagnosticsFor(uri);
    assert.strictEqual(diagnostics.length, 1001);
    assert.strictEqual(diagnostics[0].code, 'too-many-problems');
    assert.match(diagnostics[0].message, /^\d+ more problems are not shown: at most 1000 are listed/);
  });

  it('checks and outlines 130,000 items, and keeps the document in the items list', async () => {
    const uri = uriOf(path.join(root, 'many.minutes'));
    await client.configure({ validation: { debounce: 0, maxFileSize: 8 * 1024 * 1024 } });
    await client.open(uri, `# T\n\n${'- [ ] Send it.\n'.repeat(130000)}`);
    const { diagnostics } = await client.diagnosticsFor(uri);
    assert.strictEqual(diagnostics[0].code, 'too-many-problems');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.ok(symbols.length >= 130000, `${symbols.length} symbols`);
    const listed = (await client.connection.sendRequest(itemGroupsRequest, { groupBy: 'document' })).groups;
    assert.strictEqual(listed.find((g) => g.title === 'many.minutes')?.count, 130000);
    const page = await client.connection.sendRequest(itemsRequest, {
      groupBy: 'document',
      group: { kind: 'document', title: 'many.minutes' },
      offset: 129999,
    });
    assert.deepStrictEqual(
      page.items.map((l) => [l.uri, l.item.range.start.line]),
      [[uri, 130001]],
      'the last item, a page away from the first',
    );
  });

  it('marks the item it was asked for after a line is inserted above it, and refuses when unsure', async () => {
    const uri = uriOf(path.join(root, 'a.minutes'));
    const text =
      '# T\n\n- [ ] Send the report. Owner: IT\n- [ ] Book the room. Owner: IT\n- [ ] Book the room. Owner: IT\n';
    await client.open(uri, text);
    const room = await client.markDoneParams(uri, 3);
    const report = await client.markDoneParams(uri, 2);
    const edited = text.replace('\n\n', '\n\n- [ ] A new first item. Owner: IT\n');
    await client.change(uri, edited);
    // The report moved to line 3; line 2 now holds another item.
    const edit = await client.connection.sendRequest(markDoneRequest, report);
    const lines = applyEdits(edited, (edit?.changes?.[uri] ?? []) as TextEdit[]).split('\n');
    assert.match(lines[3], /^- \[x\] Send the report/);
    assert.match(lines[2], /^- \[ \] A new first item/);
    // Of two items with the same text, the line no longer says which: nothing is marked.
    assert.strictEqual(await client.connection.sendRequest(markDoneRequest, room), null);
    // At the listed version the line decides.
    const now = await client.markDoneParams(uri, 5);
    const marked = await client.connection.sendRequest(markDoneRequest, now);
    const after = applyEdits(edited, (marked?.changes?.[uri] ?? []) as TextEdit[]).split('\n');
    assert.deepStrictEqual([after[4].slice(0, 5), after[5].slice(0, 5)], ['- [ ]', '- [x]']);
  });

  it('refuses to rename a unit to a name the documents would read differently, saying why', async () => {
    const uri = uriOf(path.join(root, 'r.minutes'));
    const text = '# 纪要\n\n会议决定，请@县财政局 负责，6月底前完成。\n';
    await client.open(uri, text);
    const params = { textDocument: { uri }, position: positionOf(text, '县财政局', 1) };
    for (const newName of ['Finance Dept', '财政局、审计局', 'A@B']) {
      const error = await refusal(client.connection.sendRequest(RenameRequest.type, { ...params, newName }));
      assert.strictEqual(error.code, LSPErrorCodes.RequestFailed);
      assert.ok(
        error.message.startsWith(`Cannot rename to “${newName}”: r.minutes would not read it back`),
        error.message,
      );
    }
    const edit = await client.connection.sendRequest(RenameRequest.type, { ...params, newName: '县审计局' });
    assert.deepStrictEqual(
      Object.values(edit?.changes ?? {})
        .flat()
        .map((e) => e.newText),
      ['县审计局'],
    );
  });

  it('refuses a second initialize, and every request after shutdown', async () => {
    const again = await refusal(
      client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      }),
    );
    assert.strictEqual(again.code, ErrorCodes.InvalidRequest);
    await client.connection.sendRequest(ShutdownRequest.type);
    const late = await refusal(client.connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' }));
    assert.strictEqual(late.code, ErrorCodes.InvalidRequest);
    await client.connection.sendNotification(ExitNotification.type);
    assert.strictEqual(await client.whenExited(), 0);
  });
});

describe('robustness: broken message framing', function () {
  this.timeout(30000);

  for (const [what, header] of [
    ['without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'],
    ['with Content-Length: abc', 'Content-Length: abc\r\n\r\n'],
  ]) {
    it(`ends the server (status 1) on a header ${what}, instead of leaving it deaf`, async () => {
      const server = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
      let stderr = '';
      server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
      try {
        server.stdin.write(`${header}{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`);
        assert.strictEqual(await exited, 1);
        assert.match(stderr, /unreadable message, stopping/);
      } finally {
        server.kill();
      }
    });
  }
});
