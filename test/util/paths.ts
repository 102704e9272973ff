import * as path from 'path';

/** The repository root, whether tests run from `out/test/…` (compiled) or from sources. */
export const repoRoot = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..',
);

export function repoPath(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}
