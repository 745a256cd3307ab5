/**
 * A million-line file with a systematic problem must not make a million Problems: each kind
 * of problem is listed for its first `FEC_PROBLEM_CAP` lines per file, then one summary
 * problem gives the total.
 */
import { error, warning } from '../../model/problems.js';
import type { Problem, Severity } from '../../model/types.js';

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
      const make = k.severity === 'error' ? error : warning;
      const more = k.total - this.cap;
      this.list.push(
        make(
          `found this problem on ${k.total} lines in all, ${more} more from this line on; only the first ${this.cap} are listed`,
          { file: this.file, line: k.firstOmittedLine },
          k.field,
        ),
      );
    }
    return this.list;
  }
}
