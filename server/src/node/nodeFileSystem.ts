/** The `FileSystem` of the Node language server: file URIs only. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { DirectoryEntry, FileKind, FileStat, FileSystem } from './fileSystem';

function kindOf(stat: { isFile(): boolean; isDirectory(): boolean }): FileKind {
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
}

function toPath(uri: string): string {
  return fileURLToPath(uri);
}

export const nodeFileSystem: FileSystem = {
  async stat(uri: string): Promise<FileStat | null> {
    try {
      const stat = await fs.stat(toPath(uri));
      return { kind: kindOf(stat), size: stat.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },

  readFile(uri: string): Promise<Uint8Array> {
    return fs.readFile(toPath(uri));
  },

  async readDirectory(uri: string): Promise<DirectoryEntry[]> {
    const dir = toPath(uri);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return Promise.all(
      entries.map(async (entry): Promise<DirectoryEntry> => {
        if (!entry.isSymbolicLink()) return { name: entry.name, kind: kindOf(entry) };
        try {
          return { name: entry.name, kind: kindOf(await fs.stat(path.join(dir, entry.name))) };
        } catch {
          return { name: entry.name, kind: 'other' };
        }
      }),
    );
  },

  realPath(uri: string): Promise<string> {
    return fs.realpath(toPath(uri));
  },
};
