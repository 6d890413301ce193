// FetchOptions.headers may be a Headers object, an array of pairs or a plain record; the client uses
// a record. These helpers read and write a header whatever the shape.
import type { FetchOptions } from '@microsoft/microsoft-graph-client';

export function getHeader(options: FetchOptions | undefined, name: string): string | undefined {
  const h = options?.headers;
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const lower = name.toLowerCase();
  if (Array.isArray(h)) return h.find(([k]) => k.toLowerCase() === lower)?.[1];
  for (const [k, v] of Object.entries(h)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function setHeader(options: FetchOptions, name: string, value: string): void {
  const h = options.headers;
  if (h instanceof Headers) {
    h.set(name, value);
    return;
  }
  if (Array.isArray(h)) {
    const lower = name.toLowerCase();
    const rest = h.filter(([k]) => k.toLowerCase() !== lower);
    options.headers = [...rest, [name, value]];
    return;
  }
  const record: Record<string, string> = { ...(h ?? {}) };
  for (const k of Object.keys(record)) if (k.toLowerCase() === name.toLowerCase()) delete record[k];
  record[name] = value;
  options.headers = record;
}

export function requestUrl(request: RequestInfo): string {
  return typeof request === 'string' ? request : request.url;
}

export function requestMethod(options: FetchOptions | undefined): string {
  return (options?.method ?? 'GET').toUpperCase();
}
