// A small OData $filter evaluator for the forms this app sends: comparisons (eq ne gt ge lt le) on
// property paths (initiatedBy/app/displayName), string literals with '' escaping, GUIDs, dates,
// numbers, true/false/null, startswith(prop,'x'), and/or/not, parentheses.

type Value = string | number | boolean | null;
type Node =
  | { kind: 'cmp'; op: string; path: string[]; value: Value }
  | { kind: 'in'; path: string[]; values: Value[] }
  | { kind: 'startswith'; path: string[]; value: string }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; inner: Node };

export class FilterSyntaxError extends Error {}

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= src.length) throw new FilterSyntaxError('Unterminated string literal.');
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += src[j];
        j++;
      }
      tokens.push(`'${text}`); // leading quote marks a string token
      i = j + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < src.length && !" (),'".includes(src[j]!)) j++;
      tokens.push(src.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

export function parseFilter(src: string): Node {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const t = tokens[pos++];
    if (t === undefined) throw new FilterSyntaxError('Unexpected end of filter expression.');
    return t;
  };
  const literal = (t: string): Value => {
    if (t.startsWith("'")) return t.slice(1);
    if (t === 'null') return null;
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (/^\d{4}-\d{2}-\d{2}/.test(t) || /^[0-9a-f-]{36}$/i.test(t)) return t;
    throw new FilterSyntaxError(`Invalid literal '${t}'.`);
  };
  const primary = (): Node => {
    const t = next();
    if (t === '(') {
      const inner = orExpr();
      if (next() !== ')') throw new FilterSyntaxError("Expected ')'.");
      return inner;
    }
    if (t.toLowerCase() === 'not') return { kind: 'not', inner: primary() };
    if (t.toLowerCase() === 'startswith') {
      if (next() !== '(') throw new FilterSyntaxError("Expected '(' after startswith.");
      const path = next().split('/');
      if (next() !== ',') throw new FilterSyntaxError("Expected ','.");
      const v = literal(next());
      if (next() !== ')') throw new FilterSyntaxError("Expected ')'.");
      if (typeof v !== 'string') throw new FilterSyntaxError('startswith needs a string.');
      return { kind: 'startswith', path, value: v };
    }
    const op = next().toLowerCase();
    if (op === 'in') {
      // id in ('a','b'): how clients look up a handful of objects in one request
      if (next() !== '(') throw new FilterSyntaxError("Expected '(' after in.");
      const values: Value[] = [literal(next())];
      for (let sep = next(); sep !== ')'; sep = next()) {
        if (sep !== ',') throw new FilterSyntaxError("Expected ',' or ')'.");
        values.push(literal(next()));
      }
      return { kind: 'in', path: t.split('/'), values };
    }
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op))
      throw new FilterSyntaxError(`Unsupported operator '${op}'.`);
    return { kind: 'cmp', op, path: t.split('/'), value: literal(next()) };
  };
  const andExpr = (): Node => {
    let left = primary();
    while (peek()?.toLowerCase() === 'and') {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek()?.toLowerCase() === 'or') {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const node = orExpr();
  if (pos !== tokens.length) throw new FilterSyntaxError(`Unexpected '${tokens[pos]}'.`);
  return node;
}

function resolve(obj: unknown, path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function compare(a: unknown, op: string, b: Value): boolean {
  if (op === 'eq' || op === 'ne') {
    const same =
      typeof a === 'string' && typeof b === 'string'
        ? a.toLowerCase() === b.toLowerCase()
        : (a ?? null) === b;
    return op === 'eq' ? same : !same;
  }
  if (a === null || a === undefined || b === null) return false;
  const isoLike = /^\d{4}-\d{2}-\d{2}T/;
  const x =
    typeof a === 'string' && typeof b === 'string'
      ? isoLike.test(a) && isoLike.test(b)
        ? Date.parse(a) - Date.parse(b)
        : a.localeCompare(b)
      : Number(a) - Number(b);
  return op === 'gt' ? x > 0 : op === 'ge' ? x >= 0 : op === 'lt' ? x < 0 : x <= 0;
}

export function matches(node: Node, obj: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, obj) && matches(node.right, obj);
    case 'or':
      return matches(node.left, obj) || matches(node.right, obj);
    case 'not':
      return !matches(node.inner, obj);
    case 'startswith': {
      const v = resolve(obj, node.path);
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'cmp':
      return compare(resolve(obj, node.path), node.op, node.value);
    case 'in': {
      const v = resolve(obj, node.path);
      return node.values.some((x) => compare(v, 'eq', x));
    }
  }
}

/** The value of `prop eq 'x'` when the filter is exactly that (fast paths for id/UPN lookups). */
export function equalityOn(node: Node, prop: string): string | undefined {
  return node.kind === 'cmp' &&
    node.op === 'eq' &&
    node.path.join('/') === prop &&
    typeof node.value === 'string'
    ? node.value
    : undefined;
}

export type FilterNode = Node;
