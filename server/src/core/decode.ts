/**
 * Turns a file's bytes into text, or says why it is not text: the one decoder of the `minutes` command and the
 * language server. Pure (TextDecoder only). Reads files as VS Code's `files.encoding` users expect them:
 * UTF-8 or UTF-16 by byte order mark, else UTF-8, else GB18030 (which covers GBK and GB2312, the encodings
 * Chinese offices still save minutes in).
 */
import type { Locale } from './api';

/** Invalid UTF-8 sequences tolerated (decoded as U+FFFD) in a file that is not GB18030 either. */
export const MAX_INVALID_SEQUENCES = 3;

/** How far a NUL byte is looked for: a NUL in the first 8 KB marks a binary file. */
const BINARY_PROBE_BYTES = 8192;

export type DecodeError = 'binary' | 'unknown-encoding';

export type Decoded = { text: string } | { error: DecodeError };

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

/** The text when `bytes` are valid in `encoding`, else null. */
function strict(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes, in this order: UTF-16 LE/BE or UTF-8 by byte order mark (the mark is dropped); `binary` when a NUL
 * byte is in the first 8 KB; valid UTF-8; GB18030 (GBK) when the bytes are valid GB18030; UTF-8 with at most
 * `MAX_INVALID_SEQUENCES` invalid sequences (read as U+FFFD); else `unknown-encoding`.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { error: 'binary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8 };
  const gb18030 = strict('gb18030', bytes);
  if (gb18030 !== null) return { text: gb18030 };
  const text = new TextDecoder('utf-8').decode(bytes);
  const invalid = countReplacementChars(text) - countReplacementBytes(bytes);
  return invalid > MAX_INVALID_SEQUENCES ? { error: 'unknown-encoding' } : { text };
}

const reasons: Record<DecodeError, Record<Locale, string>> = {
  binary: { en: 'binary file', 'zh-CN': '二进制文件' },
  'unknown-encoding': {
    en: 'not text in UTF-8, UTF-16 or GB18030/GBK (save it as UTF-8)',
    'zh-CN': '不是 UTF-8、UTF-16 或 GB18030/GBK 编码的文本（请另存为 UTF-8）',
  },
};

/** Why a file could not be decoded, in the user's language: `binary file`, `not text in UTF-8, …`. */
export function decodeProblem(error: DecodeError, locale: Locale): string {
  return reasons[error][locale];
}
