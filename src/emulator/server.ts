// The demo tenant over real HTTP: node:http on 127.0.0.1, /v1.0 and /beta, Graph's headers and error
// bodies, injectable faults. Loopback only — it accepts unsigned tokens.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleBatch } from './batch.js';
import { handleControl } from './control.js';
import { EmulatorCore, type RequestLogEntry } from './core.js';
import type { FaultOptions } from './faults.js';
import { graphError } from './graph-error.js';
import type { EmulatorRequest, EmulatorResponse } from './route-types.js';
import { generateTenant } from './tenant-generator.js';
import type { GeneratedTenant } from './tenant-types.js';
import type { DecodedToken } from './tokens.js';

export type { RequestLogEntry } from './core.js';
export type { FaultOptions } from './faults.js';

export interface EmulatorOptions {
  /** 0 (default) = a random free port */
  port?: number;
  /** default generateTenant({ users: 200, seed: 1 }) */
  tenant?: GeneratedTenant;
  faults?: FaultOptions;
  /** token -> claims; default decodes tokens minted by mintToken() (undefined = 401) */
  decodeToken?: (token: string) => DecodedToken | undefined;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/v1.0' */
  graphBase: string;
  close(): Promise<void>;
  requestLog: RequestLogEntry[];
  tenant: GeneratedTenant;
  setFaults(f: FaultOptions): void;
}

const VERSIONS = new Set(['v1.0', 'beta']);
const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: ServerResponse, r: EmulatorResponse): void {
  const headers: Record<string, string> = { ...r.headers, date: new Date().toUTCString() };
  if (r.body === undefined) {
    res.writeHead(r.status, headers);
    res.end();
    return;
  }
  const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  headers['content-type'] ??= 'application/json';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(r.status, headers);
  res.end(text);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const tenant = opts.tenant ?? generateTenant({ users: 200, seed: 1 });
  const core = new EmulatorCore(tenant, opts.decodeToken);
  core.setFaults(opts.faults ?? {});

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      // an emulator bug must still produce an answer, never a hung client
      if (res.headersSent) res.destroy();
      else
        send(
          res,
          graphError(
            500,
            'InternalServerError',
            `Emulator error: ${e instanceof Error ? e.message : String(e)}`,
            { requestId: randomUUID(), clientRequestId: '' },
          ),
        );
    });
  });

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const headers = headerMap(req);
    const clientRequestId = headers['client-request-id'] ?? requestId;
    const ids = { requestId, clientRequestId };
    const host = headers.host ?? '127.0.0.1';
    const url = new URL(req.url ?? '/', `http://${host}`);
    const [, version = '', ...rest] = url.pathname.split('/');
    const method = (req.method ?? 'GET').toUpperCase();
    const faults = core.currentFaults;
    let rawBody = '';
    try {
      rawBody = await readBody(req);
    } catch {
      send(res, {
        ...graphError(413, 'Request_BadRequest', 'The request body is too large.', ids),
        headers: { 'request-id': requestId },
      });
      return;
    }
    let body: unknown;
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        send(
          res,
          graphError(
            400,
            'BadRequest',
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
            ids,
            { 'request-id': requestId },
          ),
        );
        return;
      }
    }
    if (version === '_emulator') {
      const out = handleControl(core, method, `/${rest.join('/')}`, body);
      out.headers['request-id'] = requestId;
      send(res, out);
      return;
    }
    if (!VERSIONS.has(version)) {
      send(
        res,
        graphError(400, 'BadRequest', `Invalid version: ${version || '(none)'}`, ids, {
          'request-id': requestId,
        }),
      );
      return;
    }
    const path = `/${rest.map((s) => decodeURIComponent(s)).join('/')}`;
    const drop = faults.dropConnectionOn?.({ method, path: `/${version}${path}`, body });
    const dropWhen = drop === true ? 'before' : drop || undefined;
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (dropWhen === 'before') {
      req.socket.destroy();
      return;
    }
    const er: EmulatorRequest = {
      method,
      version,
      path,
      query: url.searchParams,
      headers,
      body,
      base: `http://${host}/${version}`,
      requestId,
      clientRequestId,
      inner: false,
    };
    let out = core.gatewayFault(er);
    if (out) {
      out.headers['request-id'] = requestId;
      out.headers['client-request-id'] = clientRequestId;
      core.log(er, out.status);
    } else if (path === '/$batch' && method === 'POST') {
      const auth = core.authenticate(er);
      out = auth && 'status' in auth ? auth : handleBatch(core, er);
      out.headers['request-id'] = requestId;
      out.headers['client-request-id'] = clientRequestId;
      core.log(er, out.status);
    } else {
      out = core.handle(er);
    }
    if (dropWhen === 'after') {
      // the write was applied; the client never hears about it
      req.socket.destroy();
      return;
    }
    send(res, out);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    graphBase: `${url}/v1.0`,
    requestLog: core.requestLog,
    tenant,
    setFaults: (f) => core.setFaults(f),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
