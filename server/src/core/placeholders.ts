/** Unfilled template placeholders: 20XX, XX月, ×××, XXX, ○○, 【请填写】, {{…}}, ____. */
import type { Placeholder } from './model';

const PLACEHOLDER = new RegExp(
  [
    '(?<![A-Za-z0-9])(?:19|20)[Xx×Ｘｘ]{2}(?![A-Za-z])', // 20XX
    '(?<![A-Za-z])[Xx×Ｘｘ]{1,2}(?=[年月日号时])', // XX月, X日
    '[×Ｘ○〇□＊]{2,}', // ×××, ○○, □□
    '(?<![A-Za-z])X{3,}(?![A-Za-z])', // XXX
    '【[^】\\n]{0,20}(?:填写|填入|待定|待补|补充|输入|请填)[^】\\n]{0,20}】', // 【请填写】
    '\\{\\{[^{}\\n]{0,80}\\}\\}', // {{name}}
    '[_＿]{3,}', // ____
    '某某(?:单位|部门|公司|同志|局)?',
  ].join('|'),
  'g',
);

export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
    out.push({ text: m[0], span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}
