/** The outline: sections and their items. */
import type { ServerContext } from '../context';
import { documentUri, guarded } from '../handlers';

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    guarded(ctx.log, 'document symbols', [], (params) => {
      const uri = documentUri(params);
      const doc = ctx.openModel(uri);
      return doc ? ctx.service().symbols(doc, ctx.displayName(uri)) : [];
    }),
  );
}
