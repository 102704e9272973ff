/**
 * The workspace's own configuration: the units registry files (`minutes.units.paths`) and the config file
 * (`.minutesrc.json` or `.minutesrc.yaml` at a workspace folder's root). A registry that fails to parse keeps
 * its last good version; its errors are shown as diagnostics on the registry file.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { MinutesConfig, UnitsRegistry } from '../core/api';
import { parseConfigFile, parseUnitsRegistry, type ParseProblem } from '../core';
import { readText, type FileSystem } from './fileSystem';
import { formatSize } from './messages';
import { fileUriFromPath, isAbsolutePath, joinUri, uriBasename } from './uri';

export const configFileNames = ['.minutesrc.json', '.minutesrc.yaml'];

/**
 * Registry and config files larger than this are not read (a 30 MB registry took a minute and gigabytes to
 * parse); the file gets an error and the last good registry stays in use.
 */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

export interface WorkspaceConfigHost {
  fs: FileSystem;
  log(line: string): void;
  /** Shows (or, with an empty list, clears) a configuration file's problems. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
}

function errorDiagnostics(errors: ParseProblem[], severity: DiagnosticSeverity): Diagnostic[] {
  return errors.map((error) => {
    const line = Math.max(0, error.line);
    return {
      range: { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } },
      severity,
      source: 'minutes',
      message: error.message,
    };
  });
}

export class WorkspaceConfig {
  /** The last good registry of each registry file. */
  private readonly registries = new Map<string, UnitsRegistry>();
  /** URIs with problems shown, so they can be cleared. */
  private readonly published = new Set<string>();
  private registryUris: string[] = [];
  private configUri: string | null = null;
  config: MinutesConfig = {};

  constructor(private readonly host: WorkspaceConfigHost) {}

  /** Registry file URIs for the given folders and `minutes.units.paths`. */
  static registryUris(folders: readonly string[], paths: readonly string[]): string[] {
    const uris = paths.flatMap((path) =>
      isAbsolutePath(path) ? [fileUriFromPath(path)] : folders.map((folder) => joinUri(folder, path)),
    );
    return [...new Set(uris)];
  }

  /** The registry files in use, whether or not they exist. */
  get registryFiles(): readonly string[] {
    return this.registryUris;
  }

  /** The config file in use, if any. */
  get configFile(): string | null {
    return this.configUri;
  }

  /** True when a change to `uri` may change the configuration. */
  concerns(uri: string): boolean {
    return this.registryUris.includes(uri) || configFileNames.includes(uriBasename(uri));
  }

  /** The units of every registry file, merged. */
  get units(): UnitsRegistry | null {
    if (this.registries.size === 0) return null;
    return { units: this.registryUris.flatMap((uri) => this.registries.get(uri)?.units ?? []) };
  }

  /** Reads every registry file and the config file again. */
  async load(folders: readonly string[], unitsPaths: readonly string[]): Promise<void> {
    const shown = new Set<string>();
    this.registryUris = WorkspaceConfig.registryUris(folders, unitsPaths);
    for (const uri of [...this.registries.keys()]) {
      if (!this.registryUris.includes(uri)) this.registries.delete(uri);
    }
    for (const uri of this.registryUris) {
      const text = await this.read(uri, shown);
      if (text === null) {
        if (!shown.has(uri)) this.registries.delete(uri);
        continue;
      }
      const { registry, errors } = parseUnitsRegistry(text);
      if (registry) {
        this.registries.set(uri, registry);
      } else {
        const kept = this.registries.has(uri)
          ? 'keeping the last good version'
          : 'no units are known from it';
        this.host.log(`Units registry ${uri} could not be read (${errors.length} error(s)); ${kept}.`);
      }
      if (errors.length > 0) {
        for (const error of errors) this.host.log(`  ${uri}:${error.line + 1}: ${error.message}`);
        this.show(
          uri,
          errorDiagnostics(errors, registry ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error),
        );
        shown.add(uri);
      }
    }
    this.config = {};
    this.configUri = null;
    for (const uri of folders.flatMap((folder) => configFileNames.map((name) => joinUri(folder, name)))) {
      const text = await this.read(uri, shown);
      if (text === null) continue;
      const { config, errors } = parseConfigFile(text);
      this.config = config;
      this.configUri = uri;
      if (errors.length > 0) {
        this.host.log(`Config file ${uri} has ${errors.length} error(s); the rest of it applies.`);
        this.show(uri, errorDiagnostics(errors, DiagnosticSeverity.Error));
        shown.add(uri);
      }
      break;
    }
    for (const uri of [...this.published]) {
      if (!shown.has(uri)) this.show(uri, []);
    }
  }

  private show(uri: string, diagnostics: Diagnostic[]): void {
    this.host.publish(uri, diagnostics);
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
  }

  /** A configuration file's text; null when it is not there or cannot be read (too large: said on the file). */
  private async read(uri: string, shown: Set<string>): Promise<string | null> {
    try {
      const stat = await this.host.fs.stat(uri);
      if (!stat || stat.kind !== 'file') return null;
      if (stat.size > MAX_CONFIG_FILE_BYTES) {
        const message = `This file is ${formatSize(stat.size)}, larger than ${formatSize(MAX_CONFIG_FILE_BYTES)}: it is not read.`;
        this.host.log(`${uri}: ${message}`);
        this.show(uri, errorDiagnostics([{ line: 0, message }], DiagnosticSeverity.Error));
        shown.add(uri);
        return null;
      }
      return await readText(this.host.fs, uri);
    } catch (error) {
      this.host.log(`Could not read ${uri}: ${(error as Error).message}`);
      return null;
    }
  }
}
