/**
 * A million-line file with a systematic problem must not make a million Problems: each kind
 * of problem is listed for its first `FEC_PROBLEM_CAP` lines per file, then one summary
 * problem gives the total. The FEC reader counts as it streams (`CappedProblems`); the CSV
 * readers, whose files are read whole, cap their list afterwards (`capProblems`).
 */
import { error, warning } from '../model/problems.js';
import type { Problem, Severity, Source } from '../model/types.js';

export const FEC_PROBLEM_CAP = 50;

interface KindCount {
  severity: Severity;
  field: string | undefined;
  total: number;
  firstOmittedLine: number;
}

export class CappedProblems {
  readonly list: Problem[] = [];
  private readonly counts = new Map<string, KindCount>();

  constructor(private readonly file: string, private readonly cap = FEC_PROBLEM_CAP) {}

  /** `kind` groups problems for the cap (e.g. `date:EcritureDate`). */
  add(kind: string, severity: Severity, line: number, message: string, field?: string): void {
    let k = this.counts.get(kind);
    if (!k) this.counts.set(kind, (k = { severity, field, total: 0, firstOmittedLine: 0 }));
    k.total++;
    if (k.total <= this.cap) {
      const make = severity === 'error' ? error : warning;
      this.list.push(make(message, { file: this.file, line }, field));
    } else if (k.total === this.cap + 1) {
      k.firstOmittedLine = line;
    }
  }

  /** The problems, with one summary per kind that went over the cap. */
  finish(): Problem[] {
    for (const k of this.counts.values()) {
      if (k.total <= this.cap) continue;
      this.list.push(summary(k.severity, k.total, this.cap, { file: this.file, line: k.firstOmittedLine }, k.field));
    }
    return this.list;
  }
}

function summary(severity: Severity, total: number, cap: number, where: Source, field: string | undefined): Problem {
  const make = severity === 'error' ? error : warning;
  return make(`found this problem on ${total} lines in all, ${total - cap} more from this line on; only the first ${cap} are listed`, where, field);
}

/**
 * `problems` with at most `cap` per kind, a kind being a file, a field and a severity; each
 * kind over the cap ends with one summary at its first omitted line. Order is kept.
 */
export function capProblems(problems: readonly Problem[], cap = FEC_PROBLEM_CAP): Problem[] {
  const kinds = new Map<string, { total: number; first: Problem | null }>();
  const out: Problem[] = [];
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.source?.file ?? ''}\u0000${p.field ?? ''}`;
    let k = kinds.get(key);
    if (!k) kinds.set(key, (k = { total: 0, first: null }));
    k.total++;
    if (k.total <= cap) out.push(p);
    else if (k.total === cap + 1) k.first = p;
  }
  for (const k of kinds.values()) {
    if (k.first) out.push(summary(k.first.severity, k.total, cap, k.first.source ?? { file: '', line: 0 }, k.first.field));
  }
  return out;
}
