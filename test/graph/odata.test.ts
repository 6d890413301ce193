import { describe, expect, it } from 'vitest';
import { and, dateLiteral, eq, queryString, quote } from '../../src/graph/odata.js';

describe('OData helpers', () => {
  it('doubles single quotes in string literals', () => {
    expect(quote("O'Brien")).toBe("'O''Brien'");
    expect(quote("'")).toBe("''''");
    expect(eq('displayName', "MFA O'Brien's group")).toBe("displayName eq 'MFA O''Brien''s group'");
  });

  it('cannot be widened by a crafted name', () => {
    const f = eq('displayName', "x' or displayName ne 'y");
    expect(f).toBe("displayName eq 'x'' or displayName ne ''y'");
  });

  it('percent-encodes query values once, keeping $ keys', () => {
    const q = queryString({ filter: eq('displayName', 'A & B'), select: ['id', 'displayName'], top: 999 });
    expect(q).toBe("?$filter=displayName%20eq%20'A%20%26%20B'&$select=id%2CdisplayName&$top=999");
  });

  it('joins clauses and formats dates', () => {
    expect(and('a eq 1', undefined, false, 'b eq 2')).toBe('a eq 1 and b eq 2');
    expect(dateLiteral(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });
});
