import { decodeProblem, decodeText } from '../core/decode';

/**
 * The file access the language server needs, by URI. The Node implementation is in `nodeFileSystem.ts`; the
 * server itself (`minutesServer.ts`) uses only this interface, so it can run where there is no Node.
 */

export type FileKind = 'file' | 'directory' | 'other';

export interface DirectoryEntry {
  name: string;
  /** Symbolic links are followed; a link that leads nowhere is `other`. */
  kind: FileKind;
}

export interface FileStat {
  kind: FileKind;
  /** Size in bytes. */
  size: number;
}

export interface FileSystem {
  /** Null when nothing is there. Other failures reject. */
  stat(uri: string): Promise<FileStat | null>;
  /** The file's bytes. */
  readFile(uri: string): Promise<Uint8Array>;
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
  /** A key that is the same for every URI reaching the same directory (symbolic links resolved). */
  realPath(uri: string): Promise<string>;
}

/**
 * A file's text, decoded as the `minutes` command decodes it (UTF-8 or UTF-16 by byte order mark, UTF-8,
 * GB18030); rejects with the reason when the file is binary or in no encoding the decoder reads.
 */
export async function readText(fs: FileSystem, uri: string): Promise<string> {
  const decoded = decodeText(await fs.readFile(uri));
  if ('text' in decoded) return decoded.text;
  throw new Error(decodeProblem(decoded.error, 'en'));
}
