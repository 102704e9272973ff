/** Completion of units, header fields and dates (the core decides what to offer). */
import { MAX_UNIT_COMPLETIONS } from '../../core/api';
import type { ServerContext } from '../context';
import { documentUri, guarded, position } from '../handlers';

/** `@` starts a mention, the colons a labelled field, digits a date or a number. */
export const completionTriggerCharacters = ['@', '：', ':', ...'0123456789'];

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    guarded(ctx.log, 'completion', [], (params) => {
      const uri = documentUri(params);
      const at = position(params);
      const doc = ctx.openModel(uri);
      if (!doc) return [];
      const items = ctx.service().completions(doc, at, ctx.index.unitCounts(uri));
      // A capped list of units: the client asks again as the user types on.
      return items.length >= MAX_UNIT_COMPLETIONS ? { isIncomplete: true, items } : items;
    }),
  );
}
