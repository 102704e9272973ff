/** Completion of units, header fields and dates (the core decides what to offer). */
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver';
import { MAX_UNIT_COMPLETIONS } from '../../core/api';
import type { ServerContext } from '../context';
import { documentUri, guarded, position } from '../handlers';

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/**
 * The list with what its items share said once: when the client takes an edit range for the whole list (LSP
 * 3.17's `itemDefaults`, as VS Code does) and every item replaces the same range, the range goes to the list
 * and an item carries its text only where it differs from its label. A list of 200 units is then about half
 * the JSON, which is most of a completion request's time.
 */
export function completionList(
  items: CompletionItem[],
  isIncomplete: boolean,
  editRange: boolean,
): CompletionList {
  const first = items[0]?.textEdit;
  const range = first && 'range' in first ? first.range : null;
  const shared =
    editRange &&
    range !== null &&
    items.every((i) => i.textEdit && 'range' in i.textEdit && sameRange(i.textEdit.range, range));
  if (!shared) return { isIncomplete, items };
  return {
    isIncomplete,
    itemDefaults: { editRange: range },
    items: items.map(({ textEdit, filterText, ...item }) => ({
      ...item,
      ...(filterText === undefined || filterText === item.label ? {} : { filterText }),
      ...(textEdit!.newText === item.label ? {} : { textEditText: textEdit!.newText }),
    })),
  };
}

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
      const defaults = ctx.clientCapabilities().textDocument?.completion?.completionList?.itemDefaults ?? [];
      // A capped list of units: the client asks again as the user types on.
      return completionList(items, items.length >= MAX_UNIT_COMPLETIONS, defaults.includes('editRange'));
    }),
  );
}
