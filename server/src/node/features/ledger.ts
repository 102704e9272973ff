/** The custom requests behind the ledger view and its export: the ledger, and the ledger as a file. */
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import {
  buildLedger,
  filterLedger,
  formatLedgerCsv,
  formatLedgerIcs,
  formatLedgerJson,
  formatLedgerMarkdown,
  ledgerLanguage,
  ledgerOptions,
  NO_FILTER,
  STATUS_NAMES,
  type Ledger,
  type LedgerFilter,
} from '../../core';
import {
  ledgerExportRequest,
  ledgerRequest,
  type LedgerExportFormat,
  type LedgerExportResult,
  type LedgerParams,
  type LedgerResult,
} from '../../protocol';
import type { ServerContext } from '../context';
import { countParam, guarded, stringParam, throwIfCancelled } from '../handlers';

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

const invalid = (message: string): ResponseError<void> =>
  new ResponseError(ErrorCodes.InvalidParams, message);

/** `params.filter` over `NO_FILTER`, or an InvalidParams error. */
function ledgerFilter(params: LedgerParams): LedgerFilter {
  const given: unknown = params.filter ?? {};
  if (typeof given !== 'object' || given === null) throw invalid('filter must be an object');
  const filter = { ...NO_FILTER };
  for (const key of Object.keys(NO_FILTER) as (keyof LedgerFilter)[]) {
    const value = (given as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalid(`filter.${key} must be a string`);
    filter[key] = value as never;
  }
  const statuses: string[] = ['', 'overdue', ...Object.keys(STATUS_NAMES)];
  if (!statuses.includes(filter.status)) throw invalid(`filter.status must be one of ${statuses.join(', ')}`);
  return filter;
}

export function registerLedger(ctx: ServerContext): void {
  ctx.connection.onRequest(
    ledgerRequest,
    guarded(
      ctx.log,
      'minutes/ledger',
      {
        today: '',
        language: 'en',
        total: 0,
        matched: 0,
        rows: [],
        units: [],
        options: { units: [], meetings: [] },
        dangling: [],
      } as LedgerResult,
      async (params, token) => {
        const filter = ledgerFilter(params);
        const offset = params.offset === undefined ? 0 : countParam(params, 'offset');
        const limit = params.limit === undefined ? Infinity : countParam(params, 'limit');
        const { ledger, uris } = await workspaceLedger(ctx, token);
        const uri = (file: string): string => uris.get(file) ?? file;
        const kept = filterLedger(ledger.rows, filter);
        return {
          today: ctx.today(),
          language: ledgerLanguage(ledger),
          total: ledger.rows.length,
          matched: kept.rows.length,
          rows: kept.rows.slice(offset, offset + limit).map((row) => ({ ...row, uri: uri(row.file) })),
          units: kept.units,
          options: ledgerOptions(ledger.rows),
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
