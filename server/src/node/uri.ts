/**
 * URI helpers that need no Node. File URIs are written as VS Code writes them (every character but
 * `A–Z a–z 0–9 - . _ ~ /` percent-encoded), so URIs built here match the ones the client sends.
 */

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `dir` joined with a relative path (`/`-separated; `\` also accepted). */
export function joinUri(dir: string, relative: string): string {
  const parts = relative.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  return [dir.replace(/\/+$/, ''), ...parts.map(encodeSegment)].join('/');
}

/** A file URI for an absolute file system path (POSIX or Windows). */
export function fileUriFromPath(path: string): string {
  let p = path.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):/.exec(p);
  if (drive) p = `/${drive[1].toLowerCase()}:${p.slice(2)}`;
  return `file://${p.split('/').map(encodeSegment).join('/')}`;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path part of a URI, decoded. */
export function uriPath(uri: string): string {
  const match = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?(.*)$/i.exec(uri);
  return decode(match ? match[1] : uri);
}

/** The last segment of a URI's path, decoded. */
export function uriBasename(uri: string): string {
  const path = uriPath(uri).replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `uri` is `folder` or inside it. */
export function isUnder(uri: string, folder: string): boolean {
  const base = folder.replace(/\/+$/, '');
  return uri === base || uri.startsWith(`${base}/`);
}

/** True when the real file system path `real` is `root` or lies under it (either separator). */
export function isUnderPath(real: string, root: string): boolean {
  const slashes = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  return isUnder(slashes(real), slashes(root));
}

/**
 * How a document is named to the user: its path relative to the workspace folder holding it, else its
 * decoded path (or, for an untitled document, its name).
 */
export function displayPath(uri: string, folders: readonly string[]): string {
  for (const folder of folders) {
    const base = folder.replace(/\/+$/, '');
    if (uri.startsWith(`${base}/`)) return decode(uri.slice(base.length + 1));
  }
  return uri.startsWith('file:') ? uriPath(uri) : uriBasename(uri) || uri;
}

/** Whether a file name is a minutes document the workspace index reads. */
export function isMinutesFileName(name: string): boolean {
  return name.endsWith('.minutes') || name.endsWith('.minutes.md');
}
