/** Completion, outline, hover, folding and quick fixes over the protocol. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { repoPath } from '../util/paths';
import { applyEdits, cursor, fixture, positionOf, TestClient, tempWorkspace, uriOf } from './client';

const today = '2024-04-15';

/** What completion must offer at the `|` of each fixture in test/fixtures/completion. */
const expectedCompletions: Record<string, { includes: string[]; excludes?: string[]; first?: string }> = {
  // Units from the registry (names and aliases); 县财政局 ranks first: the workspace uses it most.
  'mention.minutes': {
    includes: ['弥渡县发展和改革局', '县发改局', '县财政局', '县工信局'],
    first: '县财政局',
  },
  // Deadlines computed from the meeting date, 2024-03-01 (a Friday).
  'deadline.minutes': { includes: ['this Friday (2024-03-01)', 'end of month (2024-03-31)'] },
  // Header keys not yet written.
  'header.minutes': { includes: ['地点：', '主持：'], excludes: ['时间：'] },
  'section.minutes': { includes: ['会议决定', '会议要求'] },
  'english-owner.minutes': { includes: ['Finance Committee', 'Finance'] },
  'amount.minutes': { includes: ['万元', '亿元'] },
};

describe('LSP: language features', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({
      'minutes-units.yaml': fixture('lsp', 'minutes-units.yaml'),
      'budget.minutes': fixture('lsp', 'budget.minutes'),
    });
    client = await TestClient.start({ folders: [root], settings: { today } });
    // Completion ranks units by their use in the workspace: wait until the workspace is indexed.
    await client.waitFor('itemsChanged', (p) => p.uris.some((u) => u.endsWith('/budget.minutes')));
  });

  after(() => client.kill());

  describe('completion at the cursor of each fixture', () => {
    const files = fs.readdirSync(repoPath('test', 'fixtures', 'completion'));

    it('has an expectation for every fixture', () => {
      assert.deepStrictEqual(files.sort(), Object.keys(expectedCompletions).sort());
    });

    for (const file of files) {
      it(file, async () => {
        const expected = expectedCompletions[file];
        const { text, position } = cursor(fixture('completion', file));
        const uri = uriOf(path.join(root, 'completion', file));
        await client.open(uri, text);
        try {
          const result = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri },
            position,
          });
          const items = (Array.isArray(result) ? result : (result?.items ?? [])) as CompletionItem[];
          const labels = items.map((i) => i.label);
          for (const label of expected.includes)
            assert.ok(labels.includes(label), `${label} in ${labels.join(', ')}`);
          for (const label of expected.excludes ?? [])
            assert.ok(!labels.includes(label), `${label} not offered`);
          if (expected.first) {
            const sorted = [...items].sort((a, b) =>
              (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label),
            );
            assert.strictEqual(sorted[0].label, expected.first);
          }
        } finally {
          await client.close(uri);
        }
      });
    }
  });

  it('says the shared edit range once to a client that takes list defaults, with the same edits', async () => {
    const { text, position } = cursor(fixture('completion', 'mention.minutes'));
    const uri = uriOf(path.join(root, 'completion', 'mention.minutes'));
    const compact = await TestClient.start({
      folders: [root],
      settings: { today },
      completionDefaults: true,
    });
    try {
      await compact.waitFor('itemsChanged', (p) => p.uris.some((u) => u.endsWith('/budget.minutes')));
      await client.open(uri, text);
      await compact.open(uri, text);
      const plain = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
      })) as CompletionList;
      const list = (await compact.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
      })) as CompletionList;
      const range = list.itemDefaults?.editRange;
      assert.ok(range && 'start' in range, 'one edit range for the list');
      assert.ok(list.items.length > 0 && list.items.every((i) => i.textEdit === undefined));
      // What each item inserts, and where, is what the plain answer says item by item.
      const edits = (items: CompletionItem[], shared?: typeof range) =>
        items.map((i) => ({
          label: i.label,
          sortText: i.sortText,
          filterText: i.filterText ?? i.label,
          edit: i.textEdit ?? { range: shared, newText: i.textEditText ?? i.label },
        }));
      assert.deepStrictEqual(edits(list.items, range), edits(plain.items));
      assert.strictEqual(list.isIncomplete, plain.isIncomplete);
    } finally {
      await compact.close(uri);
      await client.close(uri);
      compact.kill();
    }
  });

  describe('on an open document', () => {
    const text = fixture('lsp', 'park.minutes');
    let uri: string;

    before(async () => {
      uri = uriOf(path.join(root, 'park.minutes'));
      await client.open(uri, text);
      await client.diagnosticsFor(uri);
    });

    after(() => client.close(uri));

    it('gives the outline: sections with their items', async () => {
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri },
      })) as DocumentSymbol[];
      const names = (list: DocumentSymbol[]): string[] =>
        list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
      const all = names(symbols);
      assert.ok(all.includes('一、会议决定'), all.join(' | '));
      assert.ok(all.includes('二、会议要求'), all.join(' | '));
      assert.ok(
        all.some((n) => n.startsWith('（一）加快园区建设')),
        all.join(' | '),
      );
    });

    it('hovers on a unit mention', async () => {
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionOf(text, '@县发改局；', 2),
      });
      assert.ok(hover, 'a hover');
      const contents = hover.contents as MarkupContent;
      assert.match(contents.value, /弥渡县发展和改革局/);
    });

    it('folds the sections', async () => {
      const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      assert.ok(ranges && ranges.length > 0);
      const decisions = positionOf(text, '一、会议决定').line;
      assert.ok(
        ranges.some((r) => r.startLine === decisions && r.endLine > decisions),
        JSON.stringify(ranges),
      );
    });

    it('applies a quick fix, and the diagnostic is gone after re-checking', async () => {
      const fixUri = uriOf(path.join(root, 'fix.minutes'));
      await client.open(fixUri, text);
      try {
        const published = await client.diagnosticsFor(fixUri);
        const missing = published.diagnostics.find((d) => d.code === 'missing-deadline');
        assert.ok(missing, 'a missing deadline');
        const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: fixUri },
          range: missing.range,
          context: { diagnostics: [missing], only: ['quickfix'] },
        })) as CodeAction[];
        const preferred = actions.find((a) => a.isPreferred) ?? actions[0];
        assert.ok(preferred?.edit?.changes?.[fixUri], JSON.stringify(actions));
        assert.strictEqual(preferred.kind, 'quickfix');
        const fixed = applyEdits(text, preferred.edit.changes[fixUri]);
        const version = await client.change(fixUri, fixed);
        const after = await client.diagnosticsFor(fixUri, version);
        assert.ok(
          !after.diagnostics.some(
            (d) => d.code === 'missing-deadline' && d.range.start.line === missing.range.start.line,
          ),
          JSON.stringify(after.diagnostics),
        );
      } finally {
        await client.close(fixUri);
      }
    });

    it('offers no quick fixes for kinds the client did not ask for', async () => {
      const published = await client.diagnosticsFor(uri, 1);
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: published.diagnostics[0].range,
        context: { diagnostics: published.diagnostics, only: ['refactor'] },
      });
      assert.deepStrictEqual(actions, []);
    });
  });
});
