import * as assert from 'assert';
import { readBlocks } from '../../../server/src/core/reader/blocks';
import { classify, headingKind, isClosingLine, outcomeOf } from '../../../server/src/core/reader/cues';
import {
  CARRIED,
  CLOSING_LINES,
  CUES,
  ITEM_HEADINGS,
  MOVER,
  NO_ITEM_HEADINGS,
} from '../../../server/src/core/reader/lexicon';
import { sentences } from '../../../server/src/core/reader/sentences';

const whole = (s: string) => ({ start: 0, end: s.length });
const texts = (text: string, spans: { start: number; end: number }[]) =>
  spans.map((s) => text.slice(s.start, s.end));

describe('reader stage 1: blocks', () => {
  it('reads headings written with #, underlined, in bold and as agenda topics', () => {
    const text = '# Title\n\nSetext\n---\n\n**Action items:**\n\n议题一：机房搬迁\n\nplain';
    const blocks = readBlocks(text);
    assert.deepStrictEqual(
      blocks.map((b) => [b.kind, b.level]),
      [
        ['heading', 1],
        ['heading', 2],
        ['heading', 0],
        ['heading', 0],
        ['paragraph', 0],
      ],
    );
  });

  it('keeps front matter and fenced code apart from the minutes', () => {
    const blocks = readBlocks('---\ntitle: x\n---\n```\n- [ ] not a task\n```\nText.');
    assert.deepStrictEqual(
      blocks.map((b) => b.kind),
      ['frontmatter', 'rule', 'rule', 'paragraph'],
    );
  });

  it('reads list entries with their markers, check boxes and indentation, and joins wrapped lines', () => {
    const text = '- [ ] Dana to send\n  the draft\n  - sub point\n1、第一\n（二）第二\n一、总体\n10) ten';
    const blocks = readBlocks(text);
    assert.deepStrictEqual(
      blocks.map((b) => [
        b.kind,
        b.marker?.style ?? null,
        b.marker?.value ?? null,
        b.indent,
        b.lastLine - b.line,
      ]),
      [
        ['entry', 'bullet', 0, 0, 1],
        ['entry', 'bullet', 0, 2, 0],
        ['entry', 'arabic-dot', 1, 0, 0],
        ['entry', 'cn-paren', 2, 0, 0],
        ['entry', 'cn-section', 1, 0, 0],
        ['entry', 'arabic-dot', 10, 0, 0],
      ],
    );
    assert.strictEqual(blocks[0].marker?.box?.done, false);
  });

  it('joins a hard-wrapped English paragraph but keeps field lines and finished Chinese lines apart', () => {
    const text =
      'Motion by Ann, second by Bob to approve\nthe minutes.\nDate: 2024-01-02\n会议要求，要加快。\n要加强。';
    assert.deepStrictEqual(
      readBlocks(text).map((b) => [b.line, b.lastLine]),
      [
        [0, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ],
    );
  });
});

describe('reader stage 2: sentences', () => {
  it('cuts Chinese at 。；！？ and before inline points', () => {
    const text = '会议要求：一是压实责任；二是加强检查，三是做好值守。要及时报告！';
    assert.deepStrictEqual(texts(text, sentences(text, 0, text.length)), [
      '会议要求：',
      '一是压实责任；',
      '二是加强检查',
      '三是做好值守。',
      '要及时报告！',
    ]);
  });

  it('does not cut at a mark with no word before it', () => {
    const text = '！会同财政局办理。\n、；要报送。？';
    assert.deepStrictEqual(texts(text, sentences(text, 0, text.length)), [
      '！会同财政局办理。',
      '、；要报送。',
      '？',
    ]);
  });

  it('cuts after a comma before a meeting’s lead phrase', () => {
    const text = '会议审议通过了《办法》,会议要求,各部门要严格执行。';
    assert.deepStrictEqual(texts(text, sentences(text, 0, text.length)), [
      '会议审议通过了《办法》,',
      '会议要求,各部门要严格执行。',
    ]);
  });

  it('cuts English after a full stop before a capital, not after abbreviations or initials', () => {
    const text = 'Dr. Lee and J. Smith met Mr. Khan, e.g. on site. Dana will send it. CLERK TO ACT';
    assert.deepStrictEqual(texts(text, sentences(text, 0, text.length)), [
      'Dr. Lee and J. Smith met Mr. Khan, e.g. on site.',
      'Dana will send it.',
      'CLERK TO ACT',
    ]);
  });

  it('cuts before a wrapped line that opens with a bullet or the … of a speaker’s next line', () => {
    const text = 'Wendy: close to the end of the charter\n… minutes approved!\n- Dana to send it';
    assert.deepStrictEqual(texts(text, sentences(text, 0, text.length)), [
      'Wendy: close to the end of the charter',
      '… minutes approved!',
      '- Dana to send it',
    ]);
  });
});

describe('reader stage 3: the cue lexicon, each entry with its examples', () => {
  for (const cue of CUES) {
    it(`${cue.id} (${cue.kind})`, () => {
      for (const example of cue.examples) {
        assert.ok(cue.re.test(example), `${cue.id} does not match its example «${example}»`);
        assert.strictEqual(classify(example, whole(example)).kind, cue.kind, `«${example}»`);
      }
      for (const counter of cue.counterExamples ?? []) {
        assert.ok(!cue.re.test(counter), `${cue.id} matches its counter-example «${counter}»`);
      }
    });
  }

  it('reads the kind of a section from its heading, and headings whose entries are not items', () => {
    for (const h of ITEM_HEADINGS) {
      for (const example of h.examples)
        assert.deepStrictEqual(headingKind(example), { kind: h.kind, items: true });
    }
    for (const h of NO_ITEM_HEADINGS) {
      for (const example of h.examples) assert.strictEqual(headingKind(example).items, false, example);
    }
    assert.deepStrictEqual(headingKind('四、会议决定'), { kind: 'decision', items: true });
    assert.deepStrictEqual(headingKind('Discussion'), { kind: 'finding', items: true });
  });

  it('knows closing matter and the outcome lines of a vote', () => {
    for (const c of CLOSING_LINES)
      for (const example of c.examples) assert.ok(isClosingLine(example), example);
    assert.ok(!isClosingLine('会议决定，由县财政局负责。'));
    for (const example of CARRIED.examples)
      assert.strictEqual(outcomeOf(example, whole(example)), 'carried', example);
    for (const example of MOVER.examples)
      assert.strictEqual(outcomeOf(example, whole(example)), 'mover', example);
    assert.strictEqual(
      outcomeOf('Approved the budget for next year.', whole('Approved the budget for next year.')),
      null,
    );
  });
});
