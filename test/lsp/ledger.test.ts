/** The ledger through the server: minutes/ledger, its export, and the diagnostics, hover, outline and fixes it adds. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type DocumentSymbol,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { summarize } from '../../server/src/core/ledger/ledger';
import { ledgerExportRequest, ledgerRequest } from '../../server/src/protocol';
import { repoPath } from '../util/paths';
import { applyEdits, positionOf, TestClient, tempWorkspace, uriOf } from './client';

const meetings = ['2024-03-15.minutes', '2024-04-12.minutes', '2024-05-17.minutes'];
const read = (name: string): string =>
  fs.readFileSync(repoPath('test', 'fixtures', 'ledger', 'zh', name), 'utf8');

describe('LSP: the follow-up ledger', () => {
  let client: TestClient;
  let root: string;
  const uri = (name: string): string => uriOf(path.join(root, name));

  beforeEach(async () => {
    root = tempWorkspace(Object.fromEntries(meetings.map((m) => [m, read(m)])));
    client = await TestClient.start({ folders: [root], settings: { today: '2024-06-01' } });
  });

  afterEach(() => client.kill());

  it('answers the workspace’s ledger with statuses, links, per-unit counts and each row’s URI', async () => {
    const ledger = await client.connection.sendRequest(ledgerRequest, {});
    assert.strictEqual(ledger.today, '2024-06-01');
    assert.strictEqual(ledger.language, 'zh-CN');
    const row = (id: string) => ledger.rows.find((r) => r.id === id);
    assert.deepStrictEqual(
      [row('2024-03-15-2')?.status, row('2024-03-15-2')?.carriedTo, row('2024-03-15-4')?.overdue],
      ['carried-over', '2024-04-12-1', true],
    );
    assert.strictEqual(row('2024-04-12-3')?.uri, uri('2024-04-12.minutes'));
    assert.deepStrictEqual(
      ledger.dangling.map((d) => [d.uri, d.text]),
      [
        [uri('2024-04-12.minutes'), '2024-03-15-9'],
        [uri('2024-05-17.minutes'), '城区绿化提升方案'],
      ],
    );
    assert.ok(ledger.units.some((u) => u.unit === '县交通局' && u.total === 3));
  });

  it('answers a page of what a filter keeps, with the counts and choices of the whole ledger', async () => {
    const all = await client.connection.sendRequest(ledgerRequest, {});
    assert.deepStrictEqual([all.total, all.matched, all.rows.length], [10, 10, 10]);
    assert.strictEqual(all.options.meetings.length, 3);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 4) {
      const page = await client.connection.sendRequest(ledgerRequest, { offset, limit: 4 });
      assert.deepStrictEqual([page.total, page.matched], [10, 10]);
      pages.push(...page.rows.map((r) => r.id));
    }
    assert.deepStrictEqual(
      pages,
      all.rows.map((r) => r.id),
    );
    const overdue = await client.connection.sendRequest(ledgerRequest, { filter: { status: 'overdue' } });
    assert.ok(
      overdue.matched > 0 && overdue.matched < overdue.total,
      `${overdue.matched} of ${overdue.total}`,
    );
    assert.ok(overdue.rows.every((r) => r.overdue));
    assert.deepStrictEqual(overdue.units, summarize(overdue.rows));
    assert.deepStrictEqual(overdue.options, all.options);
    await assert.rejects(
      client.connection.sendRequest(ledgerRequest, { filter: { status: 'late' as 'done' } }),
      /filter\.status must be one of/,
    );
    await assert.rejects(client.connection.sendRequest(ledgerRequest, { limit: -1 }), /limit must be/);
  });

  it('exports the ledger as a workbook and as text', async () => {
    const xlsx = await client.connection.sendRequest(ledgerExportRequest, { format: 'xlsx' });
    assert.strictEqual(xlsx.count, 10);
    assert.strictEqual(
      Buffer.from(xlsx.base64 ?? '', 'base64')
        .subarray(0, 2)
        .toString(),
      'PK',
    );
    const markdown = await client.connection.sendRequest(ledgerExportRequest, { format: 'markdown' });
    assert.match(markdown.text ?? '', /^# 督办台账\n\n统计日期：2024-06-01/);
    await assert.rejects(client.connection.sendRequest(ledgerExportRequest, { format: 'pdf' as 'csv' }));
  });

  it('reports an item no later meeting follows up, and stops once a later meeting reports on it', async () => {
    await client.connection.sendRequest(ledgerRequest, {});
    const first = uri('2024-03-15.minutes');
    await client.open(first, read('2024-03-15.minutes'));
    const [reported] = await client.waitFor(
      'diagnostics',
      (p) => p.uri === first && p.diagnostics.some((d) => d.code === 'not-followed-up'),
    );
    assert.deepStrictEqual(
      reported.diagnostics.filter((d) => d.code === 'not-followed-up').map((d) => d.range.start.line),
      [17],
    );
    const last = uri('2024-05-17.minutes');
    const quiet = client.next(
      'diagnostics',
      (p) => p.uri === first && !p.diagnostics.some((d) => d.code === 'not-followed-up'),
    );
    await client.open(
      last,
      read('2024-05-17.minutes').replace(
        '6. “城区绿化提升方案”',
        '6. 2024-03-15-4 背街小巷整治资金：状态：进行中。\n7. “城区绿化提升方案”',
      ),
    );
    await quiet;
  });

  it('with pull diagnostics, asks the client to pull again and answers anew when another meeting changes', async () => {
    client.kill();
    client = await TestClient.start({ folders: [root], settings: { today: '2024-06-01' }, pull: true });
    await client.connection.sendRequest(ledgerRequest, {});
    const first = uri('2024-03-15.minutes');
    await client.open(first, read('2024-03-15.minutes'));
    const pull = (previousResultId?: string) =>
      client.connection.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: first },
        ...(previousResultId ? { previousResultId } : {}),
      }) as Promise<FullDocumentDiagnosticReport>;
    const before = await pull();
    assert.ok(before.items.some((d) => d.code === 'not-followed-up'));
    const refreshed = client.next('refresh');
    await client.open(
      uri('2024-05-17.minutes'),
      read('2024-05-17.minutes').replace(
        '6. “城区绿化提升方案”',
        '6. 2024-03-15-4 背街小巷：状态：进行中。\n7. “城区绿化提升方案”',
      ),
    );
    await refreshed;
    const after = await pull(before.resultId);
    assert.strictEqual(after.kind, 'full');
    assert.ok(!after.items.some((d) => d.code === 'not-followed-up'), JSON.stringify(after.items));
  });

  it('shows an item’s id in hover and the outline', async () => {
    const first = uri('2024-03-15.minutes');
    const text = read('2024-03-15.minutes');
    await client.open(first, text);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: first },
      position: positionOf(text, '燃气管道'),
    });
    assert.match((hover?.contents as MarkupContent).value, /Item id: `2024-03-15-gas` \(pinned\)/);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: first },
    })) as DocumentSymbol[];
    const details = symbols.flatMap((s) => s.children ?? []).map((c) => c.detail ?? '');
    assert.ok(
      details.some((d) => d.endsWith('#2024-03-15-3')),
      details.join('\n'),
    );
  });

  it('offers to pin the id a follow-up quotes, and to take a dangling reference’s suggestion', async () => {
    await client.connection.sendRequest(ledgerRequest, {});
    const last = uri('2024-05-17.minutes');
    const text = read('2024-05-17.minutes');
    await client.open(last, text);
    const at = positionOf(text, '“修订县城停车收费办法”');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: last },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const pin = actions.find((a) => a.title === 'Pin the item id 2024-03-15-3');
    assert.ok(pin, actions.map((a) => a.title).join('\n'));
    assert.match(
      applyEdits(text, pin.edit?.changes?.[last] ?? []),
      /^2\. \{#2024-03-15-3\} “修订县城停车收费办法”/m,
    );

    const second = uri('2024-04-12.minutes');
    const secondText = read('2024-04-12.minutes');
    await client.open(second, secondText);
    const [published] = await client.waitFor(
      'diagnostics',
      (p) => p.uri === second && p.diagnostics.some((d) => d.code === 'dangling-reference'),
    );
    const dangling = published.diagnostics.filter((d) => d.code === 'dangling-reference');
    const fixes = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: second },
      range: dangling[0].range,
      context: { diagnostics: dangling },
    })) as CodeAction[];
    const refer = fixes.find((a) => a.title === 'Refer to 2024-03-15-1');
    assert.ok(refer, fixes.map((a) => a.title).join('\n'));
    assert.match(
      applyEdits(secondText, refer.edit?.changes?.[second] ?? []),
      /^4\. 2024-03-15-1 城区绿化提升/m,
    );
  });
});
