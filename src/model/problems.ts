import type { Problem, Source } from './types.js';

export const error = (message: string, source?: Source, field?: string): Problem =>
  ({ severity: 'error', message, ...(source ? { source } : {}), ...(field ? { field } : {}) });

export const warning = (message: string, source?: Source, field?: string): Problem =>
  ({ severity: 'warning', message, ...(source ? { source } : {}), ...(field ? { field } : {}) });

/** `found "x", expected y`: the shape of every data message. */
export const foundExpected = (found: string, expected: string): string =>
  `found ${JSON.stringify(found)}, expected ${expected}`;

export const hasErrors = (ps: readonly Problem[]): boolean => ps.some((p) => p.severity === 'error');

/** `file:line: field: message`, as printed on stderr. */
export function formatProblem(p: Problem): string {
  const where = p.source ? `${p.source.file}:${p.source.line}: ` : '';
  const field = p.field ? `${p.field}: ` : '';
  const tag = p.severity === 'warning' ? 'warning: ' : 'error: ';
  return `${where}${tag}${field}${p.message}`;
}

/** Sorted by file, then line, errors before warnings at the same place. */
export function sortProblems(ps: readonly Problem[]): Problem[] {
  return [...ps].sort((a, b) => {
    const fa = a.source?.file ?? '';
    const fb = b.source?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.source?.line ?? 0;
    const lb = b.source?.line ?? 0;
    if (la !== lb) return la - lb;
    return a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1;
  });
}
