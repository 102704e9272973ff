/** The custom requests behind the ledger view and its export: the ledger, and the ledger as a file. */
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import {
  buildLedger,
  formatLedgerCsv,
  formatLedgerIcs,
  formatLedgerJson,
  formatLedgerMarkdown,
  ledgerLanguage,
  type Ledger,
} from '../../core';
import {
  ledgerExportRequest,
  ledgerRequest,
  type LedgerExportFormat,
  type LedgerExportResult,
  type LedgerResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { guarded, stringParam, throwIfCancelled } from '../handlers';

const FORMATS: readonly LedgerExportFormat[] = ['xlsx', 'csv', 'json', 'markdown', 'ics'];

/** The workspace's ledger (open documents as edited) and the URI of each file it names. */
async function workspaceLedger(
  ctx: ServerContext,
  token: CancellationToken,
): Promise<{ ledger: Ledger; uris: Map<string, string> }> {
  await ctx.whenIndexed();
  throwIfCancelled(token);
  const uris = new Map<string, string>();
  for (const [uri, entry] of ctx.index) uris.set(entry.ledger.file, uri);
  return { ledger: buildLedger(ctx.index.ledgerDocuments(), ctx.today()), uris };
}

export function registerLedger(ctx: ServerContext): void {
  ctx.connection.onRequest(
    ledgerRequest,
    guarded(
      ctx.log,
      'minutes/ledger',
      { today: '', language: 'en', rows: [], units: [], dangling: [] } as LedgerResult,
      async (_params, token) => {
        const { ledger, uris } = await workspaceLedger(ctx, token);
        const uri = (file: string): string => uris.get(file) ?? file;
        return {
          today: ctx.today(),
          language: ledgerLanguage(ledger),
          rows: ledger.rows.map((row) => ({ ...row, uri: uri(row.file) })),
          units: ledger.units,
          dangling: ledger.dangling.map((d) => ({
            uri: uri(d.file),
            file: d.file,
            range: d.ref.range,
            text: d.ref.id ?? d.ref.quote ?? '',
            suggestions: d.suggestions,
          })),
        };
      },
    ),
  );

  ctx.connection.onRequest(
    ledgerExportRequest,
    guarded(ctx.log, 'minutes/ledgerExport', { count: 0 } as LedgerExportResult, async (params, token) => {
      const format = stringParam(params, 'format') as LedgerExportFormat;
      if (!FORMATS.includes(format)) {
        throw new ResponseError(ErrorCodes.InvalidParams, `format must be one of ${FORMATS.join(', ')}`);
      }
      const { ledger } = await workspaceLedger(ctx, token);
      const today = ctx.today();
      const count = ledger.rows.length;
      if (format === 'xlsx') {
        // Loaded on first use: the workbook writer is most of the server's bundle.
        const { ledgerWorkbook } = await import('../../cli/xlsx');
        return { base64: Buffer.from(await ledgerWorkbook(ledger)).toString('base64'), count };
      }
      const text =
        format === 'csv'
          ? formatLedgerCsv(ledger)
          : format === 'json'
            ? formatLedgerJson(ledger, today)
            : format === 'ics'
              ? formatLedgerIcs(ledger, today)
              : formatLedgerMarkdown(ledger, today);
      return { text, count };
    }),
  );
}
