/**
 * The dunning steps and the policy that sets their delays: a table, not branches.
 * Delays count from the due date for the first step, from the previous step's done date
 * (journal) after that. The config may change delays, drop steps (never reorder them), set a
 * minimum amount, and give a customer its own steps.
 */
import { STEP_IDS, type StepId } from '../config/schema.js';
import { parseAmount, type Cents } from '../model/money.js';
import { error, foundExpected, warning } from '../model/problems.js';
import type { Checked, Problem } from '../model/types.js';

export interface StepDef {
  readonly id: StepId;
  /** Days after the due date (first step) or after the previous step's done date. */
  readonly days: number;
}

export const DEFAULT_STEPS: readonly StepDef[] = [
  { id: 'call', days: 3 },
  { id: 'reminder', days: 7 },
  { id: 'registered_reminder', days: 8 },
  { id: 'formal_notice', days: 8 },
  { id: 'litigation', days: 15 },
];

/** French labels, for tables and letters. */
export const STEP_LABELS_FR: Readonly<Record<StepId, string>> = {
  call: 'relance téléphonique',
  reminder: 'lettre de relance',
  registered_reminder: 'seconde relance (recommandé)',
  formal_notice: 'mise en demeure (LRAR)',
  litigation: 'dossier contentieux',
};

/** Position in the fixed order: how advanced a step is. */
export const stepRank = (id: StepId): number => STEP_IDS.indexOf(id);

export interface Policy {
  readonly steps: readonly StepDef[];
  readonly customerSteps: ReadonlyMap<string, readonly StepDef[]>;
  /** An invoice whose residual is below this is not dunned (`min_amount`). */
  readonly minAmount: Cents;
}

export interface PolicyConfig {
  readonly minAmount: string;
  readonly steps?: readonly StepDef[];
  readonly customers: Readonly<Record<string, { readonly steps: readonly StepDef[] }>>;
}

export const DEFAULT_POLICY: Policy = { steps: DEFAULT_STEPS, customerSteps: new Map(), minAmount: 500 as Cents };

function checkOrder(steps: readonly StepDef[], at: string): Problem[] {
  const problems: Problem[] = [];
  for (let i = 1; i < steps.length; i++) {
    if (stepRank(steps[i]!.id) <= stepRank(steps[i - 1]!.id)) {
      problems.push(
        error(
          `${at}.${i}.id: found ${JSON.stringify(steps[i]!.id)} after ${JSON.stringify(steps[i - 1]!.id)}, expected steps in the order ${STEP_IDS.join(', ')} (steps may be dropped, not repeated or reordered)`,
          { file: 'config', line: 0 },
        ),
      );
    }
  }
  return problems;
}

/** Pure: the config's `policy` section to a Policy, with `policy.…` path problems. */
export function policyFromConfig(c: PolicyConfig | undefined, configFile = 'config'): Checked<Policy> {
  if (!c) return { value: DEFAULT_POLICY, problems: [] };
  const problems: Problem[] = [];
  const steps = c.steps ?? DEFAULT_STEPS;
  problems.push(...checkOrder(steps, 'policy.steps'));
  const customerSteps = new Map<string, readonly StepDef[]>();
  for (const [id, p] of Object.entries(c.customers)) {
    problems.push(...checkOrder(p.steps, `policy.customers.${id}.steps`));
    customerSteps.set(id, p.steps);
  }
  const parsed = parseAmount(c.minAmount, 'dot');
  let minAmount = DEFAULT_POLICY.minAmount;
  if (parsed.ok) minAmount = parsed.cents;
  else problems.push(error(`policy.minAmount: found ${JSON.stringify(c.minAmount)}, expected ${parsed.expected}`, { file: configFile, line: 0 }));
  return {
    value: { steps, customerSteps, minAmount },
    problems: problems.map((p) => ({ ...p, source: { file: configFile, line: 0 } })),
  };
}

/**
 * Warnings for `policy.customers.<ID>` naming a customer the books do not know: such a policy
 * applies to nobody, silently, which is how a typo in an id would look. Not an error: the
 * customer may simply have no invoice in this export.
 */
export function unknownPolicyCustomers(policy: Policy, known: ReadonlyMap<string, unknown>, configFile: string): Problem[] {
  return [...policy.customerSteps.keys()]
    .filter((id) => !known.has(id))
    .sort()
    .map((id) =>
      warning(
        `${foundExpected(id, 'a customer id of the books or the customers file')}; this policy applies to no invoice (a typo in the id?)`,
        { file: configFile, line: 0 },
        `policy.customers.${id}`,
      ),
    );
}

export const stepsFor = (policy: Policy, customer: string): readonly StepDef[] => policy.customerSteps.get(customer) ?? policy.steps;

/** The step after `last` in `steps` (the first one when `last` is null); null when none is left. */
export function stepAfter(steps: readonly StepDef[], last: StepId | null): StepDef | null {
  if (last === null) return steps[0] ?? null;
  return steps.find((s) => stepRank(s.id) > stepRank(last)) ?? null;
}
