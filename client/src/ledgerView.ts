/**
 * The follow-up ledger (督办台账) as an editor tab: a table of every item across the workspace's meetings,
 * with filters, overdue rows first and per-unit completion. The server filters and orders; the tab asks for
 * a page of rows at a time (`minutes/ledger`) and for the next page when the user wants more. Clicking a row
 * opens the item's line. Refreshed when the server reports changed items.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LedgerStatus } from '../../server/src/core/ledger/vocabulary';
import { itemsChangedNotification, ledgerRequest, type LedgerResult } from '../../server/src/protocol';
import { summaryCells } from '../../server/src/core/ledger/export';
import { NO_FILTER, type LedgerFilter } from '../../server/src/core/ledger/filter';

const t = vscode.l10n.t;

/** Rows asked for at a time. */
const PAGE = 500;

type Message =
  | { type: 'filter'; filter: LedgerFilter }
  | { type: 'more' }
  | { type: 'open'; uri: string; line: number }
  | { type: 'export' }
  | { type: 'ready' };

function strings(): Record<string, unknown> {
  const statuses: Record<LedgerStatus, string> = {
    open: t('Not started'),
    'in-progress': t('In progress'),
    done: t('Done'),
    cancelled: t('Cancelled'),
    'carried-over': t('Carried over'),
  };
  return {
    statuses,
    any: t('Any'),
    unit: t('Unit'),
    status: t('Status'),
    overdue: t('Overdue'),
    from: t('Due from'),
    to: t('to'),
    meeting: t('Meeting'),
    export: t('Export…'),
    columns: [
      t('Meeting'),
      t('Item'),
      t('Owner'),
      t('Supporting'),
      t('Due'),
      t('Status'),
      t('Progress'),
      t('ID'),
    ],
    summary: [
      t('Unit'),
      t('Items'),
      t('Done'),
      t('In progress'),
      t('Not started'),
      t('Overdue'),
      t('Cancelled'),
      t('Completion rate'),
    ],
    summaryTitle: t('By unit'),
    count: t('{0} of {1} items', '{0}', '{1}'),
    dangling: t('Follow-up entries that name no known item: {0}', '{0}'),
    empty: t('No items match.'),
    more: t('Show {0} more', '{0}'),
    completed: t('done {0}', '{0}'),
    carriedTo: t('carried to {0}', '{0}'),
    continues: t('continues {0}', '{0}'),
  };
}

function nonce(): string {
  let text = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) text += chars.charAt(Math.floor(Math.random() * chars.length));
  return text;
}

export class LedgerPanel implements vscode.Disposable {
  static readonly viewType = 'minutes.ledger';
  private panel: vscode.WebviewPanel | undefined;
  private result: LedgerResult | undefined;
  private filter: LedgerFilter = NO_FILTER;
  /** Each request's number: an answer to an older one (the filter has changed since) is dropped. */
  private asked = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      client.onNotification(itemsChangedNotification, () => (this.panel ? void this.refresh() : undefined)),
    );
  }

  /** Opens the ledger tab (or brings it forward) and loads the ledger. */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
    } else {
      this.panel = vscode.window.createWebviewPanel(
        LedgerPanel.viewType,
        t('Follow-up Ledger'),
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          retainContextWhenHidden: true,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'client', 'media')],
        },
      );
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m: Message) => this.receive(m), null, this.disposables);
      this.panel.webview.html = this.html(this.panel.webview);
    }
    await this.refresh();
  }

  /** Asks again for as many rows as are shown (at least a page), with the current filter. */
  async refresh(): Promise<void> {
    await this.load(0, Math.max(PAGE, this.result?.rows.length ?? 0));
  }

  /** Rows from `offset` on: a new answer, or (offset > 0) the next page of the one shown. */
  private async load(offset: number, limit: number): Promise<void> {
    const asked = ++this.asked;
    const result = await this.client.sendRequest(ledgerRequest, { filter: this.filter, offset, limit });
    if (asked !== this.asked) return;
    this.result =
      offset > 0 && this.result ? { ...result, rows: [...this.result.rows, ...result.rows] } : result;
    this.post();
  }

  private post(): void {
    if (!this.panel || !this.result) return;
    void this.panel.webview.postMessage({
      type: 'data',
      strings: strings(),
      options: this.result.options,
      filter: this.filter,
      total: this.result.total,
      matched: this.result.matched,
      page: PAGE,
      today: this.result.today,
      rows: this.result.rows,
      units: this.result.units.map((u) => summaryCells(u, '—')),
      dangling: this.result.dangling.length,
    });
  }

  private async receive(message: Message): Promise<void> {
    if (message.type === 'ready') this.post();
    else if (message.type === 'filter') {
      this.filter = { ...NO_FILTER, ...message.filter };
      await this.load(0, PAGE);
    } else if (message.type === 'more') {
      if (this.result) await this.load(this.result.rows.length, PAGE);
    } else if (message.type === 'open') {
      const position = new vscode.Position(message.line, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), {
        selection: new vscode.Range(position, position),
        viewColumn: vscode.ViewColumn.Beside,
      });
    } else if (message.type === 'export') {
      await vscode.commands.executeCommand('minutes.exportLedger');
    }
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(
      vscode.Uri.joinPath(this.extensionUri, 'client', 'media', 'ledger.js'),
    );
    const style = webview.asWebviewUri(
      vscode.Uri.joinPath(this.extensionUri, 'client', 'media', 'ledger.css'),
    );
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${t('Follow-up Ledger')}</title>
</head>
<body>
<form id="filters"></form>
<p id="count"></p>
<table id="ledger"><thead></thead><tbody></tbody></table>
<p id="more"></p>
<h2 id="summary-title"></h2>
<table id="summary"><thead></thead><tbody></tbody></table>
<p id="dangling"></p>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
