/**
 * The decisions & actions view (`minutes.items`). It shows what the server answers: the groups with their
 * counts (`minutes/itemGroups`), and a group's items a page at a time (`minutes/items`) once the group is
 * expanded. `minutes/itemsChanged` says which items changed: the view asks again only for the groups they
 * touch.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  daysBetween,
  groupByValues,
  groupsOf,
  type GroupBy,
  type GroupId,
} from '../../server/src/core/features/itemGroups';
import {
  itemGroupsRequest,
  itemsChangedNotification,
  itemsRequest,
  type ItemGroup,
  type ItemsChangedParams,
  type ListedItem,
} from '../../server/src/protocol';

export const viewId = 'minutes.items';
/** `contextValue` of items, for the view's context menu: `minutesItem` (open) or `minutesItemDone`. */
export const openItemContext = 'minutesItem';
const doneItemContext = 'minutesItemDone';
/** Items asked for at a time: when a group is expanded, and each time "more" is clicked. */
const pageSize = 200;
/** The server answers at most this many items a request. */
const largestPage = 500;
/** With more groups than this, every group starts collapsed: the view then asks only for those opened. */
const mostExpanded = 10;

interface GroupNode {
  type: 'group';
  group: ItemGroup;
  /** The items asked for so far (the first pages), null until the group is first expanded. */
  loaded: ListedItem[] | null;
}

interface ItemNode {
  type: 'item';
  ref: ListedItem;
  parent: GroupNode;
}

/** The last row of a group not listed in full: asks for the next page. */
interface MoreNode {
  type: 'more';
  parent: GroupNode;
}

export type Node = GroupNode | ItemNode | MoreNode;

const t = vscode.l10n.t;

export function groupBySetting(): GroupBy {
  const value = vscode.workspace.getConfiguration('minutes').get<string>('itemsView.groupBy');
  return groupByValues.find((v) => v === value) ?? 'unit';
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const groupKey = (group: GroupId): string => `${group.kind}:${group.title}`;
const itemKey = (item: { uri: string; key: string }): string => `${item.uri}\u0000${item.key}`;

export class ItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private roots: GroupNode[] = [];
  /** The grouping the roots were asked for. */
  private rootsGrouping: GroupBy | undefined;
  /** The date the server compared deadlines with. */
  private today = '';
  /** Open items past their deadline, across the workspace. */
  overdue = 0;
  /** Updates, one after another (a change's groups are asked for after the previous change's). */
  private updates: Promise<void> = Promise.resolve();
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
      client.onNotification(itemsChangedNotification, (params) => void this.itemsChanged(params)),
      vscode.commands.registerCommand('minutes.itemsView.more', (node: MoreNode) => this.more(node)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('minutes.itemsView.groupBy')) this.shownGrouping = undefined;
        if (e.affectsConfiguration('minutes.itemsView.groupBy') || e.affectsConfiguration('minutes.today'))
          void this.refresh();
      }),
    );
  }

  private get grouping(): GroupBy {
    return this.shownGrouping ?? groupBySetting();
  }

  /** Asks the server for the groups again, and for the items shown; redraws what changed. */
  refresh(): Promise<void> {
    return this.update(() => true);
  }

  /** Shows the items grouped `by` (or, with undefined, as the setting says) without changing the setting. */
  showGrouping(by: GroupBy | undefined): Promise<void> {
    this.shownGrouping = by;
    return this.refresh();
  }

  private itemsChanged(params: ItemsChangedParams): Promise<void> {
    if (params.reset) return this.refresh();
    const touched = new Set<string>();
    const by = this.grouping;
    for (const listed of [...params.added, ...params.changed]) {
      for (const group of groupsOf(listed.item, listed.file, by, this.today)) touched.add(groupKey(group));
    }
    // The groups that show a changed or removed item as it was.
    const gone = new Set([...params.changed, ...params.removed].map(itemKey));
    for (const node of this.roots) {
      if (node.loaded?.some((l) => gone.has(itemKey(l)))) touched.add(groupKey(node.group));
    }
    if (touched.size === 0) return this.updates;
    return this.update((key) => touched.has(key));
  }

  /** Asks for the groups, and again for the items of the groups `touched` that were shown. */
  private update(touched: (key: string) => boolean): Promise<void> {
    this.updates = this.updates.then(async () => {
      try {
        await this.load(touched);
      } catch (error) {
        this.client.error('Could not get the decisions and actions', error);
      }
    });
    return this.updates;
  }

  private async load(touched: (key: string) => boolean): Promise<void> {
    const by = this.grouping;
    const answer = await this.client.sendRequest(itemGroupsRequest, { groupBy: by });
    this.today = answer.today;
    const regrouped = by !== this.rootsGrouping;
    const before = new Map(regrouped ? [] : this.roots.map((node) => [groupKey(node.group), node]));
    const redraw: GroupNode[] = [];
    const roots: GroupNode[] = [];
    for (const group of answer.groups) {
      const node = before.get(groupKey(group));
      if (!node) {
        roots.push({ type: 'group', group, loaded: null });
        continue;
      }
      const counted = node.group.count !== group.count;
      node.group = group;
      let items = node.loaded;
      if (node.loaded && touched(groupKey(group))) {
        items = await this.fetch(by, group, Math.max(node.loaded.length, pageSize));
      }
      // Redraw only what changed: a redraw replaces the rows' click handlers under the user.
      if (counted || JSON.stringify(items) !== JSON.stringify(node.loaded)) redraw.push(node);
      node.loaded = items;
      roots.push(node);
    }
    const reordered = roots.length !== this.roots.length || roots.some((node, i) => node !== this.roots[i]);
    this.roots = roots;
    this.rootsGrouping = by;
    this.overdue = answer.overdue;
    // The view's title bar offers the groupings not shown (package.json menus).
    void vscode.commands.executeCommand('setContext', 'minutes.itemsView.grouping', by);
    this.view.badge =
      answer.overdue > 0
        ? { value: answer.overdue, tooltip: t('{0} overdue item(s)', answer.overdue) }
        : undefined;
    if (reordered) this.changed.fire(undefined);
    else for (const node of redraw) this.changed.fire(node);
  }

  /** The first `count` items of a group (or all, when it holds fewer), a page at a time. */
  private async fetch(by: GroupBy, group: GroupId, count: number): Promise<ListedItem[]> {
    const items: ListedItem[] = [];
    while (items.length < count) {
      const page = await this.client.sendRequest(itemsRequest, {
        groupBy: by,
        group: { kind: group.kind, title: group.title },
        offset: items.length,
        limit: Math.min(largestPage, count - items.length),
      });
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) break;
    }
    return items;
  }

  /** The next page of a group. */
  private async more(node: MoreNode): Promise<void> {
    const group = node.parent;
    const loaded = group.loaded ?? [];
    const next = await this.fetch(this.grouping, group.group, loaded.length + pageSize);
    group.loaded = next;
    this.changed.fire(group);
  }

  /** Shows the view grouped by deadline (not changing the setting) with the overdue group open. */
  async revealOverdue(): Promise<void> {
    await this.showGrouping('deadline');
    await vscode.commands.executeCommand(`${viewId}.focus`);
    const overdue = this.roots.find((node) => node.group.kind === 'overdue');
    if (overdue) await this.view.reveal(overdue, { expand: true, focus: true, select: false });
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (this.rootsGrouping === undefined) await this.refresh();
      return this.roots;
    }
    if (node.type !== 'group') return [];
    node.loaded ??= await this.fetch(this.grouping, node.group, pageSize);
    const items: Node[] = node.loaded.map((ref) => ({ type: 'item', ref, parent: node }));
    return node.loaded.length < node.group.count ? [...items, { type: 'more', parent: node }] : items;
  }

  getParent(node: Node): Node | undefined {
    return node.type === 'group' ? undefined : node.parent;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') return this.groupItem(node.group, this.roots.length > mostExpanded);
    if (node.type === 'item') return this.itemItem(node.ref);
    const loaded = node.parent.loaded?.length ?? 0;
    const more = new vscode.TreeItem(
      t(
        'Show {0} more of {1}',
        Math.min(pageSize, node.parent.group.count - loaded),
        node.parent.group.count - loaded,
      ),
      vscode.TreeItemCollapsibleState.None,
    );
    more.command = { command: 'minutes.itemsView.more', title: '', arguments: [node] };
    more.iconPath = new vscode.ThemeIcon('ellipsis');
    return more;
  }

  private groupItem(group: ItemGroup, many: boolean): vscode.TreeItem {
    const fixed = group.kind !== 'unit' && group.kind !== 'document';
    const item = new vscode.TreeItem(
      fixed ? t(group.title) : group.title,
      !many &&
        (group.kind === 'overdue' ||
          group.kind === 'thisWeek' ||
          group.kind === 'document' ||
          group.kind === 'unit')
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `${group.kind}:${group.title}`;
    item.description = String(group.count);
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

  private itemItem(ref: ListedItem): vscode.TreeItem {
    const { item } = ref;
    const now = this.today;
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
