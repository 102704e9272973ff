import * as assert from 'assert';
import * as fc from 'fast-check';
import * as v8 from 'v8';
import * as vm from 'vm';
import {
  addDays,
  daysBetween,
  findDates,
  findMeetingDate,
  findVagueDeadlines,
  isValidIsoDate,
  resolveDeadlineValue,
  weekday,
} from '../../server/src/core/dates';

/** A Wednesday. */
const M = '2024-03-06';

interface Expected {
  text: string;
  date: string | null;
  deadline: boolean;
  invalid?: string;
  placeholder?: boolean;
}

type Row = [input: string, meeting: string | null, expected: Expected];

function row(
  input: string,
  text: string,
  date: string | null,
  deadline: boolean,
  meeting: string | null = M,
): Row {
  return [input, meeting, { text, date, deadline }];
}

const CHINESE: Row[] = [
  row('请于2024-06-30前完成', '2024-06-30前', '2024-06-30', true),
  row('2024/6/30', '2024/6/30', '2024-06-30', false),
  row('2024.6.30之前', '2024.6.30之前', '2024-06-30', true),
  row('2024年6月30日以前', '2024年6月30日以前', '2024-06-30', true),
  row('2024年6月30号为止', '2024年6月30号为止', '2024-06-30', true),
  row('截至2024年6月30日', '截至2024年6月30日', '2024-06-30', true),
  row('2024年6月30日', '2024年6月30日', '2024-06-30', false),
  row('6月30日前', '6月30日前', '2024-06-30', true),
  row('2月10日前', '2月10日前', '2025-02-10', true),
  row('3月6日前', '3月6日前', '2024-03-06', true),
  row('6月底前', '6月底前', '2024-06-30', true),
  row('6月底', '6月底', '2024-06-30', true),
  row('6月末', '6月末', '2024-06-30', true),
  row('2月底前', '2月底前', '2025-02-28', true),
  row('确保2012年底前全面完成', '2012年底前', '2012-12-31', true),
  row('年底前完成', '年底前', '2024-12-31', true),
  row('年内完成', '年内', '2024-12-31', true),
  row('今年底', '今年底', '2024-12-31', true),
  row('本年度内', '本年度内', '2024-12-31', true),
  row('到年底', '到年底', '2024-12-31', true),
  row('明年6月', '明年6月', '2025-06-30', false),
  row('2024年6月', '2024年6月', '2024-06-30', false),
  row('力争到2016年，实现', '到2016年', '2016-12-31', true),
  row('2016年前', '2016年前', '2016-12-31', true),
  row('上半年', '上半年', '2024-06-30', false),
  row('下半年', '下半年', '2024-12-31', false),
  row('明年上半年', '明年上半年', '2025-06-30', false),
  row('一季度末', '一季度末', '2024-03-31', true),
  row('二季度底', '二季度底', '2024-06-30', true),
  row('三季度前', '三季度前', '2024-09-30', true),
  row('第三季度', '第三季度', '2024-09-30', false),
  row('2025年第一季度', '2025年第一季度', '2025-03-31', false),
  row('6月上旬', '6月上旬', '2024-06-10', false),
  row('6月中旬', '6月中旬', '2024-06-20', false),
  row('6月下旬前', '6月下旬前', '2024-06-30', true),
  row('力争“十二五”末祥云飞龙公司', '“十二五”末', '2015-12-31', true),
  row('"十二五"期间', '"十二五"期间', '2015-12-31', true),
  row('十三五末', '十三五末', '2020-12-31', true),
  row('“十四五”时期', '“十四五”时期', '2025-12-31', true),
  row('十五五末', '十五五末', '2030-12-31', true),
  row('会后10日内', '会后10日内', '2024-03-16', true),
  row('会后十天内', '会后十天内', '2024-03-16', true),
  row('15日内', '15日内', '2024-03-21', true),
  row('三十天内', '三十天内', '2024-04-05', true),
  row('要在5个工作日内拨付', '5个工作日内', '2024-03-13', true),
  row('十个工作日内', '十个工作日内', '2024-03-22', true, '2024-03-08'),
  row('一周内', '一周内', '2024-03-13', true),
  row('会后两周内', '会后两周内', '2024-03-20', true),
  row('3周内', '3周内', '2024-03-27', true),
  row('一个月内', '一个月内', '2024-04-06', true),
  row('一个月内', '一个月内', '2024-02-29', true, '2024-01-31'),
  row('三个月内', '三个月内', '2024-06-06', true),
  row('半年内', '半年内', '2024-09-06', true),
  row('本周五前', '本周五前', '2024-03-08', true),
  row('本周内', '本周内', '2024-03-10', true),
  row('下周三前', '下周三前', '2024-03-13', true),
  row('下周星期三', '下周星期三', '2024-03-13', false),
  row('下周内', '下周内', '2024-03-17', true),
  row('周五前', '周五前', '2024-03-08', true),
  row('每周五下午5点前报送', '周五下午5点前', '2024-03-08', true),
  row('月底前', '月底前', '2024-03-31', true),
  row('本月底', '本月底', '2024-03-31', true),
  row('下月底', '下月底', '2024-04-30', true),
  row('下个月底', '下个月底', '2024-04-30', true),
  row('各乡镇要于本月20日前上报', '本月20日前', '2024-03-20', true),
  row('下月15日前', '下月15日前', '2024-04-15', true),
  row('15日前', '15日前', '2024-03-15', true),
  row('15日前', '15日前', '2024-04-15', true, '2024-03-20'),
  row('季度末', '季度末', '2024-03-31', true),
  row('本季度内', '本季度内', '2024-03-31', true),
  row('今天下班前', '今天下班前', '2024-03-06', true),
  row('明天之前', '明天之前', '2024-03-07', true),
  row('计划今日稍晚继续调试', '今日稍晚', '2024-03-06', true),
  row('２０２４年６月３０日', '２０２４年６月３０日', '2024-06-30', false),
  row('二〇二四年六月三十日前', '二〇二四年六月三十日前', '2024-06-30', true),
  row('2024年6月30日17:00前', '2024年6月30日17:00前', '2024-06-30', true),
  row('2024年3月5日（星期二）召开', '2024年3月5日（星期二）', '2024-03-05', false),
  row('6月30日前后', '6月30日', '2024-06-30', false),
  row('十二月底前', '十二月底前', '2024-12-31', true),
  row('6月30日前', '6月30日前', null, true, null),
  row('下周三前', '下周三前', null, true, null),
];

const ENGLISH: Row[] = [
  row('by 2024-06-30', 'by 2024-06-30', '2024-06-30', true),
  row('by 30 June 2024', 'by 30 June 2024', '2024-06-30', true),
  row('by June 30', 'by June 30', '2024-06-30', true),
  row('by June 30, 2024', 'by June 30, 2024', '2024-06-30', true),
  row('BY JUNE 30TH', 'BY JUNE 30TH', '2024-06-30', true),
  row('by 30/06/2024', 'by 30/06/2024', '2024-06-30', true),
  row('by 05/06/2024', 'by 05/06/2024', null, true),
  row('by end of March', 'by end of March', '2024-03-31', true),
  row('by the end of March', 'by the end of March', '2024-03-31', true),
  row('by end of month', 'by end of month', '2024-03-31', true),
  row('by the end of the month', 'by the end of the month', '2024-03-31', true),
  row('end of Q3', 'end of Q3', '2024-09-30', true),
  row('by Q2', 'by Q2', '2024-06-30', true),
  row('by end of year', 'by end of year', '2024-12-31', true),
  row('by year end', 'by year end', '2024-12-31', true),
  row('within two weeks', 'within two weeks', '2024-03-20', true),
  row('within 10 days', 'within 10 days', '2024-03-16', true),
  row('within 5 working days', 'within 5 working days', '2024-03-13', true),
  row('within 5 business days', 'within 5 business days', '2024-03-13', true),
  row('within a month', 'within a month', '2024-04-06', true),
  row('within three months', 'within three months', '2025-02-28', true, '2024-11-30'),
  row('in two weeks', 'in two weeks', '2024-03-20', true),
  row("in two weeks' time", "in two weeks' time", '2024-03-20', true),
  row('next Friday', 'next Friday', '2024-03-15', false),
  row('this Friday', 'this Friday', '2024-03-08', false),
  row('by Tuesday', 'by Tuesday', '2024-03-12', true),
  row('by Wednesday', 'by Wednesday', '2024-03-13', true),
  row('by tomorrow', 'by tomorrow', '2024-03-07', true),
  row('will rerun it later today', 'later today', '2024-03-06', true),
  row('by next week', 'by next week', '2024-03-17', true),
  row('this week', 'this week', '2024-03-10', false),
  row('end of next month', 'end of next month', '2024-04-30', true),
  row('before 1 March', 'before 1 March', '2024-02-29', true, '2024-01-10'),
  row('before March', 'before March', '2024-02-29', true, '2024-01-10'),
  row('no later than 15 April', 'no later than 15 April', '2024-04-15', true),
  row('due 2024-05-01', 'due 2024-05-01', '2024-05-01', true),
  row('Due: 2024-05-01.', 'Due: 2024-05-01', '2024-05-01', true),
  row('by mid-March', 'by mid-March', '2024-03-20', true),
  row('early April', 'early April', '2024-04-10', false),
  row('late February', 'late February', '2024-02-29', false, '2024-01-10'),
  row('by the 15th', 'by the 15th', '2024-03-15', true),
  row('Q3 2024', 'Q3 2024', '2024-09-30', false),
  row('the third quarter of 2025', 'the third quarter of 2025', '2025-09-30', false),
  row('H2 2024', 'H2 2024', '2024-12-31', false),
  row('by EOD', 'by EOD', '2024-03-06', true),
  row('Tuesday, 5 March 2024', 'Tuesday, 5 March 2024', '2024-03-05', false),
  row('Bob to send it by Friday 8 March.', 'by Friday 8 March', '2024-03-08', true),
  row('by Sept 3rd', 'by Sept 3rd', '2024-09-03', true),
  row('30 June at the latest', '30 June at the latest', '2024-06-30', true),
  row('by 2025', 'by 2025', '2025-12-31', true),
  row('by December 1', 'by December 1', '2025-12-01', true, '2024-12-15'),
  row('March 2024', 'March 2024', '2024-03-31', false),
  row('by Friday', 'by Friday', null, true, null),
];

const INVALID: Row[] = [
  [
    '2024-02-30',
    M,
    { text: '2024-02-30', date: null, deadline: false, invalid: 'February has 29 days in 2024' },
  ],
  [
    '2023-02-29',
    M,
    { text: '2023-02-29', date: null, deadline: false, invalid: 'February has 28 days in 2023' },
  ],
  [
    '2024年2月30日前',
    M,
    { text: '2024年2月30日前', date: null, deadline: true, invalid: 'February has 29 days in 2024' },
  ],
  [
    '2月30日前',
    M,
    { text: '2月30日前', date: null, deadline: true, invalid: 'February has at most 29 days' },
  ],
  [
    '2月29日',
    '2023-01-10',
    { text: '2月29日', date: null, deadline: false, invalid: 'February has 28 days in 2023' },
  ],
  ['13月', M, { text: '13月', date: null, deadline: false, invalid: 'month 13' }],
  ['0月', M, { text: '0月', date: null, deadline: false, invalid: 'month 0' }],
  ['6月32日', M, { text: '6月32日', date: null, deadline: false, invalid: 'day 32' }],
  ['2024年4月31日', M, { text: '2024年4月31日', date: null, deadline: false, invalid: 'April has 30 days' }],
  [
    '31 September 2024',
    M,
    { text: '31 September 2024', date: null, deadline: false, invalid: 'September has 30 days' },
  ],
  ['by 32/01/2024', M, { text: 'by 32/01/2024', date: null, deadline: true, invalid: 'day 32' }],
  ['2024-13-01', M, { text: '2024-13-01', date: null, deadline: false, invalid: 'month 13' }],
];

const PLACEHOLDERS: Row[] = [
  ['20XX年底前', M, { text: '20XX年底前', date: null, deadline: true, placeholder: true }],
  ['比20xx年翻一番', M, { text: '20xx年', date: null, deadline: false, placeholder: true }],
  ['XX月XX日', M, { text: 'XX月XX日', date: null, deadline: false, placeholder: true }],
  ['某年某月某日前', M, { text: '某年某月某日前', date: null, deadline: true, placeholder: true }],
  ['2024年X月', M, { text: '2024年X月', date: null, deadline: false, placeholder: true }],
  [
    '20XX年2月30日',
    M,
    {
      text: '20XX年2月30日',
      date: null,
      deadline: false,
      placeholder: true,
      invalid: 'February has at most 29 days',
    },
  ],
];

function check([input, meeting, expected]: Row): void {
  const found = findDates(input, meeting);
  assert.strictEqual(found.length, 1, `one expression in ${JSON.stringify(input)}: ${JSON.stringify(found)}`);
  const [m] = found;
  assert.deepStrictEqual(
    {
      text: m.text,
      date: m.date,
      deadline: m.deadline,
      ...(m.invalid !== undefined ? { invalid: m.invalid } : {}),
      ...(m.placeholder ? { placeholder: true } : {}),
    },
    expected,
    input,
  );
  assert.strictEqual(input.slice(m.start, m.end), m.text);
}

describe('dates', () => {
  describe('findDates', () => {
    for (const [name, rows] of [
      ['Chinese', CHINESE],
      ['English', ENGLISH],
      ['invalid dates', INVALID],
      ['placeholders', PLACEHOLDERS],
    ] as const) {
      describe(name, () => {
        for (const r of rows) it(`${r[0]} (meeting ${r[1]})`, () => check(r));
      });
    }

    it('leaves numbers, durations without a limit and ranges alone', () => {
      for (const text of [
        '三年来累计完成投资1、7亿元',
        '力争用2~3年时间',
        '通过五年的努力，每年向上争取1000万元',
        '将规划面积扩大到20平方公里以上，完成2000亩',
        '45个省级工业园区之一',
        '10号文件、1号楼、第5号、第十二次会议',
        '说明年度报告；成本月报；以下月份；同一月份；以上半年',
        '明天；周五；截至目前',
        'Friday; in March; You may 5 times; the first half of the meeting; today we met',
        'by the board, within budget, in the next meeting, version 1.2.3',
      ]) {
        assert.deepStrictEqual(findDates(text, M), [], text);
      }
    });

    it('finds every expression of the example minutes in order', () => {
      const text =
        '时间:2022-05-27 04:05:37 会议纪要\n从20XX年我县工业园区规划通过省州评审开始。力争到2016年，实现生产总值比20XX年翻一番。' +
        '力争20XX年底前完成土地收储。力争“十二五”末祥云飞龙公司达5亿元。力争用2~3年时间，确保2012年底前全面完成。';
      const found = findDates(text, '2022-05-27').map((d) => [d.text, d.date, d.deadline, d.placeholder]);
      assert.deepStrictEqual(found, [
        ['2022-05-27', '2022-05-27', false, false],
        ['20XX年', null, false, true],
        ['到2016年', '2016-12-31', true, false],
        ['20XX年', null, false, true],
        ['20XX年底前', null, true, true],
        ['“十二五”末', '2015-12-31', true, false],
        ['2012年底前', '2012-12-31', true, false],
      ]);
    });

    it('reports offsets in UTF-16 code units of the given text', () => {
      const text = '𠀀𠀀 见 ２０２４年６月３０日前，by June 30';
      const found = findDates(text, M);
      assert.deepStrictEqual(
        found.map((d) => [d.start, d.end, d.text]),
        [
          [7, 18, '２０２４年６月３０日前'],
          [19, 29, 'by June 30'],
        ],
      );
    });

    it('never throws, and returns ordered, non-overlapping, consistent matches', () => {
      const alphabet = [
        ...'0123456789２０年月日号底末前内后止上下中旬季度半周星期本今明会个工作XxX×某“”"十一二三四五两〇 -/.:,，',
      ].concat([
        'by ',
        'end of ',
        'June ',
        'Q3',
        'within ',
        'two ',
        'weeks',
        'Friday',
        'the ',
        'next ',
        'before ',
        'in ',
      ]);
      const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));
      const meeting = fc.option(
        fc
          .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      );
      fc.assert(
        fc.property(text, meeting, (t, m) => {
          let last = 0;
          for (const d of findDates(t, m)) {
            assert.ok(d.start >= last && d.end > d.start && d.end <= t.length);
            assert.strictEqual(t.slice(d.start, d.end), d.text);
            if (d.date !== null) assert.ok(isValidIsoDate(d.date), d.date);
            if (d.invalid !== undefined || d.placeholder) assert.strictEqual(d.date, null);
            last = d.end;
          }
          findVagueDeadlines(t);
          resolveDeadlineValue(t, m);
          findMeetingDate(t);
        }),
        { numRuns: 2000 },
      );
    });

    it('accepts an unusable meeting date as none', () => {
      assert.deepStrictEqual(
        findDates('6月30日前', 'not a date').map((d) => d.date),
        [null],
      );
    });
  });

  describe('findVagueDeadlines', () => {
    const cases: [string, string[]][] = [
      ['要尽快组建弥渡工业发展投资开发公司', ['尽快']],
      ['同步审查、限时办结。要及时上报，抓紧落实，适时召开', ['限时办结', '及时', '抓紧', '适时']],
      ['近期完成，早日建成，时间另行通知，另定', ['近期', '早日', '另行通知', '另定']],
      ['时间：待定', ['待定']],
      [
        'Please reply ASAP. Send it as soon as possible, soon, or in due course.',
        ['ASAP', 'as soon as possible', 'soon', 'in due course'],
      ],
      ['Update the list when possible. Due: TBD. Deadline TBC', ['when possible', 'TBD', 'TBC']],
      ['Owner: TBD. Sooner is better. As soon as the budget is approved.', []],
    ];
    for (const [text, words] of cases) {
      it(text, () => {
        const found = findVagueDeadlines(text);
        assert.deepStrictEqual(
          found.map((v) => v.text),
          words,
        );
        for (const v of found) assert.strictEqual(text.slice(v.start, v.end), v.text);
      });
    }
  });

  describe('resolveDeadlineValue', () => {
    const cases: [string, string | null, ReturnType<typeof resolveDeadlineValue>][] = [
      ['2024年6月30日', M, { date: '2024-06-30', vague: false, placeholder: false }],
      ['6月底前完成', M, { date: '2024-06-30', vague: false, placeholder: false }],
      ['周五', M, { date: '2024-03-08', vague: false, placeholder: false }],
      ['Friday', M, { date: '2024-03-08', vague: false, placeholder: false }],
      ['tomorrow', M, { date: '2024-03-07', vague: false, placeholder: false }],
      ['2025', M, { date: '2025-12-31', vague: false, placeholder: false }],
      ['June', M, { date: '2024-06-30', vague: false, placeholder: false }],
      ['ASAP, by Friday at the latest', M, { date: '2024-03-08', vague: false, placeholder: false }],
      ['尽快', M, { date: null, vague: true, placeholder: false }],
      ['ASAP', M, { date: null, vague: true, placeholder: false }],
      ['TBD', M, { date: null, vague: true, placeholder: false }],
      ['待定', M, { date: null, vague: true, placeholder: false }],
      ['20XX年底', M, { date: null, vague: false, placeholder: true }],
      [
        '2024-02-30',
        M,
        { date: null, vague: false, placeholder: false, invalid: 'February has 29 days in 2024' },
      ],
      ['长期坚持', M, { date: null, vague: false, placeholder: false }],
      ['6月30日', null, { date: null, vague: false, placeholder: false }],
    ];
    for (const [value, meeting, expected] of cases) {
      it(`${value} (meeting ${meeting})`, () =>
        assert.deepStrictEqual(resolveDeadlineValue(value, meeting), expected));
    }
  });

  describe('findMeetingDate', () => {
    const cases: [string, { date: string; text: string } | null][] = [
      ['时间:2022-05-27 04:05:37 会议纪要', { date: '2022-05-27', text: '2022-05-27' }],
      ['2015年2月12日上午，县长主持召开会议', { date: '2015-02-12', text: '2015年2月12日' }],
      ['Date: 12 March 2024', { date: '2024-03-12', text: '12 March 2024' }],
      ['Tuesday, 5 March 2024', { date: '2024-03-05', text: 'Tuesday, 5 March 2024' }],
      ['二〇一五年二月十二日', { date: '2015-02-12', text: '二〇一五年二月十二日' }],
      ['March 5, 2024, 10:00', { date: '2024-03-05', text: 'March 5, 2024' }],
      [
        '下周三前完成，2024年3月、2024年2月30日，会议于2024年3月5日召开',
        { date: '2024-03-05', text: '2024年3月5日' },
      ],
      ['本周五召开', null],
      ['no date here', null],
    ];
    for (const [text, expected] of cases) {
      it(text, () => {
        const found = findMeetingDate(text);
        assert.deepStrictEqual(
          found && { date: found.date, text: text.slice(found.start, found.end) },
          expected,
        );
      });
    }
  });

  describe('calendar helpers', () => {
    it('isValidIsoDate', () => {
      assert.strictEqual(isValidIsoDate('2024-02-29'), true);
      assert.strictEqual(isValidIsoDate('2000-02-29'), true);
      assert.strictEqual(isValidIsoDate('1900-02-29'), false);
      assert.strictEqual(isValidIsoDate('2023-02-29'), false);
      assert.strictEqual(isValidIsoDate('2024-2-29'), false);
      assert.strictEqual(isValidIsoDate('2024-04-31'), false);
      assert.strictEqual(isValidIsoDate(''), false);
    });

    it('addDays', () => {
      assert.strictEqual(addDays('2024-02-28', 1), '2024-02-29');
      assert.strictEqual(addDays('2024-12-31', 1), '2025-01-01');
      assert.strictEqual(addDays('2024-03-01', -1), '2024-02-29');
      assert.strictEqual(addDays('2024-03-06', 365), '2025-03-06');
      assert.strictEqual(addDays('bad', 1), 'bad');
      assert.strictEqual(addDays('2024-03-06', NaN), '2024-03-06');
    });

    it('weekday', () => {
      assert.strictEqual(weekday('2024-03-06'), 3);
      assert.strictEqual(weekday('1970-01-01'), 4);
      assert.strictEqual(weekday('2000-01-01'), 6);
      assert.strictEqual(weekday('2024-03-10'), 0);
      assert.ok(Number.isNaN(weekday('2024-13-01')));
    });

    it('daysBetween', () => {
      assert.strictEqual(daysBetween('2024-01-01', '2024-12-31'), 365);
      assert.strictEqual(daysBetween('2024-03-06', '2024-03-01'), -5);
      assert.ok(Number.isNaN(daysBetween('2024-03-06', 'x')));
    });

    it('agrees with the platform calendar over four centuries', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -80000, max: 80000 }),
          fc.integer({ min: -1000, max: 1000 }),
          (n, k) => {
            const iso = new Date(Date.UTC(2000, 0, 1) + n * 86400000).toISOString().slice(0, 10);
            const expected = new Date(Date.UTC(2000, 0, 1) + (n + k) * 86400000);
            assert.strictEqual(addDays(iso, k), expected.toISOString().slice(0, 10));
            assert.strictEqual(weekday(iso), new Date(iso).getUTCDay());
            assert.strictEqual(daysBetween(iso, addDays(iso, k)), k);
          },
        ),
      );
    });
  });

  describe('linear time', () => {
    const shapes: [string, (n: number) => string][] = [
      ['digits only', (n) => '7'.repeat(n)],
      ['年月日 repeated', (n) => '年月日'.repeat(Math.ceil(n / 3)).slice(0, n)],
      ['2024年 repeated', (n) => '2024年'.repeat(Math.ceil(n / 5)).slice(0, n)],
      ['由 + digits', (n) => '由' + '7'.repeat(n - 1)],
      [
        'mixed CJK',
        (n) =>
          '会议决定由县长负责，6月底前完成；二〇二四年下周三前两周内“十二五”末XX月'
            .repeat(Math.ceil(n / 40))
            .slice(0, n),
      ],
    ];
    // A full collection before each sample, so that no sample pays for the garbage of the one before.
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    /**
     * CPU time of one scan in microseconds (other processes on the machine do not count), averaged over
     * as many scans as take 20 ms, so that short scans are not lost in the clock's noise.
     */
    const time = (text: string): number => {
      collect();
      const before = process.cpuUsage();
      let runs = 0;
      let used = 0;
      while (used < 20000) {
        findDates(text, M);
        runs++;
        const u = process.cpuUsage(before);
        used = u.user + u.system;
      }
      return used / runs;
    };
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    for (const [name, make] of shapes) {
      it(`${name}: 1 MB takes at most 12 times as long as 100 KB`, function () {
        this.timeout(120000);
        const big = make(1 << 20);
        const small = make(100 * 1024);
        time(small);
        time(big);
        /** The median ratio of five paired runs. */
        const measure = (): { ratio: number; big: number; small: number } => {
          const tb: number[] = [];
          const ts: number[] = [];
          for (let r = 0; r < 5; r++) {
            ts.push(time(small));
            tb.push(time(big));
          }
          return { ratio: median(tb) / median(ts), big: median(tb), small: median(ts) };
        };
        // A busy machine can slow one measurement down; a scan that is not linear fails every one of three.
        const tries: string[] = [];
        let ratio = Infinity;
        for (let attempt = 0; attempt < 3 && ratio > 12; attempt++) {
          const m = measure();
          ratio = m.ratio;
          tries.push(`${m.ratio.toFixed(2)} (1 MB ${m.big.toFixed(0)} µs, 100 KB ${m.small.toFixed(0)} µs)`);
        }
        // Reported for the record: `npx mocha out/test/core/dates.test.js -g "linear time"`.
        this.test!.title += ` (ratio ${ratio.toFixed(2)})`;
        assert.ok(ratio <= 12, `ratios ${tries.join(', ')}`);
      });
    }
  });
});
