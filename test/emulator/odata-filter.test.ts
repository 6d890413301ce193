import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, matches, parseFilter } from '../../src/emulator/odata-filter.js';

const audit = {
  activityDateTime: '2026-11-25T10:00:00.123Z',
  initiatedBy: { app: { displayName: 'Azure MFA Management' } },
  displayName: "O'Brien's Project",
  id: 'a1',
};

describe('OData $filter evaluator', () => {
  it('handles nested paths, and, dates with and without milliseconds', () => {
    const f = parseFilter(
      "initiatedBy/app/displayName eq 'Azure MFA Management' and activityDateTime ge 2026-11-25T10:00:00Z",
    );
    expect(matches(f, audit)).toBe(true);
    expect(matches(parseFilter('activityDateTime gt 2026-11-25T10:00:01Z'), audit)).toBe(false);
  });

  it("unescapes '' inside string literals and compares case-insensitively", () => {
    expect(matches(parseFilter("displayName eq 'o''brien''s project'"), audit)).toBe(true);
    expect(matches(parseFilter("startswith(displayName,'O''Bri')"), audit)).toBe(true);
  });

  it('supports in, or, not and parentheses', () => {
    expect(matches(parseFilter("id in ('x','a1')"), audit)).toBe(true);
    expect(matches(parseFilter("id in ('x')"), audit)).toBe(false);
    expect(matches(parseFilter("not (id eq 'a1') or id eq 'zz'"), audit)).toBe(false);
  });

  it('throws a syntax error for malformed input', () => {
    for (const bad of ["displayName eq 'open", 'displayName foo 1', "startswith(displayName 'x')", 'id eq']) {
      expect(() => parseFilter(bad)).toThrow(FilterSyntaxError);
    }
  });
});
