/**
 * Owners of an item: explicit `@名` mentions, labelled owners (责任单位：/Owner:), and the owners prose
 * names in the genre's set phrases (由A负责, A牵头、B配合, 请A…, A要…, X to …).
 */
import type { NamedSpan, Owner, OwnerRole } from './model';
import { afterBoundary, trimEndOf } from './text';
import { EN_TASK_VERBS } from './reader/lexicon';
import { isVagueOwner, LABEL_BOUNDARY, OWNER_LABELS, PERSON_SUFFIX, UNIT_SUFFIX } from './vocabulary';

export type IsKnownUnit = (name: string) => boolean;

/** Characters that end an `@` mention: white space and CJK/ASCII punctuation. */
const MENTION = /@([^\s@，,。；;：:、！!？?（）()【】[\]{}“”"'‘’《》<>|]+)/g;
/** Role words that may trail a mention without a space: `@县财政局牵头`. */
const MENTION_TRAIL = /(?:牵头|负责|主办|承办|配合|协办|协助|落实|等单位|等部门|等)$/;

const LABEL_NAMES = OWNER_LABELS.map((l) => l.label)
  .sort((a, b) => b.length - a.length)
  .map((l) => l.replace(/ /g, '\\s+'));
const LABEL = new RegExp(`(${LABEL_NAMES.join('|')})\\s*[:：]\\s*`, 'gi');
/** Where a labelled owner list stops: end of clause, or the next label of any kind. */
const LABEL_VALUE_END =
  /[\n。；;]|\.(?=\s|$)|(?:[\s，,（(]|^)(?:时限|完成时限|完成时间|截止|期限|状态|责任单位|牵头单位|配合单位|协办单位|责任人|Due|Deadline|Status|By)\s*[:：]|[）)】\]]\s*$/i;

/** What follows a unit that is the subject of a clause: 县财政局要…, 县自然资源局完成…, 县交通局于6月底前… */
const CLAUSE_VERBS = [
  '要',
  '负责',
  '牵头',
  '务必',
  '应当',
  '应',
  '须',
  '必须',
  '需要',
  '需',
  '抓紧',
  '尽快',
  '立即',
  '切实',
  '认真',
  '全力',
  '加快',
  '继续',
  '进一步',
  '配合',
  '协助',
  '于',
  '在',
  '每年',
  '每月',
  '每季度',
  '及时',
  '安排',
  '完成',
  '做好',
  '开展',
  '组织',
  '制定',
  '落实',
  '推进',
  '实施',
  '编制',
  '督促',
  '协调',
  '启动',
  '建立',
  '抓好',
  '提供',
  '保障',
  '会同',
  '对',
  '将',
  '把',
  '承诺',
  '保证',
  '主动',
  '积极',
  '统筹',
  '按照',
  '依法',
  '严格',
  '加强',
  '提前',
  '分别',
  '具体',
].join('|');
/** The subject of a clause: a name list that does not itself contain 由…/请…/此项… */
const SUBJECT = '(?![（(请会])(?:(?!由|此项)[\\u4e00-\\u9fffA-Za-z0-9（）()·、]){2,40}?';
const NAME_LIST = `[\\u4e00-\\u9fffA-Za-z0-9（）()·、]{2,40}?`;

const PROSE: readonly { re: RegExp; roles: (OwnerRole | null)[] }[] = [
  // 由县财政局牵头 / 由县发改局、县财政局负责 / 由综合办公室根据会议精神修改完善
  {
    re: new RegExp(
      `由(${NAME_LIST})(?:牵头|负责|主办|承办|组织|统筹|具体负责|(?=根据|按照|按|依照|于|在|对|修改|会同|报|提请|进一步|抓紧|尽快|做好|完成|制定|研究|落实|办理|实施|起草|拟定))`,
      'g',
    ),
    roles: ['lead'],
  },
  // 以区政府党组名义上报
  { re: new RegExp(`以(${NAME_LIST})(?:的)?名义`, 'g'), roles: [null] },
  // 县财政局牵头，县发改局等单位配合
  {
    re: new RegExp(
      `(?:^|(?<=[，,。；;：:]))(?:由)?(${NAME_LIST})牵头[，,、]?\\s*(?:会同)?(${NAME_LIST})(?:等(?:单位|部门)?)?(?:配合|协助|协办|参与)`,
      'g',
    ),
    roles: ['lead', 'support'],
  },
  // 请县交通局于…
  {
    re: new RegExp(
      `请(${NAME_LIST})(?=于|在|要|尽快|抓紧|负责|牵头|做好|加强|进一步|研究|会同|按照|对|将|把|及时|认真|切实|立即|组织|抓好|落实|继续|加快|制定|完成)`,
      'g',
    ),
    roles: [null],
  },
  // 会同县财政局
  {
    re: new RegExp(`会同(${NAME_LIST})(?=等|，|,|共同|研究|制定|做好|开展|进行|对|联合)`, 'g'),
    roles: ['support'],
  },
  // 县财政局要…, 各责任单位要…, 县发改局负责…  (at a clause start)
  {
    re: new RegExp(`(?:^|(?<=[，,。；;：:！!？?]))(${SUBJECT})(?:等(?:单位|部门)?)?(?=${CLAUSE_VERBS})`, 'g'),
    roles: [null],
  },
];

/** After a name, what makes it the speaker of a requirement rather than its owner. */
const SPEAKER = /^对[^，,。；;]{0,20}?(?:提出|作出|做出)/;

/** English: `ACTION (Sarah, Tom):` */
const ACTION_PAREN = /\b(?:ACTION|AI|Action\s+(?:item|point)|TODO)\s*[(（]([^)）\n]{1,80})[)）]/gi;
/** English item start: `Sarah to send …`, `Finance team will …`. */
const EN_SUBJECT =
  /^((?:[A-Z][\w.'’-]*)(?:(?:\s*,\s*|\s+(?:and|&)\s+|\s*\/\s*|\s+)(?:[A-Z][\w.'’-]*|team|group|committee|office|department|board|staff|unit)){0,6})\s+(?:to|will|shall|must|should|is to|are to|agreed to)\s+[a-z]/;
/** English notes: `Ben: fix the bug by Wednesday`, and speakers' own tasks: `Ben: I will …`, `Ben: Will …`. */
const EN_NAME_COLON = new RegExp(
  String.raw`^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*[:：]\s+(?=[a-z]|(?:[^.!?\n]{0,80}?\b)?I(?:\s+will|'ll)\b|Will\b|(?:${EN_TASK_VERBS})\b)`,
);
/** Parish-council style: `CLERK TO WRITE …`, `CLLR SMITH / CLERK TO …`. */
const EN_CAPS_OWNER =
  /^((?!ACTION\b)[A-Z]{2,}(?:\s+[A-Z]{2,})?(?:\s*\/\s*[A-Z]{2,}(?:\s+[A-Z]{2,})?)*)\s+TO\s+[A-Z]{2,}/;
/** Elections and appointments: `Dana Holt for Treasurer`, `Lee as Candidate for …`. */
const EN_APPOINTED =
  /^\W{0,4}([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+(?:for|as)\s+(?:the\s+|a\s+)?(?:(?:Vice[- ])?President|Chair(?:man|person|woman)?|Secretary|Treasurer|Director|Member|Candidate|Trustee|Clerk|Officer|Lead|Maintainer|Representative|Delegate)\b/;
/** A named organisation or a body as the subject: `The Bevy Foundation should …`, `The board will …`. */
const EN_THE_SUBJECT =
  /^(The\s+(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|board|committee|council|group|team|office|staff|secretariat|chairs?|clerk))\s+(?:should|shall|will|to|must|needs?\s+to|is\s+to|are\s+to)\s+[a-z]/;
/** English notes: `Send the release notes (Dev, Fri)` or `… (Dev)` at the end of an item. */
const EN_TRAILING_PAREN =
  /[(（[]([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)(?:\s*[,，;]\s*[^()（）[\]\n]{1,30})?[)）\]][.。]?\s*$/;
/**
 * The subject of a later clause: `… and if the board approves Mike will put it on the web`, `It was agreed
 * that Cllr Ames should select one and that the Clerk would order it`, `… so the supervisors will meet her`.
 */
const EN_CLAUSE_SUBJECT =
  /(?:,\s*|\band\s+|\b[Ss]o\s+|\bthen\s+|\b(?:agreed|resolved|decided)\s+that\s+(?:[Tt]he\s+)?|\band\s+that\s+(?:[Tt]he\s+)?|\n\s*)((?:Cllr\.?\s+|Councillor\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|the\s+(?:supervisors|trustees|directors|officers|board|council|committee|staff|team))\s+(?:will|would|should|shall|is\s+to|are\s+to)\s+(?!be\b|not\b|have\b)[a-z]/g;
/** In a list of duties: `Dick draft a letter …, Gary get the road work done`. */
const EN_BARE_SUBJECT = new RegExp(
  String.raw`(?:^|,\s*(?:and\s+)?|\band\s+)(?!(?:Will|Shall|Should|Must|Can|Could|Would|May|Might|Please|Let)\b)([A-Z][a-z][\w'’-]*)\s+(?:${EN_TASK_VERBS})\s+(?:a|an|the|up|out|in|on|to|[a-z]+\s)`,
  'g',
);
/** `waiting for Gerald to verify this`: who is still to act. */
const EN_WAITING_FOR =
  /\b(?:waiting|wait)\s+(?:for|on)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+to\s+[a-z]/g;
const EN_ASSIGNED = /\bassigned to\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})/g;
const EN_STOP = new Set([
  'We',
  'It',
  'This',
  'That',
  'There',
  'These',
  'Those',
  'I',
  'You',
  'They',
  'He',
  'She',
  'Agreed',
  'Decided',
  'Resolved',
  'Need',
  'Needs',
  'Plan',
  'Plans',
  'Also',
  'Action',
  'Decision',
  'TODO',
  'Next',
  'Please',
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'By',
  'If',
  'When',
  'Meeting',
  'Motion',
]);

/** Whether a name taken from prose looks like an owner: a unit, a person's title, a vague owner, or a known unit. */
function looksLikeOwner(name: string, isKnown: IsKnownUnit): boolean {
  return UNIT_SUFFIX.test(name) || PERSON_SUFFIX.test(name) || isVagueOwner(name) || isKnown(name);
}

/**
 * Splits `县财政局、县发改局和县住建局` into names. `和/及/与` split only where every piece looks like an owner,
 * so `县住房和城乡建设局` stays whole.
 */
function splitNames(list: string, base: number, isKnown: IsKnownUnit): NamedSpan[] {
  const out: NamedSpan[] = [];
  const parts = /[^、，,/／;；&]+/g;
  for (let m = parts.exec(list); m; m = parts.exec(list)) {
    pushSplitOnConjunction(m[0], base + m.index, isKnown, out);
  }
  return out;
}

function pushSplitOnConjunction(part: string, base: number, isKnown: IsKnownUnit, out: NamedSpan[]): void {
  const pieces = part.split(/和|及|与|以及|\s+and\s+/);
  const whole =
    pieces.length > 1 && pieces.every((p) => p.trim().length >= 2 && looksLikeOwner(cleanName(p), isKnown));
  if (!whole) {
    pushName(part, base, out);
    return;
  }
  let offset = 0;
  for (const piece of pieces) {
    const at = part.indexOf(piece, offset);
    pushName(piece, base + at, out);
    offset = at + piece.length;
  }
}

function cleanName(raw: string): string {
  const name = trimEndOf(raw.replace(/^[\s@＠]+/, ''), ' \t\u3000\n.。;；,，');
  return name.replace(/等(?:单位|部门)?$/, '').trimEnd();
}

function pushName(raw: string, base: number, out: NamedSpan[]): void {
  const name = cleanName(raw);
  if (name.length === 0) return;
  const at = raw.indexOf(name);
  out.push({ name, span: { start: base + at, end: base + at + name.length } });
}

/** Every `@` mention in text[start, end), with trailing role words cut off. */
export function findMentions(
  text: string,
  start: number,
  end: number,
): (NamedSpan & { role: OwnerRole | null })[] {
  const slice = text.slice(start, end);
  const out: (NamedSpan & { role: OwnerRole | null })[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(slice); m; m = MENTION.exec(slice)) {
    // `jane@example.com` is an address, not a mention (checked by hand: a leading lookbehind is slow).
    if (m.index > 0 && /[A-Za-z0-9._%+-]/.test(slice[m.index - 1])) continue;
    let name = m[1].replace(/\.+$/, '');
    let role: OwnerRole | null = null;
    const trail = MENTION_TRAIL.exec(name);
    if (trail && name.length - trail[0].length >= 2) {
      role = /配合|协办|协助/.test(trail[0])
        ? 'support'
        : /牵头|负责|主办|承办/.test(trail[0])
          ? 'lead'
          : null;
      name = name.slice(0, name.length - trail[0].length);
    }
    if (role === null) {
      const after = slice.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/^\s?(?:牵头|负责|主办)/.test(after)) role = 'lead';
      else if (/^\s?(?:配合|协办|协助)/.test(after)) role = 'support';
    }
    const s = start + m.index + 1;
    out.push({ name, role, span: { start: s, end: s + name.length } });
  }
  return out;
}

/** Owner labels in text[start, end): each label's names. */
function findLabelled(text: string, start: number, end: number, isKnown: IsKnownUnit): Owner[] {
  const slice = text.slice(start, end);
  const out: Owner[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(slice); m; m = LABEL.exec(slice)) {
    if (!afterBoundary(slice, m.index, LABEL_BOUNDARY, false)) {
      LABEL.lastIndex = m.index + 1;
      continue;
    }
    const labelText = m[1].replace(/\s+/g, ' ');
    const def = OWNER_LABELS.find((l) => l.label.toLowerCase() === labelText.toLowerCase());
    if (!def) continue;
    const valueStart = m.index + m[0].length;
    const rest = slice.slice(valueStart, valueStart + 200);
    const stop = LABEL_VALUE_END.exec(rest);
    const value = stop ? rest.slice(0, stop.index) : rest;
    const names = splitNames(value, start + valueStart, isKnown);
    for (const n of names) {
      // Chinese lists may also separate names with spaces: `@县财政局 @县发改局`.
      const sub = /[\u4e00-\u9fff]/.test(n.name) && /\s/.test(n.name) ? splitOnSpace(n) : [n];
      for (const s of sub) {
        out.push({
          name: s.name,
          span: s.span,
          role: def.role,
          vague: isVagueOwner(s.name),
          source: 'label',
          person: def.person,
        });
      }
    }
  }
  return out;
}

function splitOnSpace(n: NamedSpan): NamedSpan[] {
  const out: NamedSpan[] = [];
  const re = /\S+/g;
  for (let m = re.exec(n.name); m; m = re.exec(n.name)) pushName(m[0], n.span.start + m.index, out);
  return out;
}

function findProse(
  text: string,
  itemStart: number,
  bodyStart: number,
  end: number,
  isKnown: IsKnownUnit,
): Owner[] {
  const start = bodyStart;
  const slice = text.slice(start, end);
  const out: Owner[] = [];
  if (/[\u4e00-\u9fff]/.test(slice)) {
    for (const { re, roles } of PROSE) {
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        for (let g = 1; g < m.length; g++) {
          if (m[g] === undefined) continue;
          const groupStart = start + m.index + m[0].indexOf(m[g]);
          const names = splitNames(m[g], groupStart, isKnown);
          if (!names.every((n) => looksLikeOwner(n.name, isKnown))) continue;
          // `李局长对下阶段工作提出三点要求`: who speaks the requirement is not who carries it out.
          if (SPEAKER.test(text.slice(groupStart + m[g].length, groupStart + m[g].length + 30))) continue;
          for (const n of names) out.push(proseOwner(n, roles[g - 1] ?? null));
        }
      }
    }
  }
  const whole = text.slice(itemStart, end);
  // The patterns below are English: each needs a Latin letter in the item.
  if (!/[A-Za-z]/.test(whole)) return out;
  ACTION_PAREN.lastIndex = 0;
  for (let m = ACTION_PAREN.exec(whole); m; m = ACTION_PAREN.exec(whole)) {
    const groupStart = itemStart + m.index + m[0].indexOf(m[1]);
    for (const n of splitNames(m[1].replace(/\s+and\s+/g, ', '), groupStart, isKnown))
      out.push(proseOwner(n, null, true));
  }
  // Names stand at the start or the end of an item: look at no more of it than that.
  const body = text.slice(bodyStart, Math.min(end, bodyStart + 300));
  const lead = EN_CAPS_OWNER.exec(body) ?? EN_APPOINTED.exec(body) ?? EN_THE_SUBJECT.exec(body);
  if (lead) {
    const list = lead[1].replace(/\s*\/\s*/g, (x) => ','.padEnd(x.length));
    const at = bodyStart + lead.index + lead[0].indexOf(lead[1]);
    for (const n of splitNames(list, at, isKnown)) out.push(proseOwner(n, null, true));
  }
  const subject = EN_SUBJECT.exec(body);
  if (subject && !EN_STOP.has(subject[1].split(/[\s,&/]/)[0])) {
    const list = subject[1].replace(/\s+(?:and|&)\s+/g, (s) => ','.padEnd(s.length));
    for (const n of splitNames(list, bodyStart, isKnown)) out.push(proseOwner(n, null, true));
  }
  const tailStart = Math.max(bodyStart, end - 120);
  const colon = EN_NAME_COLON.exec(body);
  const labelled = colon ?? EN_TRAILING_PAREN.exec(text.slice(tailStart, end).replace(/[\s*_]+$/, ''));
  if (labelled && !EN_STOP.has(labelled[1].split(/\s/)[0])) {
    const at = (colon ? bodyStart : tailStart) + labelled.index + labelled[0].indexOf(labelled[1]);
    out.push(
      proseOwner({ name: labelled[1], span: { start: at, end: at + labelled[1].length } }, null, true),
    );
  }
  if (out.length === 0) {
    EN_CLAUSE_SUBJECT.lastIndex = 0;
    for (let m = EN_CLAUSE_SUBJECT.exec(body); m; m = EN_CLAUSE_SUBJECT.exec(body)) {
      if (EN_STOP.has(m[1].split(/\s/)[0])) continue;
      const s = bodyStart + m.index + m[0].indexOf(m[1]);
      out.push(proseOwner({ name: m[1], span: { start: s, end: s + m[1].length } }, null, true));
    }
  }
  if (out.length === 0) {
    EN_BARE_SUBJECT.lastIndex = 0;
    for (let m = EN_BARE_SUBJECT.exec(body); m; m = EN_BARE_SUBJECT.exec(body)) {
      if (EN_STOP.has(m[1])) continue;
      const s = bodyStart + m.index + m[0].indexOf(m[1]);
      out.push(proseOwner({ name: m[1], span: { start: s, end: s + m[1].length } }, null, true));
    }
  }
  EN_WAITING_FOR.lastIndex = 0;
  for (let m = EN_WAITING_FOR.exec(slice); m; m = EN_WAITING_FOR.exec(slice)) {
    const s = start + m.index + m[0].indexOf(m[1]);
    out.push(proseOwner({ name: m[1], span: { start: s, end: s + m[1].length } }, null, true));
  }
  EN_ASSIGNED.lastIndex = 0;
  for (let m = EN_ASSIGNED.exec(slice); m; m = EN_ASSIGNED.exec(slice)) {
    const s = start + m.index + m[0].length - m[1].length;
    out.push(proseOwner({ name: m[1], span: { start: s, end: s + m[1].length } }, null, true));
  }
  return out;
}

function proseOwner(n: NamedSpan, role: OwnerRole | null, person = PERSON_SUFFIX.test(n.name)): Owner {
  return { name: n.name, span: n.span, role, vague: isVagueOwner(n.name), source: 'prose', person };
}

/**
 * The owners of the item at text[start, end); `bodyStart` is where its text begins after any label or
 * prefix. Explicit owners win over prose; each name appears once, at its first place.
 */
export function findOwners(
  text: string,
  start: number,
  end: number,
  bodyStart: number,
  isKnown: IsKnownUnit,
  /** The whole span is a list of owners (an action table's owner cell). */
  list = false,
): Owner[] {
  if (list) {
    return splitNames(text.slice(start, end), start, isKnown).map((n) => ({
      name: n.name,
      span: n.span,
      role: null,
      vague: isVagueOwner(n.name),
      source: 'label',
      person: !(UNIT_SUFFIX.test(n.name) || isKnown(n.name)),
    }));
  }
  const explicit: Owner[] = [
    ...findMentions(text, start, end).map((m): Owner => ({
      name: m.name,
      span: m.span,
      role: m.role,
      vague: isVagueOwner(m.name),
      source: 'mention',
      person: false,
    })),
    ...findLabelled(text, start, end, isKnown),
  ];
  const all = explicit.length > 0 ? explicit : findProse(text, start, bodyStart, end, isKnown);
  all.sort((a, b) => a.span.start - b.span.start);
  const seen = new Set<string>();
  let reached = -1;
  return all.filter((o) => {
    if (o.name.length === 0 || seen.has(o.name) || o.span.start < reached) return false;
    seen.add(o.name);
    reached = o.span.end;
    return true;
  });
}
