/** The custom requests behind the decisions & actions view: its groups, a page of a group, mark done, export. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { formatActionsCsv, formatActionsMarkdown } from '../../core/export';
import { groupByValues, type GroupBy, type GroupKind } from '../../core/features/itemGroups';
import { targetItemLine } from '../../core/features/status';
import {
  exportRequest,
  itemGroupsRequest,
  itemsRequest,
  markDoneRequest,
  type ExportResult,
  type ItemGroupsResult,
  type ItemsResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { countParam, guarded, stringParam, throwIfCancelled } from '../handlers';

/** The most items one page holds. */
const pageSize = 500;

const groupKinds: readonly GroupKind[] = [
  'unit',
  'unassigned',
  'overdue',
  'thisWeek',
  'later',
  'noDeadline',
  'document',
];

function groupByParam(params: unknown): GroupBy {
  const value = stringParam(params, 'groupBy');
  const by = groupByValues.find((v) => v === value);
  if (!by)
    throw new ResponseError(ErrorCodes.InvalidParams, `groupBy must be one of ${groupByValues.join(', ')}`);
  return by;
}

export function registerItems(ctx: ServerContext): void {
  ctx.connection.onRequest(
    itemGroupsRequest,
    guarded(
      ctx.log,
      'minutes/itemGroups',
      { groups: [], overdue: 0, documents: 0, today: '' } as ItemGroupsResult,
      async (params, token) => {
        const by = groupByParam(params);
        await ctx.whenIndexed();
        throwIfCancelled(token);
        const today = ctx.today();
        const groups = ctx.index.groups(by, today);

        return {
          groups: groups.map((g) => ({ kind: g.kind, title: g.title, count: g.items.length })),
          overdue: ctx.index.overdue(today),
          documents: ctx.index.size,
          today,
        };
      },
    ),
  );

  ctx.connection.onRequest(
    itemsRequest,
    guarded(ctx.log, 'minutes/items', { items: [], total: 0 } as ItemsResult, async (params, token) => {
      const by = groupByParam(params);
      const group = params.group as unknown;
      const kind =
        typeof group === 'object' && group !== null ? (group as { kind?: unknown }).kind : undefined;
      const title = stringParam(group, 'title');
      if (!groupKinds.includes(kind as GroupKind)) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `group.kind must be one of ${groupKinds.join(', ')}`,
        );
      }
      const offset = params.offset === undefined ? 0 : countParam(params, 'offset');
      const limit = Math.min(pageSize, params.limit === undefined ? pageSize : countParam(params, 'limit'));
      await ctx.whenIndexed();
      throwIfCancelled(token);
      const found = ctx.index.groups(by, ctx.today()).find((g) => g.kind === kind && g.title === title);
      if (!found) return { items: [], total: 0 };
      const items = found.items.slice(offset, offset + limit);
      return { items, total: found.items.length };
    }),
  );

  ctx.connection.onRequest(
    markDoneRequest,
    guarded(ctx.log, 'minutes/markDone', null, async (params) => {
      const uri = stringParam(params, 'uri');
      const line = countParam(params, 'line');
      const text = stringParam(params, 'text');
      const version = params.version === undefined ? undefined : countParam(params, 'version');
      const doc = await ctx.loadModel(uri);
      const sameVersion = version === ctx.documents.get(uri)?.version;
      const at = doc && targetItemLine(doc, { line, text, sameVersion });
      const edits = doc && at !== null ? ctx.service().markDone(doc, at) : [];
      return edits.length > 0 ? { changes: { [uri]: edits } } : null;
    }),
  );

  ctx.connection.onRequest(
    exportRequest,
    guarded(ctx.log, 'minutes/export', { text: '', count: 0 } as ExportResult, async (params, token) => {
      const format = stringParam(params, 'format');
      if (format !== 'csv' && format !== 'markdown') {
        throw new ResponseError(ErrorCodes.InvalidParams, 'format must be "csv" or "markdown"');
      }
      const documents = await ctx.records(token);
      const today = ctx.today();
      const text =
        format === 'csv' ? formatActionsCsv(documents, today) : formatActionsMarkdown(documents, today);
      return { text, count: documents.reduce((n, d) => n + d.items.length, 0) };
    }),
  );
}
