/** The units registry: parsed from YAML text, indexed by name and alias, with did-you-mean suggestions. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Unit, UnitsRegistry } from './api';

export interface ParseProblem {
  message: string;
  /** 0-based line in the parsed text. */
  line: number;
}

/**
 * Parses a units registry. Accepted shapes: `units: [{ name, aliases?, parent? } | "name"]`, or the list
 * itself at the top level. Never throws: bad input gives `registry: null` (not YAML, wrong shape) or the
 * units that could be read, with one problem per bad entry.
 */
export function parseUnitsRegistry(text: string): { registry: UnitsRegistry | null; errors: ParseProblem[] } {
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    return { registry: null, errors: [{ message: `not YAML: ${(e as Error).message}`, line: 0 }] };
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lc.linePos(range[0]).line - 1 : 0;
  };
  if (doc.errors.length > 0) {
    return {
      registry: null,
      errors: doc.errors.map((e) => ({
        message: e.message.split('\n')[0],
        line: lc.linePos(e.pos[0]).line - 1,
      })),
    };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('units', true) : root;
  if (!isSeq(list)) {
    return {
      registry: null,
      errors: [{ message: 'expected a list of units under `units:`', line: lineOf(root) }],
    };
  }
  const units: Unit[] = [];
  const errors: ParseProblem[] = [];
  const names = new Map<string, number>();
  for (const entry of list.items) {
    const line = lineOf(entry);
    let unit: Unit | null = null;
    if (isScalar(entry) && typeof entry.value === 'string') {
      unit = { name: entry.value.trim(), aliases: [], parent: null };
    } else if (isMap(entry)) {
      const name: unknown = entry.get('name');
      const aliases: unknown = entry.get('aliases', true);
      const parent: unknown = entry.get('parent');
      if (typeof name !== 'string' || name.trim() === '') {
        errors.push({ message: 'a unit needs a `name`', line });
        continue;
      }
      const aliasList = isSeq(aliases)
        ? aliases.items.map((a) => (isScalar(a) ? String(a.value) : ''))
        : typeof aliases === 'string'
          ? [aliases]
          : [];
      unit = {
        name: name.trim(),
        aliases: aliasList.map((a) => a.trim()).filter((a) => a.length > 0),
        parent: typeof parent === 'string' && parent.trim() !== '' ? parent.trim() : null,
      };
    } else {
      errors.push({ message: 'a unit is a name or a map with `name`, `aliases`, `parent`', line });
      continue;
    }
    if (names.has(unit.name)) {
      errors.push({
        message: `duplicate unit \`${unit.name}\` (first at line ${names.get(unit.name)! + 1})`,
        line,
      });
      continue;
    }
    names.set(unit.name, line);
    units.push(unit);
  }
  const byName = new Map(units.map((u) => [u.name, u]));
  for (const u of units) {
    if (u.parent && !byName.has(u.parent))
      errors.push({ message: `unknown parent \`${u.parent}\` of \`${u.name}\``, line: names.get(u.name)! });
    const seen = new Set<string>();
    for (let p: Unit | undefined = u; p?.parent; p = byName.get(p.parent)) {
      if (seen.has(p.name)) {
        errors.push({
          message: `\`${u.name}\` is its own ancestor (parent cycle)`,
          line: names.get(u.name)!,
        });
        u.parent = null;
        break;
      }
      seen.add(p.name);
    }
  }
  return { registry: { units }, errors };
}

/** The registry's keys (names and aliases) in order, and for each character the keys holding it. */
interface CharacterIndex {
  keys: string[];
  units: Unit[];
  holding: Map<number, number[]>;
  position: Map<string, number>;
}

/** Looks units up by canonical name or alias. */
export class UnitIndex {
  private readonly byKey = new Map<string, Unit>();
  private readonly extraNames: ReadonlySet<string>;
  /** Suggestions by name: the registry does not change for an index, and a name recurs across edits. */
  private readonly suggestions = new Map<string, string[]>();
  /** Built on the first suggestion and shared with `withExtra`'s copies, as `suggestions` is. */
  private readonly charIndex: { built?: CharacterIndex } = {};

  constructor(
    readonly registry: UnitsRegistry | null,
    /** Names the document itself declares (attendee lists); known, not in the registry. */
    readonly extra: readonly string[] = [],
  ) {
    this.extraNames = new Set(extra);
    for (const u of registry?.units ?? []) {
      this.byKey.set(u.name, u);
      for (const a of u.aliases) if (!this.byKey.has(a)) this.byKey.set(a, u);
    }
  }

  lookup(name: string): Unit | undefined {
    return this.byKey.get(name);
  }

  isKnown(name: string): boolean {
    return this.byKey.has(name) || this.extraNames.has(name);
  }

  /** The same registry, with the names a document declares (its attendees) known too. */
  withExtra(extra: readonly string[]): UnitIndex {
    const index = Object.create(UnitIndex.prototype) as UnitIndex;
    Object.assign(index, this, { extra, extraNames: new Set(extra) });
    return index;
  }

  /** Known names closest to `name`: containment, then edit distance ≤ 2 (≤ 1 for short names). Cached. */
  suggest(name: string, max = 3): string[] {
    const key = `${max}\u0000${name}`;
    let hit = this.suggestions.get(key);
    if (!hit) {
      hit = this.computeSuggestions(name, max);
      if (this.suggestions.size > 10_000) this.suggestions.clear();
      this.suggestions.set(key, hit);
    }
    return hit;
  }

  private get characters(): CharacterIndex {
    if (!this.charIndex.built) {
      const keys = [...this.byKey.keys()];
      const holding = new Map<number, number[]>();
      keys.forEach((key, k) => {
        for (let i = 0; i < key.length; i++) {
          const c = key.charCodeAt(i);
          const list = holding.get(c);
          if (!list) holding.set(c, [k]);
          else if (list[list.length - 1] !== k) list.push(k);
        }
      });
      const position = new Map(keys.map((key, k) => [key, k]));
      this.charIndex.built = { keys, units: [...this.byKey.values()], holding, position };
    }
    return this.charIndex.built;
  }

  private computeSuggestions(name: string, max: number): string[] {
    const { keys, units, holding, position } = this.characters;
    // A key within edit distance 2 of the name holds all but at most 2 of its distinct characters; a key
    // holding the name holds them all; a key the name holds is one of its substrings. Only those are scored.
    const distinct = new Set(Array.from(name, (_, i) => name.charCodeAt(i)));
    const need = distinct.size - 2;
    let candidates: Iterable<number> = keys.keys();
    if (need > 0) {
      const shared = new Map<number, number>();
      for (const c of distinct) for (const k of holding.get(c) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
      const chosen = new Set<number>();
      for (const [k, n] of shared) if (n >= need) chosen.add(k);
      for (let i = 0; i < name.length; i++)
        for (let j = i + 1; j <= name.length; j++) {
          const k = position.get(name.slice(i, j));
          if (k !== undefined) chosen.add(k);
        }
      // In the registry's order, as when every key is scored.
      candidates = [...chosen].sort((a, b) => a - b);
    }
    const scored: [number, string][] = [];
    for (const k of candidates) {
      const key = keys[k];
      let score: number;
      if (key.includes(name) || name.includes(key)) score = Math.abs(key.length - name.length) * 0.1;
      else {
        const limit = Math.min(name.length, key.length) <= 3 ? 1 : 2;
        const d = editDistance(name, key, limit);
        if (d > limit) continue;
        score = d;
      }
      scored.push([score, units[k].name]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    return [...new Set(scored.map(([, n]) => n))].slice(0, max);
  }
}

/** The two rows `editDistance` works in, grown as needed: no arrays made per comparison. */
let rows = [new Int32Array(32), new Int32Array(32)];

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}
