import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinedFileName, letterFileNames, sanitiseFilePart } from '../../src/letters/file-names.js';
import { d } from './builders.js';

describe('letter file names', () => {
  it.each([
    ['C001', 'C001'],
    ['../../x', 'x'],
    ['..', 'customer'],
    ['.hidden', 'hidden'],
    ['a/b\\c', 'a_b_c'],
    ['Société Générale', 'Societe_Generale'],
    ['', 'customer'],
    ['x'.repeat(200), 'x'.repeat(80)],
  ])('%j → %j', (raw, safe) => {
    expect(sanitiseFilePart(raw)).toBe(safe);
  });

  it('keeps every name inside the output folder', () => {
    const out = '/tmp/out';
    for (const id of ['../../etc/passwd', '/abs', '..\\..\\win', 'a/../../b', '\u0000', '~']) {
      const [name] = letterFileNames([{ asOf: d('2026-11-22'), step: 'reminder', customer: id }]);
      expect(path.dirname(path.resolve(out, name!))).toBe(out);
      expect(name).toMatch(/^2026-11-22_reminder_[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/);
    }
  });

  it('gives colliding names a suffix, case-insensitively', () => {
    const names = letterFileNames(['a/b', 'a?b', 'A_B', 'c'].map((customer) => ({ asOf: d('2026-11-22'), step: 'reminder', customer })));
    expect(names).toEqual(['2026-11-22_reminder_a_b.pdf', '2026-11-22_reminder_a_b-2.pdf', '2026-11-22_reminder_A_B-3.pdf', '2026-11-22_reminder_c.pdf']);
  });

  it('gives the combined file the first name not taken', () => {
    expect(combinedFileName(d('2026-11-22'))).toBe('2026-11-22_combined.pdf');
    const taken = new Set(['2026-11-22_combined.pdf', '2026-11-22_combined-2.pdf']);
    expect(combinedFileName(d('2026-11-22'), (n) => taken.has(n))).toBe('2026-11-22_combined-3.pdf');
  });
});
