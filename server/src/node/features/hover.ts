/** Hover on units, owners, deadlines and dates, and on an item (its ledger id). */
import type { ServerContext } from '../context';
import { documentUri, guarded, position } from '../handlers';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    guarded(ctx.log, 'hover', null, (params) => {
      const uri = documentUri(params);
      const at = position(params);
      const doc = ctx.openModel(uri);
      return doc
        ? ctx
            .service()
            .hover(
              doc,
              at,
              ctx.index.unitCounts(uri),
              ctx.openDiagnostics(uri) ?? undefined,
              ctx.displayName(uri),
            )
        : null;
    }),
  );
}
