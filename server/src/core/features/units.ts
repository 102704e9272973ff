/** Units as symbols: the mention at a position, its occurrences, rename and references across documents. */
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { MinutesDocument, NamedSpan } from '../model';

/** The unit mention containing `offset` (mentions are sorted by start). */
export function mentionAt(doc: MinutesDocument, offset: number): NamedSpan | null {
  const list = doc.mentions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid];
    if (offset < m.span.start) hi = mid - 1;
    else if (offset > m.span.end) lo = mid + 1;
    else return m;
  }
  return null;
}

export function unitAt(doc: MinutesDocument, position: Position): { name: string; range: Range } | null {
  const m = mentionAt(doc, doc.lines.offsetAt(position));
  return m ? { name: m.name, range: doc.lines.range(m.span) } : null;
}

export function unitOccurrences(doc: MinutesDocument, unit: string): Range[] {
  return doc.mentions.filter((m) => m.name === unit).map((m) => doc.lines.range(m.span));
}

export function renameUnit(
  docs: { uri: string; doc: MinutesDocument }[],
  unit: string,
  newName: string,
): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, doc } of docs) {
    const edits = unitOccurrences(doc, unit).map((range) => ({ range, newText: newName }));
    if (edits.length > 0) changes[uri] = edits;
  }
  return { changes };
}

/**
 * The first document (its URI) that would not read `newName` back at every place `renameUnit` writes it —
 * `Finance Dept`, `财政局、审计局` or `A@B` read as other names or as two — or null when every one would.
 */
export function misreadRename(
  docs: { uri: string; doc: MinutesDocument }[],
  unit: string,
  newName: string,
  parse: (text: string) => MinutesDocument,
): string | null {
  const count = (doc: MinutesDocument, name: string) => doc.mentions.filter((m) => m.name === name).length;
  for (const { uri, doc } of docs) {
    const spans = doc.mentions.filter((m) => m.name === unit).map((m) => m.span);
    if (spans.length === 0) continue;
    const pieces: string[] = [];
    let at = 0;
    for (const span of spans) {
      pieces.push(doc.text.slice(at, span.start), newName);
      at = span.end;
    }
    pieces.push(doc.text.slice(at));
    if (count(parse(pieces.join('')), newName) !== count(doc, newName) + spans.length) return uri;
  }
  return null;
}

export function references(docs: { uri: string; doc: MinutesDocument }[], unit: string): Location[] {
  return docs.flatMap(({ uri, doc }) => unitOccurrences(doc, unit).map((range) => ({ uri, range })));
}
