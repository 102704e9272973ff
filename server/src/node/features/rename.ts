/** Renaming a unit: every minutes document of the workspace and the units registry. */
import { ErrorCodes, LSPErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { documentUri, guarded, position, stringParam } from '../handlers';
import { misreadRename } from '../../core/features/units';
import { message } from '../messages';
import { renameInRegistry } from '../registryEdits';
import { uriBasename } from '../uri';
import { readIfExists } from './references';

export function registerRename(ctx: ServerContext): void {
  ctx.connection.onPrepareRename(
    guarded(ctx.log, 'prepare rename', null, (params) => {
      const doc = ctx.openModel(documentUri(params));
      const unit = doc && ctx.service().unitAt(doc, position(params));
      return unit ? { range: unit.range, placeholder: unit.name } : null;
    }),
  );

  ctx.connection.onRenameRequest(
    guarded(ctx.log, 'rename', null as WorkspaceEdit | null, async (params, token) => {
      const uri = documentUri(params);
      const at = position(params);
      const newName = stringParam(params, 'newName').trim();
      if (newName === '' || /[\r\n]/.test(newName)) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'A unit name cannot be empty or span lines.');
      }
      const doc = ctx.openModel(uri);
      const unit = doc && ctx.service().unitAt(doc, at);
      if (!unit) return null;
      const service = ctx.service();
      const docs = await ctx.documentsNaming(unit.name, token);
      const misread = misreadRename(docs, unit.name, newName, service.parse);
      if (misread !== null) {
        const text = message('unwritableName', service.options.locale, newName, uriBasename(misread));
        throw new ResponseError(LSPErrorCodes.RequestFailed, text);
      }
      const edit = service.renameUnit(docs, unit.name, newName);
      if (ctx.trusted) {
        for (const file of ctx.config.registryFiles) {
          const text = await readIfExists(ctx, file);
          const edits = text === null ? [] : renameInRegistry(text, unit.name, newName);
          if (edits.length === 0) continue;
          if (edit.documentChanges) {
            edit.documentChanges.push({ textDocument: { uri: file, version: null }, edits });
          } else {
            edit.changes = { ...edit.changes, [file]: edits };
          }
        }
      }
      return edit;
    }),
  );
}
