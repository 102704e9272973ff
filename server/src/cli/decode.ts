/**
 * Turns a file's bytes into text, or says why it is not text. Pure (TextDecoder only), so any adapter that
 * reads minutes from disk can use it.
 */

/** Invalid UTF-8 sequences tolerated (decoded as U+FFFD) before a file counts as not UTF-8 text. */
export const MAX_INVALID_SEQUENCES = 3;

/** How far a NUL byte is looked for: a NUL in the first 8 KB marks a binary file. */
const BINARY_PROBE_BYTES = 8192;

export type Decoded = { text: string } | { error: 'binary' | 'not-utf8' };

function countReplacementBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}

function countReplacementChars(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}

/**
 * Decodes UTF-8 (a leading byte order mark is dropped) or, when it starts with a byte order mark, UTF-16.
 * A NUL byte in the first 8 KB means `binary`; more than a few invalid UTF-8 sequences mean `not-utf8`
 * (typically a file saved in a legacy encoding such as GBK).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { error: 'binary' };
  const text = new TextDecoder('utf-8').decode(bytes);
  const invalid = countReplacementChars(text) - countReplacementBytes(bytes);
  return invalid > MAX_INVALID_SEQUENCES ? { error: 'not-utf8' } : { text };
}
