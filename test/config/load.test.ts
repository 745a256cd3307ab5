import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalPath, loadConfig, parseConfig } from '../../src/config/load.js';
import { InputError } from '../../src/model/errors.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dunning-config-'));

function catchInput(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('config', () => {
  it('applies defaults when there is no config file', () => {
    const dir = tmp();
    const c = loadConfig(undefined, dir);
    expect(c.configPath).toBeNull();
    expect(c.receivablePrefixes).toEqual(['411']);
    expect(c.defaultTermsDays).toBe(30);
    expect(c.aging).toEqual({ buckets: [30, 60, 90], basis: 'due' });
    expect(c.policy.minAmount).toBe('5.00');
    expect(c.interest.indemnity).toBe('40.00');
    expect(journalPath(c, undefined, dir)).toBe(path.join(dir, '.dunning', 'journal.jsonl'));
  });

  it('resolves relative paths against the config folder', () => {
    const dir = tmp();
    const file = path.join(dir, 'dunning.config.json');
    writeFileSync(file, JSON.stringify({ inputs: { fec: ['books/a.txt'], customers: 'c.csv' }, templates: 'tpl' }));
    const c = loadConfig(undefined, '/somewhere/else');
    expect(c.configPath).toBeNull();
    const d = loadConfig(file, '/somewhere/else');
    expect(d.inputs.fec).toEqual([path.join(dir, 'books/a.txt')]);
    expect(d.inputs.customers).toBe(path.join(dir, 'c.csv'));
    expect(d.templates).toBe(path.join(dir, 'tpl'));
    expect(journalPath(d, undefined, '/elsewhere')).toBe(path.join(dir, '.dunning', 'journal.jsonl'));
    expect(journalPath(d, 'j.jsonl', '/elsewhere')).toBe('/elsewhere/j.jsonl');
  });

  it('names the path of an unknown key', () => {
    const r = parseConfig({ policy: { minAmount: '5.00', stepz: [] } }, 'dunning.config.json', '/');
    expect(r.config).toBeNull();
    expect(r.problems.map((p) => p.message)).toEqual(['policy: unknown key "stepz"']);
    expect(r.problems[0]!.source).toEqual({ file: 'dunning.config.json', line: 1 });
  });

  it('reports a schema error at the line and column of its key in the file', () => {
    const dir = tmp();
    const file = path.join(dir, 'dunning.config.json');
    writeFileSync(file, '{\n  "policy": {\n    "minAmount": "5.00",\n    "stepz": []\n  },\n  "interest": { "indemnity": 40 }\n}\n');
    const e = catchInput(() => loadConfig(file, dir));
    expect(e.problems.map((p) => [p.source, p.message])).toEqual([
      [{ file, line: 4 }, 'policy: unknown key "stepz" (column 5)'],
      [{ file, line: 6 }, expect.stringMatching(/^interest\.indemnity: .* \(column 17\)$/)],
    ]);
  });

  it('reports a JSON syntax error at its line and column, not a position', () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{\n  "policy": {\n    "minAmount": "5.00"\n    "steps": []\n  }\n}\n');
    const e = catchInput(() => loadConfig(file, dir));
    expect(e.problems).toEqual([{ severity: 'error', source: { file, line: 4 }, message: expect.stringMatching(/^found invalid JSON at line 4, column 5 \(.*\), expected a JSON object$/) }]);
    expect(e.problems[0]!.message).not.toMatch(/position/);
  });

  it('an unknown field under columns.invoices is reported against the config, at its line', () => {
    const dir = tmp();
    const file = path.join(dir, 'dunning.config.json');
    writeFileSync(file, '{\n  "columns": {\n    "invoices": { "number": "Pièce", "numbr": "N°" }\n  }\n}\n');
    const e = catchInput(() => loadConfig(file, dir));
    expect(e.problems.map((p) => [p.source, p.message])).toEqual([
      [{ file, line: 3 }, expect.stringMatching(/^columns\.invoices\.numbr: found "numbr", expected one of number, customer, date, .* \(column 38\)$/)],
    ]);
  });

  it('takes the creditor legal mentions (R123-237) and checks capital and VAT number', () => {
    const ok = parseConfig({ creditor: { name: 'X SARL', legalForm: 'SARL', capital: '10000.00', rcs: 'Lyon', vatNumber: 'FR32123456789' } }, 'c.json', '/');
    expect(ok.config?.creditor).toMatchObject({ legalForm: 'SARL', capital: '10000.00', rcs: 'Lyon', vatNumber: 'FR32123456789' });
    const bad = parseConfig({ creditor: { name: 'X', capital: '10 000 €', vatNumber: 'fr 32', rcsCity: 'Lyon' } }, 'c.json', '/');
    const messages = bad.problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith('creditor.capital: '))).toBe(true);
    expect(messages.some((m) => m.startsWith('creditor.vatNumber: '))).toBe(true);
    expect(messages.some((m) => m.includes('unknown key "rcsCity"'))).toBe(true);
  });

  it('names the path of a wrong value', () => {
    const r = parseConfig({ policy: { steps: [{ id: 'call', days: 3 }, { id: 'lawsuit', days: 1 }] }, interest: { indemnity: 40 } }, 'c.json', '/');
    const messages = r.problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith('policy.steps.1.id: '))).toBe(true);
    expect(messages.some((m) => m.startsWith('interest.indemnity: '))).toBe(true);
  });

  it('fails with exit 2 on invalid JSON and on a missing explicit file', () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{ "creditor": ');
    expect(() => loadConfig(file, dir)).toThrow(InputError);
    expect(() => loadConfig(file, dir)).toThrow(/not valid JSON/);
    expect(() => loadConfig('nope.json', dir)).toThrow(/config file not found/);
  });
});
