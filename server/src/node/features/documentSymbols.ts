/** The outline: sections and their items. */
import type { ServerContext } from '../context';
import { documentUri, guarded } from '../handlers';

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    guarded(ctx.log, 'document symbols', [], (params) => {
      const doc = ctx.openModel(documentUri(params));
      return doc ? ctx.service().symbols(doc) : [];
    }),
  );
}
