/** The formal document: the preview's page (HTML) and the Word export, both laid out by the core. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { buildLayout, renderHtml, type PreviewProblem, type ProblemSeverity } from '../../core/layout';
import { exportDocumentRequest, previewRequest } from '../../protocol';
import type { ServerContext } from '../context';
import { documentUri, guarded } from '../handlers';

const SEVERITIES: Record<DiagnosticSeverity, ProblemSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function problems(diagnostics: Diagnostic[]): PreviewProblem[] {
  return diagnostics.map((d) => ({
    line: d.range.start.line,
    severity: SEVERITIES[d.severity ?? DiagnosticSeverity.Error],
    message: d.message,
  }));
}

export function registerPreview(ctx: ServerContext): void {
  ctx.connection.onRequest(
    previewRequest,
    guarded(ctx.log, 'minutes/preview', null, async (params) => {
      const uri = documentUri(params);
      const open = ctx.documents.get(uri);
      const doc = await ctx.loadModel(uri);
      if (!doc) return null;
      const layout = buildLayout(doc);
      return {
        version: open?.version ?? null,
        html: renderHtml(layout, problems(ctx.openDiagnostics(uri) ?? [])),
      };
    }),
  );

  ctx.connection.onRequest(
    exportDocumentRequest,
    guarded(ctx.log, 'minutes/exportDocument', null, async (params) => {
      const doc = await ctx.loadModel(documentUri(params));
      if (!doc) return null;
      const { renderDocx } = await import('../../core/layout/docx');
      return { data: Buffer.from(await renderDocx(buildLayout(doc))).toString('base64') };
    }),
  );
}
