/** The results of a run: rows of figures, each with its target when it has one, and the printed table. */

export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface Row {
  /** The benchmark the figure belongs to, e.g. `1. Throughput vs markdownlint`. */
  group: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  note?: string;
}

export function met(row: Row): boolean | null {
  if (!row.target) return null;
  return row.target.op === '<=' ? row.value <= row.target.value : row.value >= row.target.value;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** The rows as a plain-text table, grouped, with MET / NOT MET against each target. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => {
    const verdict = met(row);
    return {
      group: row.group,
      cols: [
        row.name,
        `${format(row.value)} ${row.unit}`,
        row.target ? `${row.target.op === '<=' ? '≤' : '≥'} ${format(row.target.value)} ${row.unit}` : '',
        verdict === null ? '' : verdict ? 'MET' : 'NOT MET',
        row.note ?? '',
      ],
    };
  });
  const header = ['Measure', 'Value', 'Target', 'Result', 'Note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c.cols[i].length)));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let group = '';
  for (const cell of cells) {
    if (cell.group !== group) {
      group = cell.group;
      out.push('', group);
    }
    out.push(line(cell.cols));
  }
  return out.join('\n');
}
