/** Hover: a unit (canonical name, aliases, parent, open items it owns), a deadline (date, weekday, days left). */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Locale, UnitsRegistry } from '../api';
import { daysBetween, weekday } from '../dates';
import type { MinutesDocument, Span } from '../model';
import { escapeMarkdown } from '../markdown';
import { rules } from '../rules';
import { UnitIndex } from '../units';
import { ledgerHover } from './ledger';
import { mentionAt } from './units';

const WEEKDAYS: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
};

const inside = (span: Span, offset: number): boolean => offset >= span.start && offset <= span.end;

function unitHover(
  doc: MinutesDocument,
  name: string,
  registry: UnitsRegistry | null,
  locale: Locale,
): string {
  const zh = locale === 'zh-CN';
  const unit = registry ? new UnitIndex(registry).lookup(name) : undefined;
  const canonical = unit?.name ?? name;
  const names = new Set([canonical, ...(unit?.aliases ?? [])]);
  const open = doc.items.filter((i) => i.status === 'open' && i.owners.some((o) => names.has(o.name))).length;
  // Names come from the document and the registry: shown as text, never as links, images or HTML.
  const lines = [`**${escapeMarkdown(canonical)}**`];
  if (unit && unit.aliases.length > 0)
    lines.push(`${zh ? '简称' : 'Aliases'}: ${unit.aliases.map(escapeMarkdown).join('、')}`);
  if (unit?.parent) lines.push(`${zh ? '上级单位' : 'Parent'}: ${escapeMarkdown(unit.parent)}`);
  if (registry && !unit) lines.push(zh ? '不在单位名录中' : 'Not in the units registry');
  lines.push(zh ? `本纪要中未完成事项：${open} 项` : `Open items in these minutes: ${open}`);
  return lines.join('\n\n');
}

function dateHover(date: string, today: string | null, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const lines = [`**${date}** ${WEEKDAYS[locale][weekday(date)]}`];
  if (today) {
    const d = daysBetween(today, date);
    if (d > 0) lines.push(zh ? `还剩 ${d} 天` : `${d} day${d === 1 ? '' : 's'} left`);
    else if (d === 0) lines.push(zh ? '今天到期' : 'Due today');
    else lines.push(zh ? `已超期 ${-d} 天` : `Overdue by ${-d} day${d === -1 ? '' : 's'}`);
  }
  return lines.join('\n\n');
}

export function hover(
  doc: MinutesDocument,
  position: Position,
  registry: UnitsRegistry | null,
  locale: Locale,
  today: string | null,
  ruleIdsHere: readonly string[],
  file = '',
): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const parts: string[] = [];
  let range: Span | null = null;
  const mention = mentionAt(doc, offset);
  if (mention) {
    parts.push(unitHover(doc, mention.name, registry, locale));
    range = mention.span;
  } else {
    const date =
      doc.dates.find((d) => inside(d.span, offset) && d.date) ??
      doc.items.map((i) => i.deadline).find((d) => d && d.date && inside(d.span, offset));
    if (date?.date) {
      parts.push(dateHover(date.date, today, locale));
      range = date.span;
    }
  }
  const item = ledgerHover(doc, offset, file, locale);
  if (item) parts.push(item);
  for (const id of ruleIdsHere) {
    const rule = rules.find((r) => r.id === id);
    if (rule) parts.push(`\`${rule.id}\`: ${rule.description[locale]}`);
  }
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(range ? { range: doc.lines.range(range) } : {}),
  };
}
