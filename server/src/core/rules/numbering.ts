import { numberToChinese } from '../numbers';
import type { NumberLabel } from '../model';
import type { Rule } from './rule';

/** The label `value` would have in the style of `like`: 三、 for 四、, （三） for （四）, 3. for 4. */
export function relabel(like: NumberLabel, value: number): string | null {
  const digits = /[0-9０-９]+/.exec(like.text);
  if (digits) return like.text.replace(digits[0], String(value));
  const cn = /[一二三四五六七八九十]+/.exec(like.text);
  if (!cn) return like.text;
  const numeral = numberToChinese(value);
  return numeral === null ? null : like.text.replace(cn[0], numeral);
}

export const numbering: Rule = {
  id: 'numbering',
  description: {
    en: 'Numbering that skips, repeats or goes backwards (一、二、四; (1)(2)(2); 一是…三是).',
    'zh-CN': '序号跳号、重号或顺序颠倒（如一、二、四；一是…三是）。',
  },
  defaultSeverity: 'warning',
  check(ctx) {
    for (const run of ctx.doc.sequences) {
      let expected = 1;
      for (const label of run) {
        const want = label.value !== expected ? relabel(label, expected) : null;
        if (want !== null) {
          ctx.report(
            label.span,
            {
              en: `Numbering: expected “${want}” here, found “${label.text}”.`,
              'zh-CN': `序号有误：此处应为“${want}”，实为“${label.text}”。`,
            },
            { expected: want },
          );
        }
        expected = label.value + 1;
      }
    }
  },
};
