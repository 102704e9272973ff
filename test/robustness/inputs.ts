/**
 * Generated inputs for the property tests and the fuzz run: arbitrary strings (graphemes, any code point,
 * lone surrogates), soups of the genre's own words, and the examples mutated (cut, lines duplicated or
 * shuffled, snippets injected, line breaks mixed, full-width digits).
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { repoPath } from '../util/paths';
import { services, type Case } from './invariants';

/** The examples and the rule fixtures: real minutes to mutate. */
export const seeds: readonly string[] = (() => {
  const files: string[] = [];
  const examples = repoPath('examples');
  for (const name of fs.readdirSync(examples).sort()) {
    if (/\.minutes(\.md)?$|\.txt$/.test(name)) files.push(path.join(examples, name));
  }
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.minutes(\.md)?$/.test(e.name)) files.push(full);
    }
  };
  walk(repoPath('test', 'fixtures', 'rules'));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
})();

/** Pieces of minutes and of trouble, injected at random places. */
export const snippets: readonly string[] = [
  // CJK punctuation
  ...'、，。；：“”（）【】《》！？',
  // line breaks, BOM, NUL, lone surrogates, combining marks, odd spaces
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\uFEFF',
  '\0',
  '\uD800',
  '\uDC00',
  '\uDBFF',
  '\u0301',
  '\u0308\u0323',
  '\u3000',
  '\t',
  '\u200B',
  // astral characters
  '𠀀',
  '😀',
  '👩‍👩‍👧',
  '𠀀'.repeat(31),
  '😀'.repeat(45),
  '中'.repeat(59),
  // full-width digits and numbers
  '１２',
  '３０',
  '０',
  '123',
  '99',
  // the genre's markers
  '@',
  '＠',
  '@县财政局',
  '@县财政厅',
  '@弥渡县水务局',
  '一是',
  '二是',
  '九十九是',
  '五是',
  '（一）',
  '（三）',
  '(2)',
  '1.',
  '3、',
  '一、',
  '四、',
  '十一、',
  '时限：',
  '完成时限：',
  'Due: ',
  '责任单位：',
  '牵头单位：',
  'Owner: ',
  '状态：',
  '- [ ] ',
  '- [x] ',
  '## Action items\n',
  '## Decisions\n',
  '# 会议纪要\n',
  '时间：',
  '时间：2024年3月13日\n',
  '主持：',
  '出席：',
  'Date: 2024-03-13\n',
  '会议决定，',
  '会议认为，',
  '会议要求，',
  '会议议定如下：\n',
  '由县财政局牵头',
  '县发改局牵头，县财政局配合',
  '请县交通局于',
  '会同县水务局',
  '县住建局要',
  '各有关单位',
  '相关部门',
  '尽快',
  'ASAP',
  '20XX',
  '20XX年',
  'XX月XX日',
  '×××',
  '【请填写】',
  '{{',
  '}}',
  '<!--',
  '-->',
  '<!-- minutes-disable-next-line -->\n',
  '<!-- minutes-disable missing-owner -->\n',
  '2024年2月30日',
  '2024年2月29日',
  '13月',
  '6月底前',
  '6月30日前',
  '会后10日内',
  '本周五',
  '2024-06-30',
  'by June 30',
  'Sarah to ',
  'Tom and Ann will ',
  'ACTION (Bo, Li): ',
  'Decision: ',
  'Approved ',
  '原则同意',
  'Carried.',
  '**',
];

/** Whole lines of minutes, for soups. */
const lines: readonly string[] = [
  '会议纪要',
  '时间：2024年3月13日上午',
  '地点：县政府三楼会议室',
  '主持：县长',
  '出席：县财政局、县发改局、县交通局',
  '一、会议认为，园区建设总体顺利。',
  '二、会议决定',
  '（一）由县财政局牵头，6月底前完成资金拨付。',
  '（二）做好资金保障。',
  '会议要求，一是县交通局要尽快完成道路设计；二是各有关单位要加强配合。',
  '- [ ] 报送规划方案 责任单位：@县发改局 时限：2024年4月30日前',
  '## Action items',
  '- Sarah to send the budget by 2024-03-20.',
  '- Review the lease. Owner: @Facilities Due: ASAP',
  'Present: Sarah, Tom, Ann',
  'Motion to approve the budget. Carried.',
];

/** A 16-bit code unit: any, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

const arbitraryText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
);

const soup = fc
  .array(fc.oneof(fc.constantFrom(...snippets), fc.constantFrom(...lines.map((l) => `${l}\n`)), codeUnit), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; snippet: string }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'swapLines'; at: number; other: number }
  | { kind: 'shuffleLines'; seed: number }
  | { kind: 'lineBreaks'; style: string }
  | { kind: 'bom' }
  | { kind: 'fullWidthDigits' };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.nat({ max: 40 }) }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fraction,
      snippet: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...snippets) },
        { weight: 1, arbitrary: codeUnit },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), at: fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('swapLines' as const), at: fraction, other: fraction }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffleLines' as const), seed: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lineBreaks' as const),
      style: fc.constantFrom('\r\n', '\r', 'mixed'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fullWidthDigits' as const) }) },
);

const index = (at: number, length: number): number => Math.min(length, Math.floor(at * (length + 1)));

/** Applies one mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const split = (): string[] => text.split('\n');
  switch (m.kind) {
    case 'cut':
      return text.slice(0, index(m.at, text.length));
    case 'delete': {
      const at = index(m.at, text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = index(m.at, text.length);
      return text.slice(0, at) + m.snippet + text.slice(at);
    }
    case 'duplicateLine': {
      const ls = split();
      const i = index(m.at, ls.length - 1);
      ls.splice(i, 0, ls[i]);
      return ls.join('\n');
    }
    case 'swapLines': {
      const ls = split();
      const i = index(m.at, ls.length - 1);
      const j = index(m.other, ls.length - 1);
      [ls[i], ls[j]] = [ls[j], ls[i]];
      return ls.join('\n');
    }
    case 'shuffleLines': {
      const ls = split();
      let s = m.seed >>> 0 || 1;
      for (let i = ls.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = s % (i + 1);
        [ls[i], ls[j]] = [ls[j], ls[i]];
      }
      return ls.join('\n');
    }
    case 'lineBreaks': {
      if (m.style !== 'mixed') return text.replace(/\r\n|\r|\n/g, m.style);
      let k = 0;
      return text.replace(/\r\n|\r|\n/g, () => ['\r\n', '\n', '\r'][k++ % 3]);
    }
    case 'bom':
      return `\uFEFF${text}`;
    case 'fullWidthDigits':
      return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  }
}

const mutatedSeed = fc
  .record({
    seed: fc.nat({ max: seeds.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
  })
  .map(({ seed, mutations }) => mutations.reduce(mutate, seeds[seed]));

/** Any text: mostly mutated minutes, then soups of the genre's words, then arbitrary strings. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: mutatedSeed },
  { weight: 3, arbitrary: soup },
  { weight: 2, arbitrary: arbitraryText },
);

/** A case: a text, a service, and a few places to probe. */
export const cases: fc.Arbitrary<Case> = fc.record({
  text,
  setup: fc.nat({ max: services.length - 1 }),
  probes: fc.array(fraction, { minLength: 1, maxLength: 4 }),
});
