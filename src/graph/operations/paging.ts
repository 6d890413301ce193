// Paging over @odata.nextLink, one page at a time, so a 50,000-member group never sits in memory.
import type { GraphClient, GraphVersion } from '../client.js';
import type { ErrorContext } from '../errors.js';
import type { OperationId } from '../permissions.js';

export interface CollectionPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export interface PageOptions {
  version?: GraphVersion;
  headers?: Record<string, string>;
  ctx?: Omit<ErrorContext, 'op' | 'host' | 'signIn'>;
  signal?: AbortSignal;
}

export async function* pages<T>(
  graph: GraphClient,
  op: OperationId,
  firstPath: string,
  opts: PageOptions = {},
): AsyncGenerator<T[], void, undefined> {
  let next: string | undefined = firstPath;
  let first = true;
  while (next !== undefined) {
    if (opts.signal?.aborted) return;
    const link: string = next;
    const page: CollectionPage<T> = await graph.run(
      op,
      () => {
        const req = first ? graph.api(link, opts.version) : graph.api(link);
        if (opts.headers) req.headers(opts.headers);
        return req.get() as Promise<CollectionPage<T>>;
      },
      opts.ctx,
    );
    first = false;
    yield page.value ?? [];
    next = page['@odata.nextLink'];
  }
}

/** Whole collection, for the small ones (domains, policies, applications). */
export async function all<T>(
  graph: GraphClient,
  op: OperationId,
  path: string,
  opts: PageOptions = {},
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages<T>(graph, op, path, opts)) out.push(...page);
  return out;
}

export interface LinkedPage<T> {
  value: T[];
  /** the link to the page after this one; undefined on the last page */
  nextLink: string | undefined;
}

/**
 * Like `pages`, but hands out each page's nextLink too, so a caller can checkpoint after every page
 * and later resume from the saved link (an absolute URL on the same host) instead of from the start.
 */
export async function* linkedPages<T>(
  graph: GraphClient,
  op: OperationId,
  firstPathOrLink: string,
  opts: PageOptions = {},
): AsyncGenerator<LinkedPage<T>, void, undefined> {
  let next: string | undefined = firstPathOrLink;
  let first = true;
  while (next !== undefined) {
    if (opts.signal?.aborted) return;
    const link: string = next;
    const page: CollectionPage<T> = await graph.run(
      op,
      () => {
        const req = first ? graph.api(link, opts.version) : graph.api(link);
        if (opts.headers) req.headers(opts.headers);
        return req.get() as Promise<CollectionPage<T>>;
      },
      opts.ctx,
    );
    first = false;
    next = page['@odata.nextLink'];
    yield { value: page.value ?? [], nextLink: next };
  }
}
