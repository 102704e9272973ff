/** Which documents are too large or too binary to check as they are edited. */

export type SkipReason = 'tooLarge' | 'binary';

/** UTF-8 length of `text`, counting no further than `limit + 1`. */
function utf8LengthUpTo(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why a document of `size` bytes (or with this text) is not checked as it is edited, or null. */
export function skipReason(
  text: string,
  maxFileSize: number,
  size = utf8LengthUpTo(text, maxFileSize),
): SkipReason | null {
  if (size > maxFileSize) return 'tooLarge';
  if (text.includes('\0')) return 'binary';
  return null;
}
