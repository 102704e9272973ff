/** Sections and items of every minutes document in the workspace, by name. */
import type { WorkspaceSymbol } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guarded, stringParam, throwIfCancelled } from '../handlers';

/** At most this many symbols are answered; the editor asks again as the query grows. */
const maxResults = 1000;

/** True when the query's characters appear in `name` in order (case ignored, spaces in the query ignored). */
export function fuzzyMatch(query: string, name: string): boolean {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const text = name.toLowerCase();
  let at = 0;
  for (const c of wanted) {
    at = text.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  ctx.connection.onWorkspaceSymbol(
    guarded(ctx.log, 'workspace symbols', [], async (params, token) => {
      const query = stringParam(params, 'query');
      await ctx.whenIndexed();
      const result: WorkspaceSymbol[] = [];
      for (const [, entry] of ctx.index) {
        throwIfCancelled(token);
        for (const symbol of entry.symbols) {
          if (!fuzzyMatch(query, symbol.name)) continue;
          result.push(symbol);
          if (result.length >= maxResults) return result;
        }
      }
      return result;
    }),
  );
}
