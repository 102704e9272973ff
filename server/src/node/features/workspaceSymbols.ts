/** Sections and items of every minutes document in the workspace, by name. */
import type { WorkspaceSymbol } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guarded, stringParam, throwIfCancelled } from '../handlers';
import { workspaceSymbol } from '../workspaceIndex';

/** At most this many symbols are answered; the editor asks again as the query grows. */
const maxResults = 1000;

/**
 * A test of whether the query's characters appear in a name in order (case ignored, spaces in the query
 * ignored); the query is read once, not per name.
 */
export function fuzzyMatcher(query: string): (name: string) => boolean {
  const wanted = [...query.toLowerCase().replace(/\s+/g, '')];
  return (name) => {
    const text = name.toLowerCase();
    let at = 0;
    for (const c of wanted) {
      at = text.indexOf(c, at);
      if (at < 0) return false;
      at += c.length;
    }
    return true;
  };
}

/** True when the query's characters appear in `name` in order (case ignored, spaces in the query ignored). */
export function fuzzyMatch(query: string, name: string): boolean {
  return fuzzyMatcher(query)(name);
}

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  ctx.connection.onWorkspaceSymbol(
    guarded(ctx.log, 'workspace symbols', [], async (params, token) => {
      const matches = fuzzyMatcher(stringParam(params, 'query'));
      await ctx.whenIndexed();
      const result: WorkspaceSymbol[] = [];
      for (const [uri, entry] of ctx.index) {
        throwIfCancelled(token);
        const { names } = entry.symbols;
        for (let i = 0; i < names.length; i++) {
          if (!matches(names[i])) continue;
          result.push(workspaceSymbol(uri, entry.symbols, i));
          if (result.length >= maxResults) return result;
        }
      }
      return result;
    }),
  );
}
