/**
 * Finds, reads and validates the config file, and resolves its relative paths against the
 * config's own folder. Errors are `path: message` problems, thrown as one InputError (exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { InputError } from '../model/errors.js';
import { error } from '../model/problems.js';
import type { Problem } from '../model/types.js';
import { CUSTOMER_COLUMNS } from '../io/csv/customers.js';
import { INVOICE_COLUMNS } from '../io/csv/invoices.js';
import { PAYMENT_COLUMNS } from '../io/csv/payments.js';
import { jsonOffsets, locatePath, syntaxErrorPosition } from './json-locate.js';
import { configSchema, type ConfigFile } from './schema.js';

export const DEFAULT_CONFIG_NAME = 'dunning.config.json';

export interface Config extends ConfigFile {
  /** The config file read, or null when there is none. */
  readonly configPath: string | null;
  /** The folder relative paths are resolved against: the config's, else the working directory. */
  readonly baseDir: string;
}

/**
 * Turns zod issues into `path: message` problems naming the file, at the line of the key when
 * the config's text is given (an unknown key: that key's line), else line 1.
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], file: string, text?: string): Problem[] {
  const offsets = text === undefined ? null : jsonOffsets(text);
  return issues.map((i) => {
    const at = i.path.length ? i.path.map(String).join('.') : '(top level)';
    let message = i.message;
    let keyPath: readonly PropertyKey[] = i.path;
    if (i.code === 'unrecognized_keys') {
      message = `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
      keyPath = [...i.path, i.keys[0]!];
    }
    const pos = offsets && text !== undefined ? locatePath(text, offsets, keyPath.map(String)) : { line: 1, column: 1 };
    const column = offsets ? ` (column ${pos.column})` : '';
    return error(`${at}: ${message}${column}`, { file, line: pos.line });
  });
}

/** `columns.<kind>` keys that are not fields of that file: the config is wrong, so they are reported there. */
function unknownColumnFields(columns: ConfigFile['columns'], file: string, text?: string): Problem[] {
  const specs = { invoices: INVOICE_COLUMNS, payments: PAYMENT_COLUMNS, customers: CUSTOMER_COLUMNS } as const;
  const issues: z.core.$ZodIssue[] = [];
  for (const kind of ['invoices', 'payments', 'customers'] as const) {
    const names = specs[kind].fields.map((f) => f.name);
    for (const key of Object.keys(columns[kind] ?? {})) {
      if (names.includes(key)) continue;
      issues.push({ code: 'custom', path: ['columns', kind, key], message: `found ${JSON.stringify(key)}, expected one of ${names.join(', ')}`, input: key });
    }
  }
  return zodProblems(issues, file, text);
}

/** Pure: validates a parsed JSON value; `text`, the file's text, lets problems name their line. */
export function parseConfig(raw: unknown, file: string, baseDir: string, text?: string): { config: Config | null; problems: Problem[] } {
  const r = configSchema.safeParse(raw);
  if (!r.success) return { config: null, problems: zodProblems(r.error.issues, file, text) };
  const c = r.data;
  const columnProblems = unknownColumnFields(c.columns, file, text);
  if (columnProblems.length > 0) return { config: null, problems: columnProblems };
  const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(baseDir, p));
  const config: Config = {
    ...c,
    configPath: file,
    baseDir,
    inputs: {
      fec: c.inputs.fec?.map((f) => path.resolve(baseDir, f)),
      invoices: abs(c.inputs.invoices),
      payments: abs(c.inputs.payments),
      customers: abs(c.inputs.customers),
    },
    journal: abs(c.journal),
    templates: abs(c.templates),
    creditor: c.creditor ? { ...c.creditor, logo: abs(c.creditor.logo) } : undefined,
  };
  return { config, problems: [] };
}

/**
 * `explicit` is `--config FILE` (must exist); without it, `dunning.config.json` in `cwd` is
 * read when present, else every default applies.
 */
export function loadConfig(explicit: string | undefined, cwd: string): Config {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, DEFAULT_CONFIG_NAME);
  if (!existsSync(file)) {
    if (explicit) throw new InputError(`${explicit}: config file not found`);
    const { config } = parseConfig({}, '(defaults)', cwd);
    return { ...config!, configPath: null };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the config file (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const pos = syntaxErrorPosition(text, message);
    const problem = error(`found invalid JSON at line ${pos.line}, column ${pos.column} (${message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')}), expected a JSON object`, { file, line: pos.line });
    throw new InputError(`${file}: not valid JSON`, [problem]);
  }
  const { config, problems } = parseConfig(raw, file, path.dirname(file), text);
  if (!config) throw new InputError(`${file}: the config does not follow its schema`, problems);
  return config;
}

/** CONTRACT: `.dunning/journal.jsonl` beside the config, else in the working directory. */
export function journalPath(config: Config, flag: string | undefined, cwd: string): string {
  if (flag) return path.resolve(cwd, flag);
  if (config.journal) return config.journal;
  return path.join(config.configPath ? config.baseDir : cwd, '.dunning', 'journal.jsonl');
}
