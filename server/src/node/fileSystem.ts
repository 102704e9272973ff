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
  /** The file's text, decoded as UTF-8. */
  readText(uri: string): Promise<string>;
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
  /** A key that is the same for every URI reaching the same directory (symbolic links resolved). */
  realPath(uri: string): Promise<string>;
}
