/**
 * The document model: what `parse` makes of any text. Offsets are UTF-16 code-unit offsets into the
 * text as given (JavaScript string indices); `LineIndex` turns them into LSP positions.
 */

/** A half-open span [start, end) of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type SectionKind = 'finding' | 'decision' | 'requirement' | 'other';
export type ItemKind = 'finding' | 'decision' | 'requirement' | 'action';
export type OwnerRole = 'lead' | 'support';
export type ItemStatus = 'open' | 'done';

export type HeaderKey =
  'date' | 'place' | 'chair' | 'attendees' | 'observers' | 'absent' | 'recorder' | 'topic';

export interface HeaderField {
  key: HeaderKey;
  /** The key as written, e.g. `主持人`. */
  label: string;
  value: string;
  /** For list keys (attendees, observers, absent): the names, split on 、，,；; and `@`. */
  values: NamedSpan[];
  span: Span;
  valueSpan: Span;
}

export interface NamedSpan {
  name: string;
  span: Span;
}

/** How a numbered label is written; each style is its own sequence. */
export type NumberingStyle =
  | 'cn-section' // 一、
  | 'cn-paren' // （一）
  | 'cn-shi' // 一是
  | 'arabic-dot' // 1. or 1、
  | 'arabic-paren'; // (1) or （1）

export interface NumberLabel {
  style: NumberingStyle;
  value: number;
  text: string;
  span: Span;
}

export interface Section {
  kind: SectionKind;
  /** The heading as shown in the outline, e.g. `四、会议决定`. */
  heading: string;
  headingSpan: Span;
  /** Whole section, heading to the start of the next section. */
  span: Span;
  number: NumberLabel | null;
  /** Indices into `MinutesDocument.items`. */
  items: number[];
}

export interface Owner {
  name: string;
  role: OwnerRole | null;
  vague: boolean;
  /** `mention` (@名), `label` (责任单位：/Owner:), `prose` (由A负责, A要…, X to …). */
  source: 'mention' | 'label' | 'prose';
  /** True when the label names a person (责任人：, 主持) rather than a unit. */
  person: boolean;
  span: Span;
}

export interface DateValue {
  /** ISO `YYYY-MM-DD`, or null when the expression cannot be resolved (no meeting date, placeholder). */
  date: string | null;
  /** The expression as written. */
  text: string;
  span: Span;
  /** Set when the expression names an impossible date (2024-02-30, 13月). */
  invalid?: string;
  /** The expression itself marks a limit: 6月底前, 会后5日内, by June 30. */
  limit: boolean;
}

export interface Deadline extends DateValue {
  /** 尽快, 及时, ASAP: counts as no deadline. */
  vague: boolean;
  /** `label` for 时限：/Due:, `prose` for 6月底前 in running text. */
  source: 'label' | 'prose';
}

export interface Item {
  kind: ItemKind;
  /** Decisions, requirements and actions must name an owner (and, unless a resolution, a deadline). */
  accountable: boolean;
  /** A recorded approval (同意…, 审议通过…, Approved …): needs neither owner nor deadline. */
  resolution: boolean;
  /** Index into `MinutesDocument.sections`, or null for items outside any section. */
  section: number | null;
  number: NumberLabel | null;
  /** The item's full text, whitespace collapsed. */
  text: string;
  span: Span;
  /** The item's first clause: where item-level diagnostics are shown. */
  headSpan: Span;
  owners: Owner[];
  deadline: Deadline | null;
  /** Vague deadline words found (尽快, ASAP) when no concrete deadline is given. */
  vagueDeadlines: Span[];
  status: ItemStatus;
  /** The status marker (`[ ]`, `[x]`, `状态：进行中`), when present. */
  statusSpan: Span | null;
}

export interface Suppression {
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Lines (0-based) the suppression covers, inclusive. */
  fromLine: number;
  toLine: number;
}

export interface Meeting {
  date: string | null;
  dateSpan: Span | null;
  place: string | null;
  chair: string | null;
  attendees: string[];
  observers: string[];
  absent: string[];
  recorder: string | null;
  topic: string | null;
}

export interface Placeholder {
  text: string;
  span: Span;
}

export interface MinutesDocument {
  text: string;
  lines: import('./text').LineIndex;
  title: { text: string; span: Span } | null;
  header: HeaderField[];
  meeting: Meeting;
  sections: Section[];
  items: Item[];
  /** Every numbered label, grouped into sequences for the numbering rule. */
  sequences: NumberLabel[][];
  placeholders: Placeholder[];
  /** Every date expression found anywhere, resolved where possible. */
  dates: DateValue[];
  /** Every place a unit is named: `@` mentions anywhere, owners of items, names in header lists. */
  mentions: NamedSpan[];
  suppressions: Suppression[];
}
