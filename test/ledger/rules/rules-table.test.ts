import { expect, it } from 'vitest';
import { RULES } from '../../../src/ledger/rules/index.js';
import { RULE_IDS } from '../../../src/model/reconciliation.js';

it('the rules table runs in the contract order, link rules first', () => {
  expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  expect(RULES.map((r) => r.phase)).toEqual(['links', 'links', 'links', 'amounts', 'amounts', 'amounts']);
});
