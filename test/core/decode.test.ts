import * as assert from 'assert';
import { decodeProblem, decodeText, MAX_INVALID_SEQUENCES } from '../../server/src/core/decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('core/decode', function () {
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
    assert.deepStrictEqual(decodeText(bad(MAX_INVALID_SEQUENCES + 1)), { error: 'unknown-encoding' });
  });

  it('reads GB18030 (GBK) when the bytes are not UTF-8 but valid GB18030', function () {
    // "会议纪要\n责任单位：县财政局；时限：6月底前。\n" in GBK.
    const gbk = Buffer.from(
      'bbe1d2e9bccdd2aa0ad4f0c8ceb5a5cebba3bacfd8b2c6d5febed6a3bbcab1cfdea3ba36d4c2b5d7c7b0a1a30a',
      'hex',
    );
    assert.deepStrictEqual(decodeText(gbk), { text: '会议纪要\n责任单位：县财政局；时限：6月底前。\n' });
    // A four-byte GB18030 sequence (U+20000, outside GBK).
    assert.deepStrictEqual(decodeText(Uint8Array.from([0x95, 0x32, 0x82, 0x36])), { text: '\u{20000}' });
  });

  it('prefers UTF-8 when the bytes are valid both ways', function () {
    assert.deepStrictEqual(decodeText(utf8('会议')), { text: '会议' });
  });

  it("says why in the user's language", function () {
    assert.strictEqual(decodeProblem('binary', 'zh-CN'), '二进制文件');
    assert.match(decodeProblem('unknown-encoding', 'en'), /^not text in UTF-8, UTF-16 or GB18030\/GBK/);
    assert.match(decodeProblem('unknown-encoding', 'zh-CN'), /请另存为 UTF-8/);
  });

  it('does not count replacement characters written in the file', function () {
    const text = '\ufffd'.repeat(10);
    assert.deepStrictEqual(decodeText(utf8(text)), { text });
  });
});
