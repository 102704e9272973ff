/** Chinese numerals as written in ordinals (一 … 九十九), and back. */

/** Chinese digits, as written in ordinals and in dates (二〇二四年). */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DIGITS = CN_DIGITS;

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23; null for anything else. */
export function chineseToNumber(s: string): number | null {
  if (s.length === 0 || s.length > 4) return null;
  const ten = s.indexOf('十');
  if (ten < 0) {
    if (s.length !== 1) return null;
    return DIGITS[s] ?? null;
  }
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const before = s.slice(0, ten);
  const after = s.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 ? DIGITS[before] : undefined;
  const ones = after === '' ? 0 : after.length === 1 ? DIGITS[after] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return null;
  return tens * 10 + ones;
}

const NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (1 to 99); null outside that range. */
export function numberToChinese(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 99) return null;
  if (n < 10) return NAMES[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NAMES[tens]}十${ones === 0 ? '' : NAMES[ones]}`;
}

/** Full-width digits to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
