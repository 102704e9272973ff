/** Folding of the header, sections and long items. */
import type { ServerContext } from '../context';
import { documentUri, guarded } from '../handlers';

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    guarded(ctx.log, 'folding ranges', [], (params) => {
      const doc = ctx.openModel(documentUri(params));
      return doc ? ctx.service().folding(doc) : [];
    }),
  );
}
