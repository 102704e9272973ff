/**
 * Edits to the units registry YAML (`units: [{ name, aliases, parent } | name]`, or the list at the top
 * level) that rename a unit, made as text edits so comments and layout stay as they are.
 */
import type { Range, TextEdit } from 'vscode-languageserver';
import { isMap, isScalar, isSeq, parseDocument, Scalar, stringify } from 'yaml';
import { LineIndex } from '../core/text';

interface Found {
  node: Scalar;
  /** `name`: the unit's own name (or a plain list entry); `alias`; `parent`: a reference to another unit. */
  role: 'name' | 'alias' | 'parent';
  /** Index of the unit's entry in the list. */
  entry: number;
}

/** Every scalar of the registry that names a unit, with what it is. */
function namingScalars(text: string): Found[] {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const root = doc.contents;
  const list = isMap(root) ? root.get('units', true) : root;
  if (!isSeq(list)) return [];
  const found: Found[] = [];
  list.items.forEach((item, entry) => {
    if (isScalar(item)) {
      found.push({ node: item, role: 'name', entry });
    } else if (isMap(item)) {
      const name = item.get('name', true);
      if (isScalar(name)) found.push({ node: name, role: 'name', entry });
      const aliases = item.get('aliases', true);
      const aliasNodes = isSeq(aliases) ? aliases.items : [aliases];
      for (const alias of aliasNodes) if (isScalar(alias)) found.push({ node: alias, role: 'alias', entry });
      const parent = item.get('parent', true);
      if (isScalar(parent)) found.push({ node: parent, role: 'parent', entry });
    }
  });
  return found.filter((f) => typeof f.node.value === 'string' && f.node.range);
}

function valueOf(node: Scalar): string {
  return String(node.value).trim();
}

/** The scalar written as YAML in the same quoting style as `node`. */
function scalarText(node: Scalar, value: string): string {
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function rangeOf(lines: LineIndex, node: Scalar): Range {
  const [start, end] = node.range as [number, number, number];
  return lines.range({ start, end });
}

/** Edits renaming `unit` to `newName` wherever the registry names it: as a name, an alias or a parent. */
export function renameInRegistry(text: string, unit: string, newName: string): TextEdit[] {
  const lines = new LineIndex(text);
  return namingScalars(text)
    .filter((f) => valueOf(f.node) === unit)
    .map((f) => ({ range: rangeOf(lines, f.node), newText: scalarText(f.node, newName) }));
}

/** Where the registry defines `unit` (its name), when `unit` is a unit's name or one of its aliases. */
export function registryDefinition(text: string, unit: string): Range | null {
  const lines = new LineIndex(text);
  const scalars = namingScalars(text);
  const match = scalars.find((f) => f.role !== 'parent' && valueOf(f.node) === unit);
  const name = match && scalars.find((f) => f.role === 'name' && f.entry === match.entry);
  return name ? rangeOf(lines, name.node) : null;
}
