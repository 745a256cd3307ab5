import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS, policyFromConfig, stepAfter } from '../../src/policy/steps.js';

describe('policyFromConfig', () => {
  it('defaults: the five steps, 3/7/8/8/15 days, minAmount 5.00', () => {
    const { value, problems } = policyFromConfig({ minAmount: '5.00', customers: {} });
    expect(problems).toEqual([]);
    expect(value.steps.map((s) => `${s.id}+${s.days}`)).toEqual(['call+3', 'reminder+7', 'registered_reminder+8', 'formal_notice+8', 'litigation+15']);
    expect(value.minAmount).toBe(500);
  });

  it('reads minAmount as exact cents', () => {
    expect(policyFromConfig({ minAmount: '12.3', customers: {} }).value.minAmount).toBe(1230);
  });

  it('refuses steps out of order, naming the config path', () => {
    const { problems } = policyFromConfig(
      { minAmount: '5.00', customers: { C042: { steps: [{ id: 'formal_notice', days: 1 }, { id: 'reminder', days: 2 }] } } },
      'dunning.config.json',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      'policy.customers.C042.steps.1.id: found "reminder" after "formal_notice", expected steps in the order call, reminder, registered_reminder, formal_notice, litigation (steps may be dropped, not repeated or reordered)',
    );
    expect(problems[0]!.source?.file).toBe('dunning.config.json');
  });
});

describe('stepAfter', () => {
  it('the first step, then the next one kept by the policy, then none', () => {
    const kept = [DEFAULT_STEPS[1]!, DEFAULT_STEPS[3]!];
    expect(stepAfter(kept, null)?.id).toBe('reminder');
    expect(stepAfter(kept, 'call')?.id).toBe('reminder');
    expect(stepAfter(kept, 'reminder')?.id).toBe('formal_notice');
    expect(stepAfter(kept, 'registered_reminder')?.id).toBe('formal_notice');
    expect(stepAfter(kept, 'formal_notice')).toBeNull();
  });
});
