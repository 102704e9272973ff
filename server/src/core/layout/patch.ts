/** Updating a shown page in place: the preview sends only the blocks that changed while the user types. */

/**
 * What the panel must change to go from the page `before` to `after` (both split into lines, one block a
 * line between the article's opening and closing lines): the whole page, or the blocks that differ.
 */
export function pagePatch(
  before: readonly string[],
  after: readonly string[],
): { type: 'update'; html: string } | { type: 'patch'; from: number; remove: number; html: string } {
  const whole = { type: 'update' as const, html: after.join('\n') };
  if (before.length < 2 || after.length < 2 || before[0] !== after[0]) return whole;
  let start = 1;
  while (start < before.length - 1 && start < after.length - 1 && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start - 1 &&
    end < after.length - start - 1 &&
    before[before.length - 2 - end] === after[after.length - 2 - end]
  )
    end++;
  return {
    type: 'patch',
    from: start - 1,
    remove: before.length - 1 - start - end,
    html: after.slice(start, after.length - 1 - end).join('\n'),
  };
}
