/** The extension's commands. Each asks the server for data; none parses minutes itself. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  exportRequest,
  ledgerExportRequest,
  markDoneRequest,
  revealAndSuggestCommand,
  type ExportFormat,
  type LedgerExportFormat,
} from '../../server/src/protocol';
import type { GroupBy } from './grouping';
import { overdueItems } from './grouping';
import { today, type ItemsView, type Node } from './itemsView';
import type { LedgerPanel } from './ledgerView';
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

async function markDone(client: LanguageClient, view: ItemsView, node: Node | undefined): Promise<void> {
  if (node?.type !== 'item') return;
  const edit = await client.sendRequest(markDoneRequest, {
    uri: node.ref.uri,
    line: node.ref.item.range.start.line,
  });
  if (
    !edit ||
    !(await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit)))
  ) {
    void vscode.window.showWarningMessage(t('Could not find the item to mark done.'));
    return;
  }
  vscode.window.setStatusBarMessage(t('Item marked done.'), 3000);
  void view.refresh();
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

async function exportItems(client: LanguageClient): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'CSV', format: 'csv' as ExportFormat, extension: 'csv' },
      { label: 'Markdown', format: 'markdown' as ExportFormat, extension: 'md' },
    ],
    { placeHolder: t('Export decisions and actions') },
  );
  if (!picked) return;
  const target = await saveTarget(
    t('Export decisions and actions'),
    `minutes-items.${picked.extension}`,
    picked.label,
    picked.extension,
  );
  if (!target) return;
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const result = await client.sendRequest(exportRequest, { format: picked.format });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  void vscode.window.showInformationMessage(t('Exported {0} item(s) to {1}', result.count, name));
}

/** Asks where to save (and whether to overwrite); undefined when the user cancels. */
async function saveTarget(
  title: string,
  file: string,
  filter: string,
  extension: string,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined,
    filters: { [filter]: [extension] },
  });
  if (!target || !(await exists(target))) return target;
  const overwrite = t('Overwrite');
  const answer = await vscode.window.showWarningMessage(
    t('Overwrite {0}?', target.path.slice(target.path.lastIndexOf('/') + 1)),
    { modal: true },
    overwrite,
  );
  return answer === overwrite ? target : undefined;
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
  const target = await saveTarget(
    t('Export the follow-up ledger'),
    `ledger.${picked.extension}`,
    picked.label,
    picked.extension,
  );
  if (!target) return;
  const result = await client.sendRequest(ledgerExportRequest, { format: picked.format });
  const bytes =
    result.base64 !== undefined
      ? Buffer.from(result.base64, 'base64')
      : new TextEncoder().encode(result.text ?? '');
  await vscode.workspace.fs.writeFile(target, bytes);
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  void vscode.window.showInformationMessage(t('Exported {0} item(s) to {1}', result.count, name));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function groupBy(value: GroupBy): Promise<void> {
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
  if (overdueItems(await view.items(), today()).length === 0) {
    void vscode.window.showInformationMessage(t('No overdue items.'));
    return;
  }
  await groupBy('deadline');
  await view.revealOverdue();
}

export function registerCommands(
  client: LanguageClient,
  view: ItemsView,
  ledger: LedgerPanel,
  extension: vscode.Extension<unknown>,
): vscode.Disposable[] {
  const register = vscode.commands.registerCommand;
  return [
    register('minutes.openItem', openItem),
    register(revealAndSuggestCommand, revealAndSuggest),
    register('minutes.markDone', (node?: Node) => markDone(client, view, node)),
    register('minutes.newMinutes', () => newMinutes(extension)),
    register('minutes.exportItems', () => exportItems(client)),
    register('minutes.showLedger', () => ledger.show()),
    register('minutes.exportLedger', () => exportLedger(client)),
    register('minutes.showOverdue', () => showOverdue(view)),
    register('minutes.refreshItems', () => view.refresh()),
    register('minutes.restartServer', () => client.restart()),
    register('minutes.groupByUnit', () => groupBy('unit')),
    register('minutes.groupByDeadline', () => groupBy('deadline')),
    register('minutes.groupByDocument', () => groupBy('document')),
  ];
}
