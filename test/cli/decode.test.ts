import * as assert from 'assert';
import { decodeText, MAX_INVALID_SEQUENCES } from '../../server/src/cli/decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('cli/decode', function () {
  it('decodes UTF-8, dropping a byte order mark', function () {
    assert.deepStrictEqual(decodeText(utf8('\ufeff会议纪要\r\n')), { text: '会议纪要\r\n' });
    assert.deepStrictEqual(decodeText(utf8('')), { text: '' });
  });

  it('decodes UTF-16 with a byte order mark', function () {
    const le = Uint8Array.from([0xff, 0xfe, 0x1a, 0x4f, 0x61, 0x00]);
    const be = Uint8Array.from([0xfe, 0xff, 0x4f, 0x1a, 0x00, 0x61]);
    assert.deepStrictEqual(decodeText(le), { text: '会a' });
    assert.deepStrictEqual(decodeText(be), { text: '会a' });
  });

  it('calls a NUL byte in the first 8 KB binary, not one after', function () {
    const early = new Uint8Array(100).fill(0x61);
    early[50] = 0;
    assert.deepStrictEqual(decodeText(early), { error: 'binary' });
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    assert.ok('text' in decodeText(late));
  });

  it('tolerates a few invalid UTF-8 sequences, not more', function () {
    const bad = (n: number): Uint8Array =>
      Uint8Array.from([...utf8('ok '), ...new Array<number>(n).fill(0xff)]);
    assert.deepStrictEqual(decodeText(bad(MAX_INVALID_SEQUENCES)), {
      text: 'ok ' + '\ufffd'.repeat(MAX_INVALID_SEQUENCES),
    });
    assert.deepStrictEqual(decodeText(bad(MAX_INVALID_SEQUENCES + 1)), { error: 'not-utf8' });
  });

  it('does not count replacement characters written in the file', function () {
    const text = '\ufffd'.repeat(10);
    assert.deepStrictEqual(decodeText(utf8(text)), { text });
  });
});
