/**
 * Judge lettrage on real books: the accountant's lettering is stripped from two real FEC
 * exports, our rules run, and we count the accountant's groups (entries sharing a code for one
 * customer) that come out exactly as one of our groups. Only balanced groups can be made by
 * any rule (an unbalanced one is lettered against lines outside the file, or partly); both
 * figures are printed, the floor is on balanced groups, set just below what was measured.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFec } from '../../src/io/fec/read.js';
import { letteringScore } from './score.js';

const DIR = path.resolve('test/fixtures/real');

const CASES = [
  // measured: 114/119 balanced (95.8 %), 114/134 all; oldest_first alone: 98/119
  { file: '0000000001FEC20220831.txt', floor: 0.95, naiveBelow: 0.85 },
  // measured: 44/45 balanced (97.8 %); oldest_first alone: 25/45
  { file: '111111111FEC20221231.TXT', floor: 0.97, naiveBelow: 0.6 },
];

describe('lettering score on real books', () => {
  for (const c of CASES) {
    it(`${c.file}: reproduces the accountant's balanced groups`, async () => {
      const r = await readFec({ path: path.join(DIR, c.file), display: c.file }, { receivablePrefixes: ['411'] });
      const full = letteringScore(r.entries);
      const naive = letteringScore(r.entries, ['oldest_first']);
      console.log(
        `${c.file}: ${full.balancedReproduced}/${full.balancedGroups} balanced groups (${((100 * full.balancedReproduced) / full.balancedGroups).toFixed(1)} %), ` +
          `${full.reproduced}/${full.groups} of all groups; oldest_first alone ${naive.balancedReproduced}/${naive.balancedGroups}`,
      );
      expect(full.balancedReproduced / full.balancedGroups).toBeGreaterThanOrEqual(c.floor);
      expect(naive.balancedReproduced / naive.balancedGroups).toBeLessThan(c.naiveBelow);
    });
  }
});
