/**
 * The extension's language features through the VS Code API, against the real language server, in a
 * workspace that is a copy of examples/ (see test/e2e/workspace.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseUnitsRegistry } from '../../server/src/core/units';

const EXTENSION_ID = 'structured-minutes.structured-minutes';
/** examples/industrial-park-minutes.txt, as written (see test/e2e/workspace.ts). */
const DRAFT_FILE = 'industrial-park-minutes.minutes';
/** The tidied version of the same minutes. */
const EXAMPLE_FILE = 'industrial-park.minutes';
const DIAGNOSTICS_TIMEOUT_MS = 20_000;

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder holding a copy of examples/');
  return folder.uri;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object'
    ? String(d.code.value)
    : d.code === undefined
      ? undefined
      : String(d.code);
}

/** The document's diagnostics, once they satisfy `ready` (awaiting the diagnostics-changed event). */
function diagnostics(
  uri: vscode.Uri,
  ready: (d: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (ready(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const codes = vscode.languages.getDiagnostics(uri).map(codeOf);
      reject(
        new Error(
          `diagnostics of ${uri.path} not as expected after ${DIAGNOSTICS_TIMEOUT_MS} ms: ${codes.join(', ')}`,
        ),
      );
    }, DIAGNOSTICS_TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const now = vscode.languages.getDiagnostics(uri);
      if (!ready(now)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(now);
    });
  });
}

const withRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule);

/** Writes `text` to a new file of the workspace and opens it in an editor. */
async function openNew(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function unitNames(): Promise<string[]> {
  const bytes = await vscode.workspace.fs.readFile(
    vscode.Uri.joinPath(workspaceFolder(), 'minutes-units.yaml'),
  );
  const { registry } = parseUnitsRegistry(Buffer.from(bytes).toString('utf8'));
  assert.ok(registry && registry.units.length > 0, 'minutes-units.yaml of the examples holds no units');
  return registry.units.map((u) => u.name);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('Structured Minutes in the extension host', () => {
  let draft: vscode.TextDocument;
  let example: vscode.TextDocument;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    example = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), EXAMPLE_FILE));
    draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), DRAFT_FILE));
    await vscode.window.showTextDocument(draft);
  });

  it('opens .minutes files in the minutes language', () => {
    assert.strictEqual(draft.languageId, 'minutes');
    assert.strictEqual(example.languageId, 'minutes');
  });

  it('reports decisions without an owner', async () => {
    const ds = await diagnostics(draft.uri, withRule('missing-owner'));
    const missing = ds.filter((d) => codeOf(d) === 'missing-owner');
    assert.ok(missing.length > 0);
    for (const d of missing) assert.strictEqual(d.source, 'minutes');
    for (const rule of ['vague-owner', 'placeholder']) assert.ok(withRule(rule)(ds), `no ${rule} diagnostic`);
  });

  it('gives the sections and their decisions as document symbols', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      example.uri,
    );
    assert.ok(symbols && symbols.length > 0, 'no symbols');
    const names = symbols.map((s) => s.name);
    for (const heading of ['会议认为', '会议决定']) {
      assert.ok(
        names.some((n) => n.includes(heading)),
        `no section ${heading} in ${JSON.stringify(names)}`,
      );
    }
    const decisions = symbols.find((s) => s.name.includes('会议决定'));
    assert.ok(decisions && decisions.children.length > 0, 'the 会议决定 section has no decisions under it');
  });

  it('completes units after @', async () => {
    const units = await unitNames();
    const doc = await openNew('completion.minutes', '会议纪要\n\n一、会议决定\n一是加强组织领导，@');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      end,
      '@',
    );
    const labels = list.items.map(labelOf);
    assert.ok(
      units.some((u) => labels.includes(u)),
      `no unit of minutes-units.yaml among ${JSON.stringify(labels.slice(0, 20))}`,
    );
  });

  it('offers a quick fix that adds a missing deadline, and the fix removes the diagnostic', async () => {
    const doc = await openNew('quick-fix.minutes', draft.getText());
    const ds = await diagnostics(doc.uri, withRule('missing-deadline'));
    const target = ds.find((d) => codeOf(d) === 'missing-deadline') as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      target.range,
    );
    const fix = actions.find(
      (a): a is vscode.CodeAction =>
        'edit' in a &&
        a.edit !== undefined &&
        !!a.kind &&
        vscode.CodeActionKind.QuickFix.contains(a.kind) &&
        /deadline|时限/i.test(a.title),
    );
    assert.ok(fix?.edit, `no deadline quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnostics(
      doc.uri,
      (now) =>
        !now.some((d) => codeOf(d) === 'missing-deadline' && d.range.start.isEqual(target.range.start)),
    );
  });

  it('renames a unit at every mention', async () => {
    const [unit] = await unitNames();
    const doc = await openNew(
      'rename.minutes',
      `会议纪要\n\n一、会议决定\n一是加强组织领导，@${unit} 负责，6月底前完成。\n二是健全管理机构，@${unit} 牵头，7月底前完成。\n`,
    );
    const at = doc.positionAt(doc.getText().indexOf(`@${unit}`) + 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      at,
      '新单位',
    );
    assert.ok(edit, 'no rename edit');
    const edits = edit.get(doc.uri);
    assert.ok(edits.length >= 2, `expected both mentions renamed, got ${edits.length} edit(s)`);
    for (const e of edits) assert.ok(e.newText.includes('新单位'));
  });

  it('shows overdue items grouped by deadline without writing any setting', async () => {
    const settings = vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'settings.json');
    const before = await vscode.workspace.fs.readFile(settings).then(
      (bytes) => Buffer.from(bytes).toString('utf8'),
      () => null,
    );
    await vscode.commands.executeCommand('minutes.showOverdue');
    const inspected = vscode.workspace.getConfiguration('minutes').inspect('itemsView.groupBy');
    assert.strictEqual(inspected?.workspaceValue, undefined, 'no workspace setting written');
    assert.strictEqual(inspected?.globalValue, undefined, 'no user setting written');
    const after = await vscode.workspace.fs.readFile(settings).then(
      (bytes) => Buffer.from(bytes).toString('utf8'),
      () => null,
    );
    assert.strictEqual(after, before, '.vscode/settings.json unchanged');
  });
});
