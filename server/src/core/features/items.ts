/** The extracted decisions and actions of a document: the `minutes actions` JSON contract, version 1. */
import type { DocumentRecord, ItemRecord, Locale } from '../api';
import type { MinutesDocument } from '../model';
import type { UnitIndex } from '../units';

export function documentRecord(
  doc: MinutesDocument,
  file: string,
  units: UnitIndex | null = null,
): DocumentRecord {
  const items: ItemRecord[] = [];
  for (const item of doc.items) {
    if (item.kind === 'finding') continue;
    items.push({
      kind: item.kind,
      section: item.section === null ? null : doc.sections[item.section].heading,
      text: item.text,
      range: doc.lines.range(item.span),
      owners: item.owners.map((o) => ({
        name: o.name,
        role: o.role,
        vague: o.vague,
        unit: units?.lookup(o.name)?.name ?? null,
      })),
      deadline:
        item.deadline && !item.deadline.vague ? { text: item.deadline.text, date: item.deadline.date } : null,
      vagueDeadline: item.deadline?.vague
        ? item.deadline.text
        : item.vagueDeadlines.length > 0
          ? doc.text.slice(item.vagueDeadlines[0].start, item.vagueDeadlines[0].end)
          : null,
      status: item.status,
      resolution: item.resolution,
    });
  }
  const m = doc.meeting;
  return {
    file,
    language: languageOf(doc.text),
    title: doc.title?.text ?? null,
    meeting: { date: m.date, place: m.place, chair: m.chair, attendees: m.attendees, recorder: m.recorder },
    items,
  };
}

/**
 * In the first 4,000 characters of `text`: how many Chinese characters (U+4E00–U+9FFF) and how many runs of
 * Latin letters. Counted in one pass, without building arrays of matches.
 */
export function scriptCounts(text: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  let inWord = false;
  const end = Math.min(text.length, 4000);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter && !inWord) latin++;
    inWord = letter;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return { han, latin };
}

/** `zh-CN` for minutes written mostly in Chinese characters, else `en` (from the first 4,000 characters). */
export function languageOf(text: string): Locale {
  const { han, latin } = scriptCounts(text);
  return han > 0 && han >= latin ? 'zh-CN' : 'en';
}

/**
 * An open item whose resolved deadline lies before `today` (ISO dates compare as strings). The one definition
 * the \`overdue\` rule, the CLI's overdue column and the items view share.
 */
export function isOverdue(
  item: { status: 'open' | 'done'; deadline: { date: string | null } | null },
  today: string,
): boolean {
  const date = item.deadline?.date;
  return item.status === 'open' && typeof date === 'string' && date < today;
}

/** Owner names used in a document, with how often: for ranking completion across the workspace. */
export function unitsUsed(doc: MinutesDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of doc.mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return counts;
}
