/**
 * The ledger view's filters and order, over the rows the server sends: by unit, status, period (deadline)
 * and meeting; overdue rows first; per-unit counts and completion rate of what is shown (the core's
 * `summarize`). No vscode here, so it is tested on its own.
 */
import { summarize, type UnitSummary } from '../../server/src/core/ledger/ledger';
import type { LedgerStatus } from '../../server/src/core/ledger/vocabulary';
import type { UriLedgerRow } from '../../server/src/protocol';

export interface LedgerFilter {
  /** A lead or supporting unit; '' for any. */
  unit: string;
  status: LedgerStatus | 'overdue' | '';
  /** ISO dates bounding the deadline, inclusive; '' for open-ended. */
  from: string;
  to: string;
  /** A meeting's file; '' for any. */
  meeting: string;
}

export const NO_FILTER: LedgerFilter = { unit: '', status: '', from: '', to: '', meeting: '' };

export interface LedgerOptions {
  units: string[];
  meetings: { file: string; label: string }[];
}

/** The choices the filters offer: every unit named and every meeting, in order. */
export function ledgerOptions(rows: readonly UriLedgerRow[]): LedgerOptions {
  const units = new Set<string>();
  const meetings = new Map<string, string>();
  for (const row of rows) {
    [...row.lead, ...row.support].forEach((u) => units.add(u));
    if (!meetings.has(row.file))
      meetings.set(row.file, [row.meetingDate, row.title ?? row.file].filter(Boolean).join(' '));
  }
  return {
    units: [...units].sort((a, b) => a.localeCompare(b)),
    meetings: [...meetings].map(([file, label]) => ({ file, label })),
  };
}

function matches(row: UriLedgerRow, f: LedgerFilter): boolean {
  if (f.unit && !row.lead.includes(f.unit) && !row.support.includes(f.unit)) return false;
  if (f.status === 'overdue' ? !row.overdue : f.status && row.status !== f.status) return false;
  if (f.meeting && row.file !== f.meeting) return false;
  const due = row.deadline?.date ?? null;
  if ((f.from || f.to) && !due) return false;
  if (due && f.from && due < f.from) return false;
  if (due && f.to && due > f.to) return false;
  return true;
}

/** The rows a filter keeps, overdue first, then by deadline (none last), then by id; and their per-unit summary. */
export function filterLedger(
  rows: readonly UriLedgerRow[],
  filter: LedgerFilter,
): { rows: UriLedgerRow[]; units: UnitSummary[] } {
  const kept = rows.filter((r) => matches(r, filter));
  kept.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999') ||
      a.id.localeCompare(b.id),
  );
  return { rows: kept, units: summarize(kept) };
}
