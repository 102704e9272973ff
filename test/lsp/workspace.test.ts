/** Features across the workspace: rename, references, workspace symbols and the custom minutes/* requests. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type TextEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { exportRequest, itemGroupsRequest, itemsRequest, markDoneRequest } from '../../server/src/protocol';
import { applyEdits, fixture, positionOf, TestClient, tempWorkspace, uriOf, writeFile } from './client';

const today = '2024-04-15';

describe('LSP: workspace', () => {
  let client: TestClient;
  let root: string;
  const file = (name: string) => path.join(root, name);

  beforeEach(async () => {
    root = tempWorkspace({
      'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml'),
      'park.minutes': fixture('lsp', 'park.minutes'),
      'finance/budget.minutes': fixture('lsp', 'budget.minutes'),
      'notes.minutes.md':
        '# 周例会\n\n时间：2024年4月1日\n\n- [ ] 整理台账 @县工信局 时限：2024年4月30日前\n',
      'node_modules/pkg/ignored.minutes': fixture('lsp', 'park.minutes'),
      'readme.txt': 'not minutes',
    });
    fs.symlinkSync(root, path.join(root, 'finance', 'loop'));
    client = await TestClient.start({ folders: [root], settings: { today } });
  });

  afterEach(() => client.kill());

  it('lists the items of every minutes file, skipping node_modules and symbolic link loops', async () => {
    const listed = await client.listedByFile();
    assert.deepStrictEqual([...listed.keys()].sort(), [
      'finance/budget.minutes',
      'notes.minutes.md',
      'park.minutes',
    ]);
    const park = listed.get('park.minutes') ?? [];
    assert.ok(park.every((l) => l.uri === uriOf(file('park.minutes'))));
    assert.deepStrictEqual(
      park.map((l) => [
        l.item.kind,
        l.item.owners.map((o) => o.name),
        l.item.deadline?.date ?? null,
        l.item.status,
      ]),
      [
        ['decision', ['县发改局'], '2024-06-30', 'open'],
        ['decision', [], null, 'open'],
        ['requirement', ['县工信局'], '2024-12-31', 'open'],
        ['action', ['县财政局'], '2024-03-20', 'open'],
      ],
    );
    const logs = client.recorded.log.map(([l]) => l.message);
    assert.ok(
      logs.some((l) => /node_modules is not searched/.test(l)),
      logs.join('\n'),
    );
    assert.ok(
      logs.some((l) => /symbolic link loop/.test(l)),
      logs.join('\n'),
    );
  });

  it('answers the groups with counts, and the items of a group a page at a time', async () => {
    const groups = await client.connection.sendRequest(itemGroupsRequest, { groupBy: 'deadline' });
    assert.strictEqual(groups.documents, 3);
    assert.strictEqual(groups.today, today);
    assert.deepStrictEqual(
      groups.groups.map((g) => [g.kind, g.count]),
      [
        ['overdue', groups.overdue],
        ['later', 5],
        ['noDeadline', 1],
      ].filter(([, n]) => n !== 0),
    );
    const [first] = groups.groups;
    const page = await client.connection.sendRequest(itemsRequest, {
      groupBy: 'deadline',
      group: first,
      offset: 1,
      limit: 1,
    });
    assert.strictEqual(page.total, first.count);
    assert.strictEqual(page.items.length, Math.min(1, first.count - 1));
    const gone = await client.connection.sendRequest(itemsRequest, {
      groupBy: 'unit',
      group: { kind: 'unit', title: '没有这个单位' },
    });
    assert.deepStrictEqual(gone, { items: [], total: 0 });
    await assert.rejects(
      client.connection.sendRequest(itemsRequest, { groupBy: 'colour', group: first } as never),
      /groupBy must be one of/,
    );
  });

  it('shows open documents as edited, telling what items changed, and the saved file again once closed', async () => {
    await client.listed();
    const uri = uriOf(file('park.minutes'));
    const text = fixture('lsp', 'park.minutes');
    const changed = client.next('itemsChanged', (p) => p.uris.includes(uri));
    await client.open(uri, text.replace('（二）做好资金保障。\n', ''));
    const [delta] = await changed;
    assert.deepStrictEqual(
      {
        added: delta.added.length,
        changed: delta.changed.length,
        removed: delta.removed.length,
        reset: delta.reset,
      },
      { added: 0, changed: 2, removed: 1, reset: false },
      'one item gone, the two below it moved up a line',
    );
    assert.deepStrictEqual(delta.uris, [uri]);
    let park = (await client.listedByFile()).get('park.minutes');
    assert.strictEqual(park?.length, 3, 'the open document wins');
    assert.ok(
      park?.every((l) => typeof l.version === 'number'),
      'listed with the open version',
    );

    const reverted = client.next('itemsChanged', (p) => p.uris.includes(uri));
    await client.close(uri);
    const [back] = await reverted;
    assert.deepStrictEqual(
      back.added.map((l) => l.item.text),
      ['（二）做好资金保障。'],
    );
    park = (await client.listedByFile()).get('park.minutes');
    assert.strictEqual(park?.length, 4, 'the saved file after closing');
  });

  it('follows files created, changed and deleted on disk, one file at a time', async () => {
    await client.listed();
    const created = file('new/weekly.minutes');
    writeFile(created, '# 周例会\n\n时间：2024年4月8日\n\n- [ ] 核对账目 @县财政局 时限：2024年4月12日前\n');
    let changed = client.next('itemsChanged', (p) => p.uris.includes(uriOf(created)));
    await client.fileChanged(created, FileChangeType.Created);
    const [added] = await changed;
    assert.deepStrictEqual(
      added.added.map((l) => [l.file, l.item.text]),
      [['new/weekly.minutes', '- [ ] 核对账目 @县财政局 时限：2024年4月12日前']],
    );
    let files = [...(await client.listedByFile()).keys()];
    assert.ok(files.includes('new/weekly.minutes'));

    fs.rmSync(file('park.minutes'));
    changed = client.next('itemsChanged', (p) => p.uris.includes(uriOf(file('park.minutes'))));
    await client.fileChanged(file('park.minutes'), FileChangeType.Deleted);
    const [removed] = await changed;
    assert.strictEqual(removed.removed.length, 4);
    assert.deepStrictEqual(removed.added, []);
    files = [...(await client.listedByFile()).keys()];
    assert.deepStrictEqual(files.sort(), [
      'finance/budget.minutes',
      'new/weekly.minutes',
      'notes.minutes.md',
    ]);
  });

  it('indexes workspace folders added later, and forgets removed ones', async () => {
    await client.listed();
    const other = tempWorkspace({ 'other.minutes': fixture('lsp', 'budget.minutes') });
    const added = client.next('itemsChanged', (p) =>
      p.uris.includes(uriOf(path.join(other, 'other.minutes'))),
    );
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uriOf(other), name: 'other' }], removed: [] },
    });
    await added;
    assert.strictEqual(
      (await client.connection.sendRequest(itemGroupsRequest, { groupBy: 'unit' })).documents,
      4,
    );

    const removed = client.next('itemsChanged', (p) => p.uris.includes(uriOf(file('park.minutes'))));
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: uriOf(root), name: 'root' }] },
    });
    await removed;
    assert.deepStrictEqual([...(await client.listedByFile()).keys()], ['other.minutes']);
  });

  it('marks an item done with an edit the client applies', async () => {
    const text = fixture('lsp', 'park.minutes');
    const line = positionOf(text, '- [ ] 报送规划方案').line;
    const edit = await client.connection.sendRequest(
      markDoneRequest,
      await client.markDoneParams(uriOf(file('park.minutes')), line),
    );
    const edits = edit?.changes?.[uriOf(file('park.minutes'))] as TextEdit[];
    assert.ok(edits, JSON.stringify(edit));
    assert.match(applyEdits(text, edits).split('\n')[line], /^- \[x\] 报送规划方案/);
    const none = await client.connection.sendRequest(markDoneRequest, {
      uri: uriOf(file('park.minutes')),
      line: 0,
      text: '# 纪要',
    });
    assert.strictEqual(none, null, 'no item on the title line');
  });

  it('exports every item as CSV and as Markdown', async () => {
    const csv = await client.connection.sendRequest(exportRequest, { format: 'csv' });
    assert.strictEqual(csv.count, 4 + 2 + 1);
    const rows = csv.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    assert.strictEqual(rows.length, 1 + csv.count, 'a header and one row per item');
    // The workspace holds Chinese minutes only: the headings are Chinese.
    assert.match(rows[0], /^文件,标题,会议日期,/);
    const markdown = await client.connection.sendRequest(exportRequest, { format: 'markdown' });
    assert.strictEqual(markdown.count, csv.count);
    assert.match(markdown.text, /^## 园区建设专题会议纪要$/m);
    assert.match(markdown.text, /^\| 事项 \| 责任单位 \| 完成时限 \| 状态 \| 逾期 \|$/m);
  });

  it('finds sections and items of every file by workspace symbol search', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: '会议决定',
    })) as WorkspaceSymbol[];
    const where = symbols
      .filter((s) => s.name === '一、会议决定')
      .map((s) => (s.location as { uri: string }).uri);
    assert.deepStrictEqual(
      where.sort(),
      [uriOf(file('finance/budget.minutes')), uriOf(file('park.minutes'))].sort(),
    );
    const items = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: '预算',
    })) as WorkspaceSymbol[];
    assert.ok(
      items.some((s) => s.name.startsWith('（一）编制年度预算')),
      items.map((s) => s.name).join(' | '),
    );
  });

  it('renames a unit in every minutes file and in the units registry, keeping its comments', async () => {
    const uri = uriOf(file('park.minutes'));
    const text = fixture('lsp', 'park.minutes');
    await client.open(uri, text);
    const at = positionOf(text, '@县发改局；', 2);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri },
      position: at,
    });
    assert.deepStrictEqual(prepared && 'placeholder' in prepared ? prepared.placeholder : null, '县发改局');

    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: at,
      newName: '县发展改革局',
    });
    const changes = edit?.changes ?? {};
    const budgetUri = uriOf(file('finance/budget.minutes'));
    const registryUri = uriOf(file('minutes-units.yaml'));
    assert.deepStrictEqual(Object.keys(changes).sort(), [budgetUri, uri, registryUri].sort());
    const renamedPark = applyEdits(text, changes[uri]);
    assert.ok(!renamedPark.includes('县发改局'));
    assert.strictEqual(renamedPark.split('@县发展改革局').length - 1, 2);
    const renamedBudget = applyEdits(
      fs.readFileSync(file('finance/budget.minutes'), 'utf8'),
      changes[budgetUri],
    );
    assert.match(renamedBudget, /出席：@县财政局、@县发展改革局/);
    const registry = applyEdits(fs.readFileSync(file('minutes-units.yaml'), 'utf8'), changes[registryUri]);
    assert.strictEqual(
      registry,
      fixture('lsp', 'minutes-units.yaml').replace('[县发改局]', '[县发展改革局]'),
    );
    assert.match(registry, /# the short name used in the minutes/);
  });

  it('refuses to rename where no unit is named, and to an empty name', async () => {
    const uri = uriOf(file('park.minutes'));
    const text = fixture('lsp', 'park.minutes');
    await client.open(uri, text);
    const title = positionOf(text, '园区建设');
    assert.strictEqual(
      await client.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument: { uri },
        position: title,
      }),
      null,
    );
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri },
        position: positionOf(text, '@县发改局；', 2),
        newName: '  ',
      }),
    );
  });

  it('finds the references of a unit across files, with its registry entry as declaration', async () => {
    const uri = uriOf(file('park.minutes'));
    const text = fixture('lsp', 'park.minutes');
    await client.open(uri, text);
    const position = positionOf(text, '@县财政局', 2);
    const without = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: false },
    });
    const count = (u: string) => (without ?? []).filter((l) => l.uri === u).length;
    assert.strictEqual(count(uri), 2);
    assert.strictEqual(count(uriOf(file('finance/budget.minutes'))), 3);
    assert.strictEqual(without?.length, 5);
    const withDeclaration = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    assert.strictEqual(withDeclaration?.length, 6);
    assert.deepStrictEqual(withDeclaration?.[0], {
      uri: uriOf(file('minutes-units.yaml')),
      range: { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } },
    });
  });
});
