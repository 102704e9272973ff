/**
 * Stage 3 of the reader: item cues. A sentence is classified by the lexicon: a lead phrase that sets the
 * paragraph's mode (`会议要求，`), a cue at its start (`ACTION:`, `Dana to …`), or a cue within it
 * (`…一致同意…`, `… Motion carried`). Pure lookups over one sentence at a time.
 */
import type { Span } from '../model';
import {
  CARRIED,
  CLOSING_LINES,
  CUES,
  FINDING_HEADINGS,
  ITEM_HEADINGS,
  MOVER,
  NO_ITEM_HEADINGS,
  type Cue,
  type CueKind,
} from './lexicon';
import type { SectionKind } from '../model';
import { trimEndOf } from '../text';

export interface SentenceCue {
  /** What the sentence is: an item kind, or `none`. */
  kind: CueKind;
  /** The cue that decided it, or null when none matched. */
  cue: Cue | null;
  /** A lead phrase at the start: the mode it sets for the sentences after it. */
  lead: { kind: CueKind; end: number } | null;
  /** Where the item's own text begins (after a lead phrase or a label such as `ACTION:`). */
  body: number;
}

const LONGEST = 400;
const ZH = /[\u4e00-\u9fff]/;
const byScope = (lang: 'zh' | 'en', scope: Cue['scope']): Cue[] =>
  CUES.filter((c) => c.lang === lang && c.scope === scope);
const ZH_LEAD = byScope('zh', 'lead');
const ZH_WITHIN = byScope('zh', 'within');
const EN_START = byScope('en', 'start');
const EN_WITHIN = byScope('en', 'within');
/** Emphasis and quote marks that may open a sentence: `**ACTION**: …`. */
const OPENING = /^[*_>`"“…\s]*/;

/** Whether a text is written in Chinese (any Han character in its first 200 characters). */
export function isChinese(s: string): boolean {
  return ZH.test(s.slice(0, 200));
}

/** Classifies text[span]. */
export function classify(text: string, span: Span): SentenceCue {
  const raw = text.slice(span.start, Math.min(span.end, span.start + LONGEST));
  const skip = OPENING.exec(raw)![0].length;
  const s = raw.slice(skip);
  const base = span.start + skip;
  if (isChinese(s)) {
    let lead: SentenceCue['lead'] = null;
    let rest = s;
    for (const c of ZH_LEAD) {
      const m = c.re.exec(s);
      if (m) {
        lead = { kind: c.kind, end: base + m[0].length };
        rest = s.slice(m[0].length);
        if (c.kind !== 'none') return { kind: c.kind, cue: c, lead, body: lead.end };
        break;
      }
    }
    for (const c of ZH_WITHIN) {
      if (c.re.test(rest)) return { kind: c.kind, cue: c, lead, body: lead ? lead.end : base };
    }
    return { kind: 'none', cue: null, lead, body: lead ? lead.end : base };
  }
  // A question is an item only when marked as one (`ACTION: …?`).
  const question = /\?[*_\s]*$/.test(s);
  for (const c of EN_START) {
    const m = c.re.exec(s);
    if (m && (!question || c.id === 'en-action-label' || c.id === 'en-decision-label')) {
      const labelled = c.id === 'en-action-label' || c.id === 'en-decision-label';
      return { kind: c.kind, cue: c, lead: null, body: base + (labelled ? m[0].length : 0) };
    }
  }
  if (!question)
    for (const c of EN_WITHIN) if (c.re.test(s)) return { kind: c.kind, cue: c, lead: null, body: base };
  return { kind: 'none', cue: null, lead: null, body: base };
}

/** The kind of section a heading opens, and whether its entries may be items at all. */
export function headingKind(heading: string): { kind: SectionKind; items: boolean } {
  const t = trimEndOf(heading.slice(0, LONGEST), ' \t\u3000*_#:：')
    .replace(/^[\s*_#]+/, '')
    .replace(
      /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}(?:\.\d+)*[.、)]?|议题[一二三四五六七八九十\d]{1,3}[：:、.]?|第[一二三四五六七八九十\d]{1,3}项?议题[：:、.]?)\s*/,
      '',
    );
  for (const h of NO_ITEM_HEADINGS) if (h.re.test(t)) return { kind: 'other', items: false };
  for (const h of ITEM_HEADINGS) if (h.re.test(t)) return { kind: h.kind, items: true };
  for (const h of FINDING_HEADINGS) if (h.re.test(t)) return { kind: 'finding', items: true };
  for (const c of ZH_LEAD) {
    if (c.re.test(t)) {
      const kind: SectionKind = c.kind === 'none' ? 'finding' : c.kind === 'action' ? 'requirement' : c.kind;
      return { kind, items: true };
    }
  }
  return { kind: 'other', items: true };
}

/** Whether a line is closing matter (distribution, issuing line, signatures, page chrome): never an item. */
export function isClosingLine(line: string): boolean {
  // Closing matter is a short line; a long one is never it (and is not scanned whole).
  if (line.length > 300) return false;
  const t = line.trim();
  return CLOSING_LINES.some((c) => c.re.test(t));
}

/** Whether text[span] only records a vote: `carried` (`Motion carried.`), `mover` (`Seconded by: Lee`), or null. */
export function outcomeOf(text: string, span: Span): 'carried' | 'mover' | null {
  if (span.end - span.start > 200) return null;
  // `(Cllr Ames left the room) No objections raised.`: a note in brackets before the outcome is not part of it.
  const t = text
    .slice(span.start, span.end)
    .replace(/^[*_>\s]+|[*_\s]+$/g, '')
    .replace(/^[(（][^)）]{0,80}[)）]\s*(?=\S)/, '');
  return CARRIED.re.test(t) ? 'carried' : MOVER.re.test(t) ? 'mover' : null;
}
