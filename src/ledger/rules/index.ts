/** The lettrage rules, in the order they run (CONTRACT.md, Reconciliation). */
import type { RuleId } from '../../model/reconciliation.js';
import { exactAmountRule } from './exact-amount.js';
import { exactSumRule } from './exact-sum.js';
import { existingRule } from './existing.js';
import { explicitRule } from './explicit.js';
import { oldestFirstRule } from './oldest-first.js';
import { referenceRule } from './reference.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [existingRule, explicitRule, referenceRule, exactAmountRule, exactSumRule, oldestFirstRule];

export const ruleById = (id: RuleId): Rule => RULES.find((r) => r.id === id)!;

export { CustomerBook } from './book.js';
export type { Rule, RuleOptions } from './rule.js';
export { DEFAULT_RULE_OPTIONS } from './rule.js';
