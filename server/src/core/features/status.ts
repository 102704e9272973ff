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
