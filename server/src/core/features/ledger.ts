/**
 * The ledger in the editor: an item's id (and its status) in hover and the outline, and the fixes that make a
 * follow-up entry name its item by id: pin the id it quotes, or take the id a dangling reference most likely
 * meant.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Locale } from '../api';
import { ledgerDocument, type LedgerDocument, type Reference } from '../ledger/extract';
import { workspaceLedger } from '../ledger/ledger';
import { STATUS_NAMES } from '../ledger/vocabulary';
import type { MinutesDocument } from '../model';
import type { WorkspaceDocuments } from '../rules/rule';

/** The ids of the document's ledger items, by where each item starts. */
export function itemIds(doc: MinutesDocument, file: string): Map<number, string> {
  return new Map(ledgerDocument(doc, file).items.map((i) => [i.span.start, i.id]));
}

/** Hover text for the ledger item whose first line holds `offset`, or null. */
export function ledgerHover(
  doc: MinutesDocument,
  offset: number,
  file: string,
  locale: Locale,
): string | null {
  const zh = locale === 'zh-CN';
  const item = ledgerDocument(doc, file).items.find((i) => {
    const lineEnd = doc.text.indexOf('\n', i.span.start);
    return offset >= i.span.start && offset <= (lineEnd < 0 ? i.span.end : lineEnd);
  });
  if (!item) return null;
  const pinned = item.pinned ? (zh ? '（已固定）' : ' (pinned)') : '';
  const lines = [zh ? `事项编号：\`${item.id}\`${pinned}` : `Item id: \`${item.id}\`${pinned}`];
  if (item.status) lines.push(`${zh ? '状态：' : 'Status: '}${STATUS_NAMES[item.status][locale]}`);
  if (item.origin)
    lines.push(`${zh ? '延续：' : 'Continues: '}${item.origin.id ?? `“${item.origin.quote}”`}`);
  return lines.join('\n\n');
}

const overlaps = (a: Range, b: Range): boolean =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

function refs(self: LedgerDocument): Reference[] {
  return [...self.followUps.map((f) => f.ref), ...self.items.flatMap((i) => (i.origin ? [i.origin] : []))];
}

/** Pin the id a quoting follow-up resolves to; name one of the suggested ids for a dangling reference. */
export function ledgerActions(
  doc: MinutesDocument,
  uri: string,
  range: Range,
  diagnostics: Diagnostic[],
  workspace: WorkspaceDocuments,
  locale: Locale,
): CodeAction[] {
  const zh = locale === 'zh-CN';
  const self = ledgerDocument(doc, workspace.file);
  const { index } = workspaceLedger(workspace.documents);
  const out: CodeAction[] = [];
  for (const ref of refs(self)) {
    if (ref.id !== null || !overlaps(ref.range, range)) continue;
    const known = index.resolve(ref, self);
    if (!known) continue;
    const id = known.item.id;
    out.push({
      title: zh ? `固定事项编号 ${id}` : `Pin the item id ${id}`,
      kind: CodeActionKind.QuickFix,
      edit: {
        changes: {
          [uri]: [{ range: { start: ref.range.start, end: ref.range.start }, newText: `{#${id}} ` }],
        },
      },
    });
  }
  for (const d of diagnostics) {
    const data = d.data as { rule?: string; suggestions?: unknown } | undefined;
    if (data?.rule !== 'dangling-reference' || !Array.isArray(data.suggestions) || !overlaps(d.range, range))
      continue;
    const ref = refs(self).find(
      (r) => r.range.start.line === d.range.start.line && r.range.start.character === d.range.start.character,
    );
    if (!ref) continue;
    for (const id of data.suggestions.filter((s): s is string => typeof s === 'string')) {
      const edit =
        ref.id !== null
          ? { range: ref.range, newText: doc.text.slice(ref.span.start, ref.span.end).replace(ref.id, id) }
          : { range: { start: ref.range.start, end: ref.range.start }, newText: `{#${id}} ` };
      out.push({
        title: zh ? `改为指向 ${id}` : `Refer to ${id}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [edit] } },
      });
    }
  }
  return out;
}
