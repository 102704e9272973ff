/** Every place a unit is named, across the workspace (and its registry entry). */
import type { Location } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { documentUri, guarded, position } from '../handlers';
import { readText } from '../fileSystem';
import { registryDefinition } from '../registryEdits';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(
    guarded(ctx.log, 'references', [] as Location[], async (params, token) => {
      const uri = documentUri(params);
      const doc = ctx.openModel(uri);
      const unit = doc && ctx.service().unitAt(doc, position(params));
      if (!unit) return [];
      const locations = ctx.service().references(await ctx.documentsNaming(unit.name, token), unit.name);
      if (params.context?.includeDeclaration && ctx.trusted) {
        for (const file of ctx.config.registryFiles) {
          const text = await readIfExists(ctx, file);
          const definition = text === null ? null : registryDefinition(text, unit.name);
          if (definition) locations.unshift({ uri: file, range: definition });
        }
      }
      return locations;
    }),
  );
}

/** A file's text, or null when it does not exist. */
export async function readIfExists(ctx: ServerContext, uri: string): Promise<string | null> {
  const stat = await ctx.fs.stat(uri);
  return stat?.kind === 'file' ? readText(ctx.fs, uri) : null;
}
