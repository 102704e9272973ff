/**
 * The ledger view's filters and order: by unit, status, period (deadline) and meeting; overdue rows first;
 * per-unit counts and completion rate of what is kept (`summarize`). The server answers the view a page of
 * what a filter keeps, so a workspace of many meetings never travels whole.
 */
import { summarize, type LedgerRow, type UnitSummary } from './ledger';
import type { LedgerStatus } from './vocabulary';

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
export function ledgerOptions(rows: readonly LedgerRow[]): LedgerOptions {
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

function matches(row: LedgerRow, f: LedgerFilter): boolean {
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
export function filterLedger<R extends LedgerRow>(
  rows: readonly R[],
  filter: LedgerFilter,
): { rows: R[]; units: UnitSummary[] } {
  const kept = rows.filter((r) => matches(r, filter));
  kept.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999') ||
      a.id.localeCompare(b.id),
  );
  return { rows: kept, units: summarize(kept) };
}
