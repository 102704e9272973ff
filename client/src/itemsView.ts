/**
 * The decisions & actions view (`minutes.items`). Everything it shows comes from the server's
 * `minutes/items` request; it is refreshed when the server sends `minutes/itemsChanged`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { itemsChangedNotification, itemsRequest, type UriDocumentRecord } from '../../server/src/protocol';
import { localDay } from '../../server/src/core/dates';
import {
  daysBetween,
  groupByValues,
  groupItems,
  overdueItems,
  type Group,
  type GroupBy,
  type ItemRef,
} from './grouping';

export const viewId = 'minutes.items';
/** `contextValue` of items, for the view's context menu: `minutesItem` (open) or `minutesItemDone`. */
export const openItemContext = 'minutesItem';
const doneItemContext = 'minutesItemDone';

interface GroupNode {
  type: 'group';
  group: Group;
}

interface ItemNode {
  type: 'item';
  ref: ItemRef;
  parent: GroupNode;
}

export type Node = GroupNode | ItemNode;

const t = vscode.l10n.t;

/** The date the view compares deadlines with: `minutes.today`, else the local date. */
export function today(): string {
  const setting = vscode.workspace.getConfiguration('minutes').get<string | null>('today');
  return typeof setting === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(setting) ? setting : localDay(new Date());
}

export function groupBySetting(): GroupBy {
  const value = vscode.workspace.getConfiguration('minutes').get<string>('itemsView.groupBy');
  return groupByValues.find((v) => v === value) ?? 'unit';
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export class ItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private documents: UriDocumentRecord[] = [];
  private roots: GroupNode[] = [];
  private loading: Promise<void> | undefined;
  /**
   * A grouping shown instead of the `minutes.itemsView.groupBy` setting ("Show overdue" groups by deadline):
   * view state, never written to settings. Dropped when the setting changes or a grouping is chosen.
   */
  private shownGrouping: GroupBy | undefined;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      client.onNotification(itemsChangedNotification, () => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('minutes.itemsView.groupBy')) this.shownGrouping = undefined;
        if (e.affectsConfiguration('minutes.itemsView.groupBy') || e.affectsConfiguration('minutes.today'))
          this.regroup();
      }),
    );
  }

  /** Asks the server for the items again. */
  refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const result = await this.client.sendRequest(itemsRequest, {});
        // Redraw only when something changed: a redraw replaces the rows' click handlers under the user.
        if (JSON.stringify(result.documents) === JSON.stringify(this.documents)) return;
        this.documents = result.documents;
      } catch (error) {
        this.client.error('Could not get the decisions and actions', error);
      } finally {
        this.loading = undefined;
      }
      this.regroup();
    })();
    return this.loading;
  }

  /** The items as last received (after any refresh in flight). */
  async items(): Promise<UriDocumentRecord[]> {
    await this.loading;
    return this.documents;
  }

  /** Shows the items grouped `by` (or, with undefined, as the setting says) without changing the setting. */
  showGrouping(by: GroupBy | undefined): void {
    this.shownGrouping = by;
    this.regroup();
  }

  private regroup(): void {
    const now = today();
    const by = this.shownGrouping ?? groupBySetting();
    // The view's title bar offers the groupings not shown (package.json menus).
    void vscode.commands.executeCommand('setContext', 'minutes.itemsView.grouping', by);
    this.roots = groupItems(this.documents, by, now).map((group) => ({ type: 'group', group }));
    const overdue = overdueItems(this.documents, now).length;
    this.view.badge =
      overdue > 0 ? { value: overdue, tooltip: t('{0} overdue item(s)', overdue) } : undefined;
    this.changed.fire(undefined);
  }

  /** Shows the view grouped by deadline (not changing the setting) with the overdue group open. */
  async revealOverdue(): Promise<void> {
    this.showGrouping('deadline');
    await vscode.commands.executeCommand(`${viewId}.focus`);
    const overdue = this.roots.find((node) => node.group.kind === 'overdue');
    if (overdue) await this.view.reveal(overdue, { expand: true, focus: true, select: false });
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    if (node.type === 'item') return [];
    return node.group.items.map((ref) => ({ type: 'item', ref, parent: node }));
  }

  getParent(node: Node): Node | undefined {
    return node.type === 'item' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.type === 'group' ? this.groupItem(node.group) : this.itemItem(node.ref);
  }

  private groupItem(group: Group): vscode.TreeItem {
    const fixed = group.kind !== 'unit' && group.kind !== 'document';
    const item = new vscode.TreeItem(
      fixed ? t(group.title) : group.title,
      group.kind === 'overdue' ||
        group.kind === 'thisWeek' ||
        group.kind === 'document' ||
        group.kind === 'unit'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `${group.kind}:${group.title}`;
    item.description = String(group.items.length);
    item.contextValue = `minutesGroup.${group.kind}`;
    item.iconPath = new vscode.ThemeIcon(
      {
        unit: 'organization',
        unassigned: 'question',
        overdue: 'error',
        thisWeek: 'calendar',
        later: 'history',
        noDeadline: 'circle-slash',
        document: 'file',
      }[group.kind],
    );
    return item;
  }

  private itemItem(ref: ItemRef): vscode.TreeItem {
    const { item } = ref;
    const now = today();
    const treeItem = new vscode.TreeItem(shorten(item.text), vscode.TreeItemCollapsibleState.None);
    const missing: string[] = [];
    if (!item.resolution && item.owners.length === 0) missing.push(t('No owner'));
    if (!item.resolution && !item.deadline?.date) missing.push(t('No deadline'));
    const facts: string[] = [];
    const date = item.deadline?.date;
    if (date && item.status === 'open' && date < now)
      facts.push(t('overdue by {0} day(s)', daysBetween(date, now)));
    else if (date) facts.push(t('due {0}', date));
    if (item.owners.length > 0) facts.push(item.owners.map((o) => o.name).join('、'));
    treeItem.description = [...missing, ...facts].join(' · ');
    treeItem.iconPath = new vscode.ThemeIcon(
      item.status === 'done'
        ? 'pass'
        : missing.length > 0
          ? 'warning'
          : item.kind === 'decision'
            ? 'law'
            : 'tasklist',
    );
    treeItem.contextValue = item.status === 'done' ? doneItemContext : openItemContext;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(item.text);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(t('owner: {0}', item.owners.map((o) => o.name).join('、') || t('No owner')));
    tooltip.appendMarkdown('  \n');
    tooltip.appendText(
      item.deadline
        ? t('due {0}', item.deadline.date ?? item.deadline.text)
        : item.vagueDeadline
          ? t('due {0}', item.vagueDeadline)
          : t('No deadline'),
    );
    tooltip.appendMarkdown('  \n');
    tooltip.appendText(`${ref.file}:${item.range.start.line + 1}`);
    treeItem.tooltip = tooltip;
    treeItem.command = {
      command: 'minutes.openItem',
      title: '',
      arguments: [ref.uri, item.range.start.line, item.range.start.character],
    };
    return treeItem;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
