// The I/O behind the Preparations sections (probe files, CSV files, backup and restore, the Graph
// checks), built from the wizard's dependencies. Panels call these and never touch fs or the network;
// every failure comes back as an Error whose message is one line for the admin.
import { execFile } from 'node:child_process';
import { readFile as fsReadFile, writeFile as fsWriteFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { Inventory, InventoryRow, InventoryTable } from '../../state/model.js';
import { type BackupRecord, backupDataFolder, DATA_FILE, timeStamp } from '../backup/backup.js';
import { sha256File } from '../backup/hash-copy.js';
import { type RestoreRecord, restoreDataFile } from '../backup/restore.js';
import {
  checkMethodsPolicy,
  type MethodsPolicyCheck,
  type MethodsPolicyOptions,
} from '../checks/methods-policy-check.js';
import {
  checkUtilityApp,
  type UtilityAppCheck,
  type UtilityAppCheckOptions,
} from '../checks/utility-app-check.js';
import type { GraphClient } from '../graph/client.js';
import { exportInventoryCsv, type InventoryImport, importInventoryCsv } from '../inventory/inventory-csv.js';
import { PHONEFACTOR_KEY, type ServerHost } from '../platform/server-host.js';
import { decodeProbeFile, type ProbeParse, parseProbe } from '../probe/probe-schema.js';
import { probeScript } from '../probe/probe-script.js';

export { PROBE_SCRIPT_DEFAULT } from '../probe/probe-script.js';

export interface BackupProgress {
  done: number;
  total: number;
}

export interface PrepServices {
  /** true on the MFA Server itself (Windows): the wizard can read the service and copy the Data folder */
  readonly onServer: boolean;
  /** the usual Data folder on this machine, or null when it must be asked */
  readonly defaultDataFolder: string | null;
  /** the name of this machine, for local backups */
  readonly machine: string;
  now(): Date;
  /** absolute path the admin's input means (relative to where the wizard was started) */
  resolvePath(path: string): string;
  saveProbeScript(path: string): Promise<string>;
  /** the command to run the saved script on a server, printing JSON to a file */
  probeRunLine(savedPath: string): string;
  readProbe(path: string): Promise<ProbeParse>;
  /** true on Windows: the probe can run on this machine (it only reads) */
  readonly canProbeHere: boolean;
  /** run the probe script here and parse what it printed */
  probeHere(): Promise<ProbeParse>;
  readInventoryCsv<T extends InventoryTable>(table: T, path: string): Promise<InventoryImport<T>>;
  writeInventoryCsv<T extends InventoryTable>(
    table: T,
    rows: InventoryRow<T>[],
    path: string,
  ): Promise<string>;
  /** null when offline (no Graph connection) */
  checkMethodsPolicy(
    inventory: Inventory,
    options?: MethodsPolicyOptions,
  ): Promise<MethodsPolicyCheck> | null;
  checkUtilityApp(options: UtilityAppCheckOptions): Promise<UtilityAppCheck> | null;
  /** StsUrl / GraphUrl from this machine's registry; null where the wizard cannot read it (jump host) */
  readUtilityRegistry(): Promise<{ stsUrl: string | null; graphUrl: string | null }> | null;
  /** SHA-256 of PhoneFactor.pfdata in a Data folder, now (read-only, streamed) */
  hashDataFile(dataFolder: string): Promise<string>;
  runBackup(
    source: string,
    destination: string,
    opts: { onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ): Promise<BackupRecord>;
  restore(opts: {
    backup: BackupRecord;
    dataFolder: string;
    adminConfirmedServiceStopped: boolean;
  }): Promise<RestoreRecord>;
}

export interface PrepServicesDeps {
  graph: () => GraphClient | undefined;
  host: ServerHost;
  now: () => Date;
  /** where relative paths start (the wizard's working directory) */
  cwd: string;
  /** process.platform of the machine the wizard runs on */
  platform: NodeJS.Platform;
  /** %ProgramFiles% on Windows */
  programFiles?: string;
  machine: string;
  readFile?: (path: string) => Promise<Buffer>;
  writeFile?: (path: string, text: string) => Promise<void>;
  /**
   * runs a PowerShell script text and returns its stdout; on Windows it defaults to powershell.exe,
   * elsewhere it is absent (the probe cannot run here)
   */
  runPowerShell?: (script: string) => Promise<string>;
}

/**
 * powershell.exe running the script as a script block passed in -EncodedCommand: nothing is written
 * to disk (the probe only reads) and the script's param() block stays valid.
 */
function windowsPowerShell(script: string): Promise<string> {
  const encoded = Buffer.from(`& {\n${script}\n}`, 'utf16le').toString('base64');
  return new Promise((resolvePromise, reject) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded],
      { maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const first = (
            String(stderr)
              .split(/\r?\n/)
              .find((l) => l.trim() !== '') ?? error.message
          ).trim();
          reject(
            new Error(`The probe failed on this machine: ${first}. Run the wizard as an administrator.`),
          );
        } else resolvePromise(String(stdout));
      },
    );
  });
}

/** One line from a failed read or write: what, and the system's code. */
function ioMessage(action: string, path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  if (code === 'EEXIST')
    return new Error(`${path} already exists and was left as it is. Choose another name.`);
  return new Error(`Cannot ${action} ${path} (${code}). Check the path and permissions.`);
}

export function defaultDataFolderFor(platform: NodeJS.Platform, programFiles?: string): string | null {
  if (platform !== 'win32') return null;
  return `${programFiles ?? 'C:\\Program Files'}\\Multi-Factor Authentication Server\\Data`;
}

export function createPrepServices(deps: PrepServicesDeps): PrepServices {
  const readFile = deps.readFile ?? ((p: string) => fsReadFile(p));
  // 'wx': a typed path never replaces an existing file (a typo could name the state or a data file)
  const writeFile =
    deps.writeFile ?? ((p: string, t: string) => fsWriteFile(p, t, { encoding: 'utf8', flag: 'wx' }));
  const runPowerShell = deps.runPowerShell ?? (deps.platform === 'win32' ? windowsPowerShell : undefined);
  const resolvePath = (p: string) => (isAbsolute(p.trim()) ? p.trim() : resolve(deps.cwd, p.trim()));
  const read = async (path: string, what: string) => {
    try {
      return await readFile(resolvePath(path));
    } catch (e) {
      throw ioMessage(`read ${what}`, resolvePath(path), e);
    }
  };
  const write = async (path: string, text: string, what: string) => {
    const full = resolvePath(path);
    try {
      await writeFile(full, text);
    } catch (e) {
      throw ioMessage(`write ${what}`, full, e);
    }
    return full;
  };
  return {
    onServer: deps.host.canInspect,
    defaultDataFolder: defaultDataFolderFor(deps.platform, deps.programFiles),
    machine: deps.machine,
    now: deps.now,
    resolvePath,
    saveProbeScript: (path) => write(path, probeScript(), 'the probe script'),
    probeRunLine: (saved) => {
      const name = saved.split(/[\\/]/).pop() ?? saved;
      return `powershell -NoProfile -ExecutionPolicy Bypass -File .\\${name} > probe-%COMPUTERNAME%.json`;
    },
    readProbe: async (path) => parseProbe(decodeProbeFile(await read(path, 'the probe output'))),
    canProbeHere: runPowerShell !== undefined,
    probeHere: async () => {
      if (!runPowerShell) {
        return {
          ok: false,
          message: 'The probe runs on Windows only: run it on the MFA Server and import its output.',
        };
      }
      return parseProbe(await runPowerShell(probeScript()));
    },
    readInventoryCsv: async (table, path) => {
      const text = (await read(path, 'the CSV file')).toString('utf8');
      return importInventoryCsv(
        table,
        text,
        (line) => `${table}-${deps.now().getTime().toString(36)}-${line}`,
      );
    },
    writeInventoryCsv: (table, rows, path) => write(path, exportInventoryCsv(table, rows), 'the CSV file'),
    checkMethodsPolicy: (inventory, options) => {
      const graph = deps.graph();
      return graph ? checkMethodsPolicy(graph, inventory, options) : null;
    },
    checkUtilityApp: (options) => {
      const graph = deps.graph();
      return graph ? checkUtilityApp(graph, options) : null;
    },
    readUtilityRegistry: () => {
      if (!deps.host.canInspect) return null;
      const text = (v: string | number | null) => (v === null ? null : String(v));
      return Promise.all([
        deps.host.registryValue(PHONEFACTOR_KEY, 'StsUrl'),
        deps.host.registryValue(PHONEFACTOR_KEY, 'GraphUrl'),
      ]).then(([sts, graph]) => ({ stsUrl: text(sts), graphUrl: text(graph) }));
    },
    hashDataFile: async (folder) => {
      const path = join(resolvePath(folder), DATA_FILE);
      try {
        return await sha256File(path);
      } catch (e) {
        throw ioMessage('read', path, e);
      }
    },
    runBackup: async (source, destination, opts) => {
      const now = deps.now();
      const root = resolvePath(destination);
      try {
        return await backupDataFolder({
          source: resolvePath(source),
          destinationRoot: root,
          now,
          onProgress: (done, total) => opts.onProgress?.({ done, total }),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      } catch (e) {
        if (opts.signal?.aborted) {
          const partial = join(root, `mfa-server-data-${timeStamp(now)}`);
          throw new Error(
            `Cancelled: the copy in ${partial} is incomplete and was not recorded. Delete it and back up again.`,
          );
        }
        throw e;
      }
    },
    restore: (opts) =>
      restoreDataFile({
        backup: opts.backup,
        dataFolder: resolvePath(opts.dataFolder),
        host: deps.host,
        adminConfirmedServiceStopped: opts.adminConfirmedServiceStopped,
        now: deps.now(),
      }),
  };
}
