/** Outline: title → header → sections → items; folding ranges by section. */
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
} from 'vscode-languageserver-types';
import type { Locale } from '../api';
import type { Item, MinutesDocument, SectionKind, Span } from '../model';
import { shorten } from '../text';

const KIND_LABEL: Record<SectionKind | Item['kind'], { en: string; 'zh-CN': string }> = {
  finding: { en: 'finding', 'zh-CN': '情况' },
  decision: { en: 'decision', 'zh-CN': '决定事项' },
  requirement: { en: 'requirement', 'zh-CN': '工作要求' },
  action: { en: 'action', 'zh-CN': '待办' },
  other: { en: 'section', 'zh-CN': '部分' },
};

const SECTION_SYMBOL: Record<SectionKind, SymbolKind> = {
  finding: SymbolKind.Namespace,
  decision: SymbolKind.Module,
  requirement: SymbolKind.Module,
  other: SymbolKind.Namespace,
};

const ITEM_SYMBOL: Record<Item['kind'], SymbolKind> = {
  finding: SymbolKind.String,
  decision: SymbolKind.Event,
  requirement: SymbolKind.Field,
  action: SymbolKind.Function,
};

function symbol(
  doc: MinutesDocument,
  name: string,
  detail: string,
  kind: SymbolKind,
  span: Span,
  selection: Span,
): DocumentSymbol {
  const range = doc.lines.range(span);
  const selectionRange = doc.lines.range({
    start: Math.max(span.start, selection.start),
    end: Math.min(span.end, selection.end),
  });
  return { name: name.trim() || '…', detail, kind, range, selectionRange, children: [] };
}

export function itemDetail(item: Item, locale: Locale): string {
  const parts: string[] = [KIND_LABEL[item.kind][locale]];
  if (item.owners.length > 0) parts.push(item.owners.map((o) => o.name).join('、'));
  if (item.deadline) parts.push(item.deadline.date ?? item.deadline.text);
  if (item.status === 'done') parts.push(locale === 'zh-CN' ? '已完成' : 'done');
  return parts.join(' · ');
}

function itemName(doc: MinutesDocument, item: Item): string {
  const head = doc.text.slice(item.headSpan.start, item.headSpan.end).replace(/\s+/g, ' ').trim();
  const clause = /^.{4,}?(?=[，,：:])/.exec(head)?.[0] ?? head;
  return shorten(clause, 40);
}

/** `ids`: the ledger ids of the document's items, by where each starts (shown after the item's detail). */
export function documentSymbols(
  doc: MinutesDocument,
  locale: Locale,
  ids: ReadonlyMap<number, string> = new Map(),
): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (doc.title) out.push(symbol(doc, doc.title.text, '', SymbolKind.File, doc.title.span, doc.title.span));
  if (doc.header.length > 0) {
    const first = doc.header[0].span;
    const last = doc.header[doc.header.length - 1].span;
    const header = symbol(
      doc,
      locale === 'zh-CN' ? '会议要素' : 'Header',
      '',
      SymbolKind.Object,
      { start: first.start, end: last.end },
      first,
    );
    header.children = doc.header.map((h) =>
      symbol(doc, h.label, h.value, SymbolKind.Property, h.span, h.span),
    );
    out.push(header);
  }
  const loose: DocumentSymbol[] = [];
  const sectionSymbols = doc.sections.map((s) => {
    const sym = symbol(
      doc,
      s.heading,
      KIND_LABEL[s.kind][locale],
      SECTION_SYMBOL[s.kind],
      s.span,
      s.headingSpan,
    );
    return sym;
  });
  doc.items.forEach((item) => {
    const sym = symbol(
      doc,
      itemName(doc, item),
      [itemDetail(item, locale), ids.has(item.span.start) ? `#${ids.get(item.span.start)}` : '']
        .filter(Boolean)
        .join(' · '),
      ITEM_SYMBOL[item.kind],
      item.span,
      item.headSpan,
    );
    if (item.section === null) loose.push(sym);
    else sectionSymbols[item.section].children!.push(sym);
  });
  // Not `push(...loose)`: a hundred thousand items as call arguments overflow the stack.
  for (const sym of loose) out.push(sym);
  for (const sym of sectionSymbols) out.push(sym);
  out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return out;
}

export function foldingRanges(doc: MinutesDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const fold = (span: Span, kind?: FoldingRangeKind): void => {
    const startLine = doc.lines.lineAt(span.start);
    let end = span.end;
    while (end > span.start && /\s/.test(doc.text[end - 1])) end--;
    const endLine = doc.lines.lineAt(end);
    if (endLine <= startLine || out.some((r) => r.startLine === startLine && r.endLine === endLine)) return;
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (doc.header.length > 1)
    fold(
      { start: doc.header[0].span.start, end: doc.header[doc.header.length - 1].span.end },
      FoldingRangeKind.Imports,
    );
  for (const s of doc.sections) fold(s.span, FoldingRangeKind.Region);
  for (const item of doc.items) fold(item.span);
  return out;
}
