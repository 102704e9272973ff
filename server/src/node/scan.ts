/** Finds the minutes documents under a workspace folder. */
import type { FileSystem } from './fileSystem';
import { isMinutesFileName, isUnderPath, joinUri } from './uri';

const skippedDirectories = new Set(['node_modules', '.git']);

/**
 * Every `*.minutes` and `*.minutes.md` file under `folder`, depth first. Skips `node_modules` and `.git`,
 * directories already visited through a symbolic link, symbolic links that lead out of the folder (a link
 * `root -> /` must not index the machine), and unreadable directories, logging each skip. Stops early when
 * `cancelled()` turns true.
 */
export async function findMinutesFiles(
  fs: FileSystem,
  folder: string,
  log: (line: string) => void,
  cancelled: () => boolean,
): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  const pending = [folder];
  let root: string | undefined;
  while (pending.length > 0 && !cancelled()) {
    const dir = pending.pop() as string;
    let entries;
    try {
      const real = await fs.realPath(dir);
      root ??= real;
      if (!isUnderPath(real, root)) {
        log(`Skipped ${dir}: a link out of the workspace folder.`);
        continue;
      }
      if (visited.has(real)) {
        log(`Skipped ${dir}: already visited (symbolic link loop).`);
        continue;
      }
      visited.add(real);
      entries = await fs.readDirectory(dir);
    } catch (error) {
      log(`Skipped ${dir}: ${(error as Error).message}`);
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? 1 : -1))) {
      const uri = joinUri(dir, entry.name);
      if (entry.kind === 'directory') {
        if (skippedDirectories.has(entry.name)) log(`Skipped ${uri}: ${entry.name} is not searched.`);
        else pending.push(uri);
      } else if (isMinutesFileName(entry.name)) {
        if (entry.kind === 'file') found.push(uri);
        else log(`Skipped ${uri}: not a readable file.`);
      }
    }
  }
  return found;
}
