/** The custom requests behind the decisions & actions view: items, mark done, export. */
import { formatActionsCsv, formatActionsMarkdown } from '../../core/export';
import { targetItemLine } from '../../core/features/status';
import {
  exportRequest,
  itemsRequest,
  markDoneRequest,
  type ExportResult,
  type ItemsResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { countParam, guarded, stringParam } from '../handlers';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export function registerItems(ctx: ServerContext): void {
  ctx.connection.onRequest(
    itemsRequest,
    guarded(ctx.log, 'minutes/items', { documents: [] } as ItemsResult, async (_params, token) => ({
      documents: await ctx.records(token),
    })),
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
