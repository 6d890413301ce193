// OData literals and query strings. Every value a user typed goes through `quote` (a group called
// O'Brien must not break, or widen, a $filter) and every query value is percent-encoded once here, so
// the Graph client (which passes query text through unchanged) sends exactly what we built.

/** OData string literal: O'Brien -> 'O''Brien' */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function eq(property: string, value: string): string {
  return `${property} eq ${quote(value)}`;
}

/** Unquoted DateTimeOffset literal, e.g. activityDateTime ge 2026-01-01T00:00:00Z */
export function dateLiteral(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function and(...clauses: (string | undefined | false)[]): string {
  return clauses.filter((c): c is string => typeof c === 'string' && c.length > 0).join(' and ');
}

export interface QueryParts {
  filter?: string;
  select?: readonly string[];
  expand?: string;
  top?: number;
  orderby?: string;
  count?: boolean;
}

/** "?$filter=...&$select=..." with values percent-encoded (keys keep their "$"). */
export function queryString(q: QueryParts): string {
  const parts: string[] = [];
  const add = (k: string, v: string) => parts.push(`${k}=${encodeURIComponent(v)}`);
  if (q.filter) add('$filter', q.filter);
  if (q.select && q.select.length > 0) add('$select', q.select.join(','));
  if (q.expand) add('$expand', q.expand);
  if (q.top !== undefined) add('$top', String(q.top));
  if (q.orderby) add('$orderby', q.orderby);
  if (q.count) add('$count', 'true');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Path segment for an id or key that came from outside (domain names, GUIDs). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
