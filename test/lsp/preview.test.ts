import * as assert from 'assert';
import { exportDocumentRequest, previewRequest } from '../../server/src/protocol';
import { TestClient } from './client';

const TEXT = [
  '# 专题会议纪要',
  '',
  '出席：@办公室、@财政局',
  '',
  '一、会议决定',
  '',
  '（一）加强管理。',
  '',
].join('\n');

describe('lsp: the formal document', () => {
  let client: TestClient;
  const uri = 'file:///preview/meeting.minutes';

  before(async () => {
    client = await TestClient.start();
    await client.open(uri, TEXT);
  });
  after(async () => {
    await client.stop();
  });

  it('answers minutes/preview with the page of the open version, problems in the margin', async () => {
    const result = await client.connection.sendRequest(previewRequest, { textDocument: { uri } });
    assert.ok(result);
    assert.strictEqual(result.version, 1);
    assert.match(result.html, /<h1 data-line="0" data-line-end="0" class="title">.*专题会议纪要<\/h1>/);
    // （一）加强管理。 names no owner: its problems are marked on its paragraph.
    assert.match(
      result.html,
      /<p data-line="6" data-line-end="6"><span class="problem problem-warning" title="No owner/,
    );
    const version = await client.change(uri, `${TEXT}（二）新增事项。\n`);
    const changed = await client.connection.sendRequest(previewRequest, { textDocument: { uri } });
    assert.strictEqual(changed?.version, version);
    assert.ok(changed.html.includes('（二）新增事项。'));
  });

  it('answers minutes/exportDocument with a .docx package', async () => {
    const result = await client.connection.sendRequest(exportDocumentRequest, { textDocument: { uri } });
    assert.ok(result);
    assert.strictEqual(Buffer.from(result.data, 'base64').subarray(0, 2).toString(), 'PK');
  });

  it('answers null for a document it cannot read', async () => {
    const missing = { textDocument: { uri: 'file:///preview/missing.minutes' } };
    assert.strictEqual(await client.connection.sendRequest(previewRequest, missing), null);
    assert.strictEqual(await client.connection.sendRequest(exportDocumentRequest, missing), null);
  });
});
