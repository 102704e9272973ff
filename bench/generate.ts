/**
 * Deterministic inputs for the benchmarks: minutes in Chinese and English (Markdown-compatible
 * `.minutes.md`), a units registry, and adversarial shapes. Same seed, same text.
 */
import {
  CN_CHAIRS,
  CN_DONE_TASKS,
  CN_FINDINGS,
  CN_ROOMS,
  CN_TASKS,
  CN_TOPICS,
  DEPARTMENTS,
  EN_ACTIONS,
  EN_BODIES,
  EN_DECISIONS,
  EN_MONTHS,
  EN_PEOPLE,
  EN_RESOLUTIONS,
  EN_REPORTS,
  EN_ROOMS,
  EN_TEAMS,
  PLACES,
} from './corpus';
import { Random } from './random';

export type Language = 'zh' | 'en';

export interface RegistryUnit {
  name: string;
  alias: string | null;
  parent: string | null;
}

export interface Registry {
  units: RegistryUnit[];
  /** The registry as `minutes-units.yaml` text. */
  yaml: string;
  /** Per place, the names minutes use for its units (aliases where there are, else names). */
  byPlace: Map<string, string[]>;
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `count` units: each place's government and its departments, then the English teams (as top-level units). */
export function unitsRegistry(count: number): Registry {
  const units: RegistryUnit[] = [];
  const byPlace = new Map<string, string[]>();
  const chinese = count - EN_TEAMS.length;
  for (const place of PLACES) {
    const short = place.slice(0, -1);
    const government = `${place}人民政府`;
    const names: string[] = [];
    for (const department of ['', ...DEPARTMENTS]) {
      if (units.length >= chinese) break;
      const unit: RegistryUnit =
        department === ''
          ? { name: government, alias: `${short}政府`, parent: null }
          : { name: `${place}${department}`, alias: `${short}${department}`, parent: government };
      units.push(unit);
      names.push(unit.alias ?? unit.name);
    }
    if (names.length > 0) byPlace.set(place, names);
  }
  for (const team of EN_TEAMS) units.push({ name: team, alias: null, parent: null });
  const yaml = [
    '# Generated for the benchmarks.',
    'units:',
    ...units.flatMap((u) => [
      `  - name: ${u.name}`,
      ...(u.alias ? [`    aliases: [${u.alias}]`] : []),
      ...(u.parent ? [`    parent: ${u.parent}`] : []),
    ]),
    '',
  ].join('\n');
  return { units, yaml, byPlace };
}

interface Day {
  y: number;
  m: number;
  d: number;
}

/** The date the generated minutes are checked against (the `today` setting): some deadlines are past. */
export const TODAY = '2024-06-30';

/** A meeting day in the quarter before `TODAY`. */
function randomDay(rng: Random): Day {
  return { y: 2024, m: rng.int(4, 6), d: rng.int(1, 28) };
}

/** A day `months` months after `day` (day of month kept, always ≤ 28). */
function later(day: Day, months: number): Day {
  const index = day.m - 1 + months;
  return { y: day.y + Math.floor(index / 12), m: (index % 12) + 1, d: day.d };
}

const iso = (day: Day): string =>
  `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;

function cnDeadline(rng: Random, meeting: Day): string {
  const due = later(meeting, rng.int(1, 8));
  switch (rng.int(0, 3)) {
    case 0:
      return `${due.y}年${due.m}月底前`;
    case 1:
      return `${due.y}年底前`;
    default:
      return `${due.y}年${due.m}月${due.d}日前`;
  }
}

function cnNumber(n: number): string {
  if (n <= 10) return CN_NUMERALS[n - 1];
  if (n < 20) return `十${CN_NUMERALS[n - 11]}`;
  return `${CN_NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? '' : CN_NUMERALS[(n % 10) - 1]}`;
}

/**
 * Owners as minutes write them, now and then with a real slip: a vague owner, a unit named the old way
 * (县财政局, which the registry lacks), or a name with a character dropped.
 */
function cnOwner(rng: Random, units: readonly string[]): string {
  if (rng.chance(0.03)) return '各有关单位';
  if (rng.chance(0.01)) return `@县${rng.pick(DEPARTMENTS)}`;
  if (rng.chance(0.01)) {
    const name = rng.pick(units);
    const drop = rng.int(1, name.length - 2);
    return `@${name.slice(0, drop)}${name.slice(drop + 1)}`;
  }
  return `@${rng.pick(units)}`;
}

function chineseMeeting(rng: Random, registry: Registry): string {
  const place = rng.pick([...registry.byPlace.keys()]);
  const units = registry.byPlace.get(place) as string[];
  const meeting = randomDay(rng);
  const attendees = rng.sample(units, rng.int(6, 10));
  const lines = [
    `# ${place}${rng.pick(CN_TOPICS)}专题会议纪要`,
    '',
    `时间：${meeting.y}年${meeting.m}月${meeting.d}日${rng.pick(['上午', '下午'])}`,
    `地点：${rng.pick(CN_ROOMS)}`,
    `主持：${rng.pick(CN_CHAIRS)}`,
    `出席：${attendees.map((u) => `@${u}`).join('、')}`,
    `列席：${rng
      .sample(units, 2)
      .map((u) => `@${u}`)
      .join('、')}`,
    `记录：${units[0]}`,
    '',
  ];
  let section = 0;
  const heading = (verb: string) => `${cnNumber(++section)}、会议${verb}`;
  for (const verb of rng.sample(['认为', '指出'], rng.int(1, 2))) {
    lines.push(`${heading(verb)}，${rng.sample(CN_FINDINGS, rng.int(1, 3)).join('；')}。`, '');
  }
  lines.push(heading('决定'), '');
  const decisions = rng.int(3, 8);
  for (let i = 1; i <= decisions; i++) {
    const owners = [`牵头单位：${cnOwner(rng, units)}`];
    if (rng.chance(0.6)) owners.push(`配合单位：${cnOwner(rng, units)}、${cnOwner(rng, units)}`);
    if (!rng.chance(0.06)) owners.push(`时限：${cnDeadline(rng, meeting)}`);
    lines.push(`（${cnNumber(i)}）${rng.pick(CN_TASKS)}。${owners.join('；')}。`, '');
  }
  const requirements = Array.from({ length: rng.int(2, 4) }, (_, i) => {
    const due = rng.chance(0.06) ? '尽快' : cnDeadline(rng, meeting);
    return `${cnNumber(i + 1)}是${rng.pick(CN_TASKS)}，由${cnOwner(rng, units)}牵头，${cnOwner(rng, units)}配合，${due}完成`;
  });
  lines.push(`${heading('要求')}，${requirements.join('。')}。`, '');
  for (let i = rng.int(1, 3); i > 0; i--) {
    const done = rng.chance(0.4);
    lines.push(
      `- [${done ? 'x' : ' '}] ${rng.pick(CN_DONE_TASKS)} ${cnOwner(rng, units)} 时限：${cnDeadline(rng, meeting)}`,
    );
  }
  lines.push('', '');
  return lines.join('\n');
}

function enDate(day: Day): string {
  return `${day.d} ${EN_MONTHS[day.m - 1]} ${day.y}`;
}

function englishMeeting(rng: Random): string {
  const meeting = randomDay(rng);
  const people = rng.sample(EN_PEOPLE, 7);
  const [chair, recorder, absent] = people;
  const body = rng.pick(EN_BODIES);
  const lines = [
    `# ${body} — Board Meeting`,
    '',
    `Date: ${enDate(meeting)}`,
    `Place: ${body}, ${rng.pick(EN_ROOMS)}`,
    `Chair: ${chair}`,
    `Present: ${[chair, recorder, ...people.slice(3)].join(', ')}, ${rng
      .sample(EN_TEAMS, 2)
      .map((t) => `@${t}`)
      .join(', ')}`,
    `Apologies: ${absent}`,
    `Minutes by: ${recorder}`,
    '',
    '## Discussion',
    '',
    ...rng.sample(EN_REPORTS, rng.int(2, 4)).map((r, i) => `${i + 1}. ${r}.`),
    '',
    '## Decisions',
    '',
  ];
  for (let i = rng.int(2, 4); i > 0; i--) {
    const decision = rng.pick(EN_DECISIONS);
    switch (rng.int(0, 2)) {
      case 0:
        lines.push(`- Decision: ${rng.pick(EN_RESOLUTIONS)}.`);
        break;
      case 1: {
        const due = rng.chance(0.06) ? '' : ` Due: ${iso(later(meeting, rng.int(1, 4)))}.`;
        lines.push(`- Decision: ${decision}. Owner: @${rng.pick(EN_TEAMS)}.${due}`);
        break;
      }
      default: {
        const [mover, seconder] = rng.sample(people, 2);
        lines.push(`- Motion: ${decision}. Moved by ${mover}, seconded by ${seconder}. Carried.`);
      }
    }
  }
  lines.push('', '## Action items', '');
  for (let i = rng.int(3, 6); i > 0; i--) {
    const box = rng.chance(0.3) ? 'x' : ' ';
    const who = rng.pick(people);
    const action = rng.pick(EN_ACTIONS);
    const due = later(meeting, rng.int(1, 4));
    if (rng.chance(0.06)) lines.push(`- [${box}] ${who} to ${action} as soon as possible.`);
    else if (rng.chance(0.5)) lines.push(`- [${box}] ${who} to ${action} by ${enDate(due)}.`);
    else lines.push(`- [${box}] ACTION (${who}): ${action}. Due: ${iso(due)}.`);
  }
  lines.push('', '');
  return lines.join('\n');
}

/** One meeting's minutes, as one would find in a `.minutes.md` file. */
export function meeting(rng: Random, language: Language, registry: Registry): string {
  return language === 'zh' ? chineseMeeting(rng, registry) : englishMeeting(rng);
}

/** Meetings one after another (a year's minutes in one file) until the text reaches `bytes`. */
export function minutesOfSize(seed: number, language: Language, bytes: number, registry: Registry): string {
  const rng = new Random(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = meeting(rng, language, registry);
    parts.push(part);
    size += byteLength(part);
  }
  return parts.join('');
}

/** `unit(i)` repeated, `perLine` to a line, until the text reaches `bytes`. */
function repeated(bytes: number, perLine: number, unit: (i: number) => string, head = ''): string {
  const lines = head === '' ? [] : [head];
  let size = byteLength(head);
  let i = 0;
  while (size < bytes) {
    let line = '';
    for (let k = 0; k < perLine; k++) line += unit(i++);
    lines.push(line);
    size += byteLength(line) + 1;
  }
  return lines.join('\n') + '\n';
}

export const ADVERSARIAL_SHAPES = [
  'one-line',
  'yishi',
  'mentions',
  'digits-dates',
  'checkboxes',
  'cn-paren',
] as const;
export type AdversarialShape = (typeof ADVERSARIAL_SHAPES)[number];

export const SHAPE_DESCRIPTIONS: Record<AdversarialShape, string> = {
  'one-line': 'the whole document on one line',
  yishi: '一是… repeated (≈85,000 per MB)',
  mentions: '@unit repeated (≈55,000 per MB)',
  'digits-dates': 'runs of digits and 年/月/日',
  checkboxes: '- [ ] lines (≈100,000 per MB)',
  'cn-paren': '（一） repeated at line starts and inside lines',
};

/** A text of about `bytes` with an adversarial shape. */
export function adversarial(
  shape: AdversarialShape,
  seed: number,
  bytes: number,
  registry: Registry,
): string {
  const rng = new Random(seed);
  const units = registry.units.map((u) => u.alias ?? u.name);
  switch (shape) {
    case 'one-line': {
      const clause = () =>
        `${rng.pick(CN_TASKS)}，牵头单位：@${rng.pick(units)}，时限：${rng.int(2012, 2024)}年${rng.int(1, 12)}月底前；`;
      return repeated(bytes, 1, clause).replace(/\n/g, '') + '\n';
    }
    case 'yishi':
      return repeated(bytes, 20, () => `一是${rng.pick(['抓', '推', '建', '管'])}。`, '一、会议决定');
    case 'mentions':
      return repeated(bytes, 20, () => `@${rng.pick(units)}、`, '出席：');
    case 'digits-dates': {
      const alphabet = '0123456789年月日';
      return repeated(bytes, 10, () => {
        let run = '';
        for (let k = rng.int(5, 30); k > 0; k--) run += alphabet[rng.int(0, alphabet.length - 1)];
        return `${run}${rng.pick(['前', '底', '内', ' ', '，'])}`;
      });
    }
    case 'checkboxes':
      return repeated(bytes, 1, () => '- [ ] 办', '## 会议决定');
    case 'cn-paren':
      return repeated(bytes, 1, () => `${'（一）'.repeat(rng.int(1, 60))}加强领导。`, '一、会议决定');
  }
}
