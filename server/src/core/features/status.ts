/** Marking an item done: tick its box, set its status label, or add one. */
import type { TextEdit } from 'vscode-languageserver-types';
import type { MinutesDocument } from '../model';

export function markDone(doc: MinutesDocument, line: number): TextEdit[] {
  const item = doc.items.find(
    (i) =>
      doc.lines.lineAt(i.span.start) <= line && doc.lines.lineAt(i.span.end) >= line && i.kind !== 'finding',
  );
  if (!item || item.status === 'done') return [];
  const zh = /[\u4e00-\u9fff]/.test(item.text);
  if (item.statusSpan) {
    const current = doc.text.slice(item.statusSpan.start, item.statusSpan.end);
    if (current.startsWith('[')) return [{ range: doc.lines.range(item.statusSpan), newText: '[x]' }];
    const label = /^[^:：]+[:：]\s*/.exec(current)?.[0] ?? (zh ? '状态：' : 'Status: ');
    return [{ range: doc.lines.range(item.statusSpan), newText: `${label}${zh ? '已完成' : 'done'}` }];
  }
  let end = item.span.end;
  if (zh && /[。；;]/.test(doc.text[end - 1] ?? '')) end--;
  const pos = doc.lines.positionAt(end);
  return [{ range: { start: pos, end: pos }, newText: zh ? '（状态：已完成）' : ' Status: done.' }];
}

/** The item a request means, as the items view listed it. */
export interface ItemTarget {
  /** The item's first line (0-based) when it was listed. */
  line: number;
  /** The item's text when it was listed (`ItemRecord.text`): its identity. */
  text: string;
  /** Whether the document is still at the version it was listed from. */
  sameVersion: boolean;
}

/**
 * The first line of the item `target` means, or null when it cannot be told for sure: at the same version,
 * the item with that text at that line; after an edit, the only item with that text (lines may have moved, and
 * of two items with the same text the line no longer says which).
 */
export function targetItemLine(doc: MinutesDocument, target: ItemTarget): number | null {
  const lines = doc.items
    .filter((i) => i.kind !== 'finding' && i.text === target.text)
    .map((i) => doc.lines.lineAt(i.span.start));
  if (target.sameVersion) return lines.includes(target.line) ? target.line : null;
  return lines.length === 1 ? lines[0] : null;
}
