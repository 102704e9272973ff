/** The extension's commands. Each asks the server for data; none parses minutes itself. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  exportDocumentRequest,
  exportRequest,
  ledgerExportRequest,
  markDoneRequest,
  revealAndSuggestCommand,
  type ExportFormat,
  type LedgerExportFormat,
} from '../../server/src/protocol';
import type { GroupBy } from '../../server/src/core/features/itemGroups';
import type { ItemsView, Node } from './itemsView';
import type { LedgerPanel } from './ledgerView';
import type { Previews } from './preview';
import { fileTemplates } from './templates';

const t = vscode.l10n.t;

async function openItem(uri: string, line: number, character: number): Promise<void> {
  const position = new vscode.Position(line, character);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
    selection: new vscode.Range(position, position),
    preview: true,
  });
}

/** After a quick fix that leaves a name to fill in: put the cursor there and open completion. */
async function revealAndSuggest(uri: string, at: { line: number; character: number }): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  const position = new vscode.Position(at.line, at.character);
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
}

async function markDone(client: LanguageClient, node: Node | undefined): Promise<void> {
  if (node?.type !== 'item') return;
  const edit = await client.sendRequest(markDoneRequest, {
    uri: node.ref.uri,
    line: node.ref.item.range.start.line,
    text: node.ref.item.text,
    version: node.ref.version,
  });
  if (
    !edit ||
    !(await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit)))
  ) {
    void vscode.window.showWarningMessage(t('Could not find the item to mark done.'));
    return;
  }
  vscode.window.setStatusBarMessage(t('Item marked done.'), 3000);
}

async function newMinutes(extension: vscode.Extension<unknown>): Promise<void> {
  const templates = await fileTemplates(extension);
  const picked = await vscode.window.showQuickPick(
    [
      { label: t('Chinese (会议纪要)'), body: templates.zh },
      { label: t('English minutes'), body: templates.en },
    ],
    { placeHolder: t('New minutes') },
  );
  if (!picked) return;
  const document = await vscode.workspace.openTextDocument({ language: 'minutes', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  if (picked.body) await editor.insertSnippet(new vscode.SnippetString(picked.body));
}

/** The save dialog, then (for an existing file) a modal question before replacing it; undefined when cancelled. */
async function askSaveTarget(
  options: vscode.SaveDialogOptions,
): Promise<{ target: vscode.Uri; name: string } | undefined> {
  const target = await vscode.window.showSaveDialog(options);
  if (!target) return undefined;
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  if (await exists(target)) {
    const overwrite = t('Overwrite');
    const answer = await vscode.window.showWarningMessage(
      t('Overwrite {0}?', name),
      { modal: true },
      overwrite,
    );
    if (answer !== overwrite) return undefined;
  }
  return { target, name };
}

async function exportItems(client: LanguageClient): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', format: 'csv' as ExportFormat, extension: 'csv' },
      { label: 'Markdown', format: 'markdown' as ExportFormat, extension: 'md' },
    ],
    { placeHolder: t('Export decisions and actions') },
  );
  if (!picked) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const saveTo = await askSaveTarget({
    title: t('Export decisions and actions'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, `minutes-items.${picked.extension}`) : undefined,
    filters: { [picked.label]: [picked.extension] },
  });
  if (!saveTo) return;
  const { target, name } = saveTo;
  const result = await client.sendRequest(exportRequest, { format: picked.format });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  void vscode.window.showInformationMessage(t('Exported {0} item(s) to {1}', result.count, name));
}

async function exportLedger(client: LanguageClient): Promise<void> {
  const formats: { label: string; format: LedgerExportFormat; extension: string }[] = [
    { label: t('Excel workbook (督办台账)'), format: 'xlsx', extension: 'xlsx' },
    { label: 'CSV', format: 'csv', extension: 'csv' },
    { label: 'Markdown', format: 'markdown', extension: 'md' },
    { label: 'JSON', format: 'json', extension: 'json' },
    { label: t('Calendar of open deadlines (iCalendar)'), format: 'ics', extension: 'ics' },
  ];
  const picked = await vscode.window.showQuickPick(formats, {
    placeHolder: t('Export the follow-up ledger'),
  });
  if (!picked) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const saveTo = await askSaveTarget({
    title: t('Export the follow-up ledger'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, `ledger.${picked.extension}`) : undefined,
    filters: { [picked.label]: [picked.extension] },
  });
  if (!saveTo) return;
  const { target, name } = saveTo;
  const result = await client.sendRequest(ledgerExportRequest, { format: picked.format });
  const bytes =
    result.base64 !== undefined
      ? Buffer.from(result.base64, 'base64')
      : new TextEncoder().encode(result.text ?? '');
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(t('Exported {0} item(s) to {1}', result.count, name));
}

/** The minutes document a command is for: the one given (editor title, explorer), else the active editor's. */
async function minutesDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'minutes') return document;
  void vscode.window.showInformationMessage(t('Open a minutes file (*.minutes, *.minutes.md) first.'));
  return undefined;
}

async function openPreview(previews: Previews, uri: vscode.Uri | undefined): Promise<void> {
  const document = await minutesDocument(uri);
  if (document) previews.show(document);
}

/** Asks where to save (and before replacing a file), then writes the .docx the server lays out. */
async function exportDocument(client: LanguageClient, uri: vscode.Uri | undefined): Promise<void> {
  const document = await minutesDocument(uri);
  if (!document) return;
  const base = document.uri.path
    .slice(document.uri.path.lastIndexOf('/') + 1)
    .replace(/\.minutes(\.md)?$|\.[^.]*$/i, '');
  const folder = document.isUntitled
    ? vscode.workspace.workspaceFolders?.[0]?.uri
    : vscode.Uri.joinPath(document.uri, '..');
  const saveTo = await askSaveTarget({
    title: t('Export as Word Document'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base || 'minutes'}.docx`) : undefined,
    filters: { [t('Word document')]: ['docx'] },
  });
  if (!saveTo) return;
  const { target, name } = saveTo;
  const result = await client.sendRequest(exportDocumentRequest, {
    textDocument: { uri: document.uri.toString() },
  });
  if (!result) {
    void vscode.window.showErrorMessage(t('Could not lay out {0} as a Word document.', base));
    return;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  void vscode.window.showInformationMessage(t('Exported {0}', name));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Groups the view as the user chose: the `minutes.itemsView.groupBy` setting. */
async function groupBy(view: ItemsView, value: GroupBy): Promise<void> {
  void view.showGrouping(undefined);
  const config = vscode.workspace.getConfiguration('minutes');
  const inspected = config.inspect('itemsView.groupBy');
  const target =
    inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('itemsView.groupBy', value, target);
}

async function showOverdue(view: ItemsView): Promise<void> {
  await view.refresh();
  if (view.overdue === 0) {
    void vscode.window.showInformationMessage(t('No overdue items.'));
    return;
  }
  await view.revealOverdue();
}

export function registerCommands(
  client: LanguageClient,
  view: ItemsView,
  previews: Previews,
  ledger: LedgerPanel,
  extension: vscode.Extension<unknown>,
): vscode.Disposable[] {
  const register = vscode.commands.registerCommand;
  return [
    register('minutes.openItem', openItem),
    register(revealAndSuggestCommand, revealAndSuggest),
    register('minutes.markDone', (node?: Node) => markDone(client, node)),
    register('minutes.newMinutes', () => newMinutes(extension)),
    register('minutes.exportItems', () => exportItems(client)),
    register('minutes.showLedger', () => ledger.show()),
    register('minutes.exportLedger', () => exportLedger(client)),
    register('minutes.openPreviewToSide', (uri?: vscode.Uri) => openPreview(previews, uri)),
    register('minutes.exportDocument', (uri?: vscode.Uri) => exportDocument(client, uri)),
    register('minutes.showOverdue', () => showOverdue(view)),
    register('minutes.refreshItems', () => view.refresh()),
    register('minutes.restartServer', () => client.restart()),
    register('minutes.groupByUnit', () => groupBy(view, 'unit')),
    register('minutes.groupByDeadline', () => groupBy(view, 'deadline')),
    register('minutes.groupByDocument', () => groupBy(view, 'document')),
  ];
}
