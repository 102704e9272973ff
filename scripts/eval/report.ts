/** The eval's printed report: the per-document table, the totals, the verbose listing, the baseline diff. */
import {
  FIGURES,
  ratio,
  type Baseline,
  type DocumentScore,
  type Figure,
  type Figures,
  type Ratio,
  type Totals,
} from './score';

const COLUMNS: { figure: Figure; title: string }[] = [
  { figure: 'recall', title: 'found' },
  { figure: 'oneToOne', title: '1:1' },
  { figure: 'owner', title: 'owner' },
  { figure: 'deadline', title: 'deadline' },
  { figure: 'date', title: 'date' },
  { figure: 'precision', title: 'precision' },
];

function fraction(r: Ratio): string {
  const value = ratio(r);
  return `${r.n}/${r.d} ${value === null ? '  —' : value.toFixed(2)}`;
}

function mark(r: Ratio): string {
  if (r.d === 0) return '—';
  return r.n === r.d ? '✓' : '✗';
}

/** Aligned columns (the first left, the others right), one string per row. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
  );
}

function figureCells(f: Figures): string[] {
  return [String(f.recall.d), ...COLUMNS.map((c) => fraction(f[c.figure]))];
}

/** One row per document, then the totals over all documents, the Chinese and the English ones. */
export function formatTable(scores: DocumentScore[], t: Totals): string {
  const header = ['document', 'labels', ...COLUMNS.map((c) => c.title), 'meeting date', 'chair'];
  const rows = scores.map((s) => [
    s.file.replace(/\.txt$/, ''),
    ...figureCells(s.figures),
    mark(s.figures.meetingDate),
    mark(s.figures.chair),
  ]);
  const totalRows = (['all', 'zh', 'en'] as const).map((scope) => [
    `total ${scope}`,
    ...figureCells(t[scope]),
    fraction(t[scope].meetingDate),
    fraction(t[scope].chair),
  ]);
  const lines = table([header, ...rows, ...totalRows]);
  const rule = '-'.repeat(lines[0].length);
  return [lines[0], rule, ...lines.slice(1, -3), rule, ...lines.slice(-3)].join('\n');
}

/** Per document: the labels left out because their quote or header date could not be used. */
export function formatLabelErrors(scores: DocumentScore[]): string {
  return scores.flatMap((s) => s.labelErrors.map((e) => `label error: ${s.file}: ${e}`)).join('\n');
}

/** Per document: missed labels, spurious items and owner/deadline/date mismatches. */
export function formatVerbose(scores: DocumentScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    const lines = [
      ...s.misses.map(
        (m) => `  missed  L${m.line} [${m.kind}] "${m.quote}" — owner ${m.owner}, deadline ${m.deadline}`,
      ),
      ...s.spurious.map((p) => `  spurious L${p.line} "${p.text}"`),
      ...s.mismatches.map(
        (m) =>
          `  ${m.figure.padEnd(8)} L${m.line} "${m.quote}" — expected ${m.expected}, reported ${m.reported}`,
      ),
    ];
    if (lines.length > 0) out.push(s.file, ...lines, '');
  }
  return out.join('\n');
}

/** Every figure that changed between two baselines, as `all.recall 0.3800 → 0.4100`. */
export function formatBaselineDiff(before: Baseline | null, after: Baseline): string {
  const show = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(4));
  const lines: string[] = [];
  for (const scope of ['all', 'zh', 'en'] as const) {
    for (const f of FIGURES) {
      const was = before?.[scope]?.[f] ?? null;
      const now = after[scope][f];
      if (was !== now) lines.push(`${scope}.${f} ${show(was)} → ${show(now)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') : 'no figure changed';
}
