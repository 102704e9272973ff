/** Quick fixes for the diagnostics the client sends back. */
import { CodeAction, type Command, type WorkspaceEdit } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { documentUri, guarded, range } from '../handlers';

/** The URIs an edit writes to. */
function editedUris(edit: WorkspaceEdit): string[] {
  const uris = Object.keys(edit.changes ?? {});
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) uris.push(change.textDocument.uri);
    else if ('uri' in change) uris.push(change.uri);
    else uris.push(change.oldUri, change.newUri);
  }
  return uris;
}

function kindMatches(kind: string | undefined, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return kind !== undefined && only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    guarded(ctx.log, 'code actions', [] as (CodeAction | Command)[], (params) => {
      const uri = documentUri(params);
      const at = range(params);
      const doc = ctx.openModel(uri);
      if (!doc) return [];
      const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      return (
        ctx
          .service()
          .codeActions(doc, uri, at, diagnostics, ctx.workspace(uri), ctx.openPeek(uri) ?? undefined)
          .filter((action) => kindMatches(action.kind, params.context?.only))
          // Untrusted: only fixes within the document itself (never the registry or other files).
          .filter((action) => ctx.trusted || editedUris(action.edit ?? {}).every((edited) => edited === uri))
      );
    }),
  );
}
