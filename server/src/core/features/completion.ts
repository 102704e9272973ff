/**
 * Completion: organisational units after `@` and owner labels, measurement units after a number, header
 * keys at the top, section phrases at a line start, and concrete deadlines after a deadline label.
 */
import {
  CompletionItemKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { MAX_UNIT_COMPLETIONS, type Locale, type UnitsRegistry, type WorkspaceUnitCounts } from '../api';
import { addDays, chineseDeadline, endOfMonth, endOfQuarter, weekday } from '../dates';
import type { MinutesDocument } from '../model';
import { DEADLINE_LABELS, HEADER_KEYS, MEASUREMENT_UNITS, OWNER_LABELS } from '../vocabulary';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OWNER_CONTEXT = new RegExp(
  `(?:${OWNER_LABELS.map((l) => escape(l.label)).join('|')})\\s*[:：]\\s*(?:[^\\n；;。]*[、，,/\\s])?@?([^\\s@、，,；;。：:]*)$`,
  'i',
);
const MENTION_CONTEXT = /@([^\s@，,。；;：:、！!？?（）()【】[\]“”"'《》<>]*)$/;
const NUMBER_CONTEXT = /[0-9０-９](?:[.．][0-9０-９]+)?$/;
const DEADLINE_CONTEXT = new RegExp(
  `(?:${DEADLINE_LABELS.map(escape).join('|')})\\s*[:：]\\s*([^\\n；;。]*)$`,
  'i',
);

interface Phrase {
  label: string;
  insert: string;
  detail: { en: string; 'zh-CN': string };
}

const SECTION_PHRASES: Phrase[] = [
  { label: '会议认为', insert: '会议认为，', detail: { en: 'finding', 'zh-CN': '认为（情况）' } },
  { label: '会议指出', insert: '会议指出，', detail: { en: 'finding', 'zh-CN': '指出（情况）' } },
  { label: '会议决定', insert: '会议决定，', detail: { en: 'decision', 'zh-CN': '决定事项' } },
  { label: '会议议定', insert: '会议议定：', detail: { en: 'decision', 'zh-CN': '议定事项' } },
  { label: '会议强调', insert: '会议强调，', detail: { en: 'requirement', 'zh-CN': '强调（要求）' } },
  { label: '会议要求', insert: '会议要求，', detail: { en: 'requirement', 'zh-CN': '要求事项' } },
  {
    label: '## Decisions',
    insert: '## Decisions',
    detail: { en: 'decisions section', 'zh-CN': '决定事项（英文）' },
  },
  {
    label: '## Action items',
    insert: '## Action items',
    detail: { en: 'actions section', 'zh-CN': '待办事项（英文）' },
  },
  {
    label: '## Discussion',
    insert: '## Discussion',
    detail: { en: 'discussion section', 'zh-CN': '讨论（英文）' },
  },
];

function replaceRange(position: Position, typed: number): Range {
  return { start: { line: position.line, character: position.character - typed }, end: position };
}

/** Whether the characters of `typed` appear in `label` in order (how editors filter completions). */
function subsequence(typed: string, label: string): boolean {
  let k = 0;
  for (let i = 0; i < label.length && k < typed.length; i++) if (label[i] === typed[k]) k++;
  return k === typed.length;
}

/** A registry unit or alias as completion offers it; built once per registry, locale and context. */
interface UnitEntry {
  label: string;
  /** The names whose workspace use counts for this entry (the unit and all its aliases). */
  names: string[];
  item: Omit<CompletionItem, 'textEdit' | 'sortText'> & { newText: string };
}

/**
 * The registry's entries as completion looks them up, built once per registry (a new registry, a new
 * index), locale and context: in registry order, in label order (so the labels starting with what is typed
 * are one run, found by binary search), and by name (so the workspace's counts reach their entries without a
 * pass over the registry).
 */
interface UnitIndex {
  entries: UnitEntry[];
  /** Entry numbers in label order; entries with the same label in registry order. */
  byLabel: number[];
  /** For each name, the entries it counts for (once per time it is among an entry's names). */
  entriesOf: Map<string, number[]>;
  labels: Set<string>;
}

const indexCache = new WeakMap<UnitsRegistry, Map<string, UnitIndex>>();

const compareLabels = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function registryIndex(registry: UnitsRegistry, locale: Locale, afterAt: boolean): UnitIndex {
  let byContext = indexCache.get(registry);
  if (!byContext) indexCache.set(registry, (byContext = new Map()));
  const key = `${locale}:${afterAt}`;
  const cached = byContext.get(key);
  if (cached) return cached;
  const entries: UnitEntry[] = [];
  for (const u of registry.units) {
    // An `@` mention ends at white space: after `@`, a name with spaces is written by an alias without any.
    const newText = !afterAt || !/\s/.test(u.name) ? u.name : u.aliases.find((a) => !/\s/.test(a));
    if (newText === undefined) continue;
    const names = [u.name, ...u.aliases];
    const documentation = [
      u.aliases.length > 0 ? `${locale === 'zh-CN' ? '简称' : 'Aliases'}: ${u.aliases.join('、')}` : '',
      u.parent ? `${locale === 'zh-CN' ? '上级' : 'Parent'}: ${u.parent}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    entries.push({
      label: u.name,
      names,
      item: {
        label: u.name,
        kind: CompletionItemKind.Module,
        detail: locale === 'zh-CN' ? '单位名录' : 'units registry',
        ...(documentation ? { documentation } : {}),
        filterText: u.name,
        newText,
      },
    });
    for (const alias of u.aliases) {
      entries.push({
        label: alias,
        names,
        item: {
          label: alias,
          kind: CompletionItemKind.Reference,
          detail: `→ ${u.name}`,
          filterText: alias,
          newText,
        },
      });
    }
  }
  const byLabel = entries.map((_, i) => i);
  byLabel.sort((a, b) => compareLabels(entries[a].label, entries[b].label) || a - b);
  const entriesOf = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const name of e.names) {
      const list = entriesOf.get(name);
      if (list) list.push(i);
      else entriesOf.set(name, [i]);
    }
  });
  const index = { entries, byLabel, entriesOf, labels: new Set(entries.map((e) => e.label)) };
  byContext.set(key, index);
  return index;
}

/** The first position in `byLabel` whose label is not below `typed`. */
function lowerBound(index: UnitIndex, typed: string): number {
  let lo = 0;
  let hi = index.byLabel.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.entries[index.byLabel[mid]].label < typed) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Found {
  entry: UnitEntry['item'];
  label: string;
  uses: number;
  /** Registry entries first, in registry order, then the workspace's own names: the order ties keep. */
  order: number;
}

/**
 * Units to offer for what is typed: registry names and aliases and workspace units whose letters hold the
 * typed ones in order, most used first, at most `MAX_UNIT_COMPLETIONS` (the client asks again as the user
 * types on, so a large registry never floods the list). The registry's index does the looking up: a request
 * builds only the entries it answers with.
 */
function unitCompletions(
  registry: UnitsRegistry | null,
  workspace: WorkspaceUnitCounts | undefined,
  range: Range,
  locale: Locale,
  typed: string,
  afterAt: boolean,
): CompletionItem[] {
  const matches = (label: string): boolean => typed === '' || subsequence(typed, label);
  const index = registry ? registryIndex(registry, locale, afterAt) : null;
  const entries = index?.entries ?? [];
  // Uses by entry, from the workspace's counts: only the entries of names the workspace uses.
  const uses = new Map<number, number>();
  const extras: Found[] = [];
  for (const [name, n] of workspace ?? []) {
    const mine = index?.entriesOf.get(name);
    if (mine) for (const i of mine) uses.set(i, (uses.get(i) ?? 0) + n);
    if (index?.labels.has(name) || (afterAt && /\s/.test(name)) || !matches(name)) continue;
    const detail = locale === 'zh-CN' ? `工作区已用 ${n} 次` : `used ${n}× in the workspace`;
    extras.push({
      entry: { label: name, kind: CompletionItemKind.Value, detail, filterText: name, newText: name },
      label: name,
      uses: n,
      order: entries.length + extras.length,
    });
  }
  const found = (i: number): Found => ({
    entry: entries[i].item,
    label: entries[i].label,
    uses: uses.get(i) ?? 0,
    order: i,
  });
  // Within the cap, every match in registry order, then the workspace's own names.
  let total = extras.length;
  for (let i = 0; i < entries.length && total <= MAX_UNIT_COMPLETIONS; i++)
    if (matches(entries[i].label)) total++;
  let chosen: Found[];
  if (total <= MAX_UNIT_COMPLETIONS) {
    chosen = [];
    for (let i = 0; i < entries.length; i++) if (matches(entries[i].label)) chosen.push(found(i));
    chosen.push(...extras);
  } else {
    // Over the cap: those starting with what is typed first, then most used, then by label. The used ones
    // and the workspace's own are few and sorted; the unused ones are taken in label order from the index.
    const rank = (label: string): number => (label.startsWith(typed) ? 0 : 1);
    const byUse = (a: Found, b: Found): number =>
      b.uses - a.uses || compareLabels(a.label, b.label) || a.order - b.order;
    const used = [...uses.keys()].filter((i) => matches(entries[i].label)).map(found);
    const ranked = [...used, ...extras].sort((a, b) => rank(a.label) - rank(b.label) || byUse(a, b));
    chosen = [];
    const byLabel = index?.byLabel ?? [];
    const prefixStart = index ? lowerBound(index, typed) : 0;
    let k = 0;
    // Every label starts with an empty `typed`: then there is no second rank.
    for (const r of typed === '' ? [0] : [0, 1]) {
      if (chosen.length >= MAX_UNIT_COMPLETIONS) break;
      // The unused entries of this rank, in label order: for rank 0 the run of labels starting with `typed`.
      const unused: number[] = [];
      const from = r === 0 ? prefixStart : 0;
      for (let p = from; p < byLabel.length && unused.length < MAX_UNIT_COMPLETIONS; p++) {
        const i = byLabel[p];
        const label = entries[i].label;
        if (r === 0 && !label.startsWith(typed)) break;
        if (uses.has(i) || rank(label) !== r || !matches(label)) continue;
        unused.push(i);
      }
      // Merged with the ranked ones of this rank.
      let u = 0;
      while (chosen.length < MAX_UNIT_COMPLETIONS) {
        const next = k < ranked.length && rank(ranked[k].label) === r ? ranked[k] : null;
        const other = u < unused.length ? found(unused[u]) : null;
        if (!next && !other) break;
        if (next && (!other || byUse(next, other) <= 0)) {
          chosen.push(next);
          k++;
        } else {
          chosen.push(other!);
          u++;
        }
      }
    }
  }
  const sortText = (f: Found): string =>
    `${String(1e6 - Math.min(f.uses, 999999)).padStart(7, '0')}${f.label}`;
  return chosen.map((f) => {
    const { newText, ...item } = f.entry;
    return { ...item, textEdit: { range, newText }, sortText: sortText(f) };
  });
}

function measurementCompletions(position: Position, locale: Locale): CompletionItem[] {
  return MEASUREMENT_UNITS.map((m, i) => ({
    label: m.unit,
    kind: CompletionItemKind.Unit,
    detail: locale === 'zh-CN' ? '计量单位' : m.en,
    textEdit: { range: replaceRange(position, 0), newText: m.unit },
    sortText: String(i).padStart(3, '0'),
  }));
}

function headerCompletions(doc: MinutesDocument, range: Range, locale: Locale): CompletionItem[] {
  const used = new Set(doc.header.map((h) => h.key));
  const zh = locale === 'zh-CN' || /[\u4e00-\u9fff]/.test(doc.text.slice(0, 2000));
  return (Object.entries(HEADER_KEYS) as [keyof typeof HEADER_KEYS, readonly string[]][])
    .filter(([key]) => !used.has(key))
    .flatMap(([key, labels], i) => {
      const cn = labels.find((l) => /[\u4e00-\u9fff]/.test(l) && l.length <= 2) ?? labels[0];
      const en = labels.find((l) => /^[A-Z]/.test(l))!;
      return [
        { label: `${cn}：`, key, sort: zh ? 0 : 1 },
        { label: `${en}: `, key, sort: zh ? 1 : 0 },
      ].map((c) => ({
        label: c.label.trim(),
        kind: CompletionItemKind.Property,
        detail: c.key,
        textEdit: { range, newText: c.label },
        sortText: `${c.sort}${String(i).padStart(2, '0')}`,
      }));
    });
}

function sectionCompletions(range: Range, locale: Locale): CompletionItem[] {
  return SECTION_PHRASES.map((p, i) => ({
    label: p.label,
    kind: CompletionItemKind.Keyword,
    detail: p.detail[locale],
    textEdit: { range, newText: p.insert },
    sortText: `5${String(i).padStart(2, '0')}`,
  }));
}

/** Deadline suggestions computed from the meeting date (or today): 本周五, 月底, 季度末, 年底, 会后N日. */
function deadlineCompletions(
  anchor: string | null,
  range: Range,
  english: boolean,
  locale: Locale,
): CompletionItem[] {
  if (!anchor) return [];
  const friday = addDays(anchor, (5 - weekday(anchor) + 7) % 7);
  const choices: [string, string, string][] = [
    ['本周五', 'this Friday', friday],
    ['会后一周内', 'within a week', addDays(anchor, 7)],
    ['会后两周内', 'within two weeks', addDays(anchor, 14)],
    ['月底', 'end of month', endOfMonth(anchor)],
    ['下月底', 'end of next month', endOfMonth(addDays(endOfMonth(anchor), 1))],
    ['季度末', 'end of quarter', endOfQuarter(anchor)],
    ['年底', 'end of year', `${anchor.slice(0, 4)}-12-31`],
  ];
  const wd =
    locale === 'zh-CN'
      ? ['日', '一', '二', '三', '四', '五', '六']
      : ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return choices.map(([cn, en, iso], i) => {
    const newText = english ? iso : chineseDeadline(iso);
    const day = locale === 'zh-CN' ? `周${wd[weekday(iso)]}` : wd[weekday(iso)];
    return {
      label: `${locale === 'zh-CN' ? cn : en} (${iso})`,
      kind: CompletionItemKind.Constant,
      detail: `${iso} ${day}`,
      textEdit: { range, newText },
      filterText: newText,
      sortText: String(i).padStart(2, '0'),
    };
  });
}

export function completions(
  doc: MinutesDocument,
  position: Position,
  registry: UnitsRegistry | null,
  workspace: WorkspaceUnitCounts | undefined,
  locale: Locale,
  today: string | null,
): CompletionItem[] {
  const lineStart = doc.lines.lineStart(position.line);
  const offset = doc.lines.offsetAt(position);
  const before = doc.text.slice(Math.max(lineStart, offset - 400), offset);

  const mention = MENTION_CONTEXT.exec(before);
  if (mention) {
    return unitCompletions(
      registry,
      workspace,
      replaceRange(position, mention[1].length),
      locale,
      mention[1],
      true,
    );
  }
  const owner = OWNER_CONTEXT.exec(before);
  if (owner) {
    // `责任单位：@县…` is a mention too: names with spaces cannot follow the `@`.
    const afterAt = before.endsWith(`@${owner[1]}`);
    const range = replaceRange(position, owner[1].length);
    return unitCompletions(registry, workspace, range, locale, owner[1], afterAt);
  }
  const deadline = DEADLINE_CONTEXT.exec(before);
  if (deadline) {
    const english = /^[A-Za-z]/.test(deadline[0]);
    return deadlineCompletions(
      doc.meeting.date ?? today,
      replaceRange(position, deadline[1].length),
      english,
      locale,
    );
  }
  if (NUMBER_CONTEXT.test(before)) return measurementCompletions(position, locale);

  const word = /^[\s\u3000]*([#\p{L}]{0,8})$/u.exec(before);
  if (!word) return [];
  const range = replaceRange(position, word[1].length);
  const firstSection = doc.sections.length > 0 ? doc.sections[0].span.start : doc.text.length;
  const inHeader = offset <= firstSection;
  return [...(inHeader ? headerCompletions(doc, range, locale) : []), ...sectionCompletions(range, locale)];
}
