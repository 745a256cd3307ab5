/**
 * Handlebars for letters: one isolated environment per run, helpers that only format, and
 * template errors (syntax, unknown helper, missing partial, unknown field) turned into an
 * InputError naming the template file and line. Pure: sources come in as strings
 * (letters/template-files.ts reads them).
 *
 * Templates are looked up by relative name: `layout.hbs`, `styles.css`, `partials/<name>.hbs`,
 * `<lang>/<step>.hbs` (e.g. `fr/formal-notice.hbs`). `{{ }}` escapes; the shipped templates
 * never use `{{{ }}}`.
 */
import Handlebars from 'handlebars';
import { parseIsoDate } from '../model/dates.js';
import { InputError } from '../model/errors.js';
import type { Cents } from '../model/money.js';
import type { IsoDate, Language } from '../model/types.js';
import { formatLongDate, formatMoney, formatShortDate, plural } from './format.js';
import { LETTER_STEPS, TEMPLATE_OF, type LetterStep, type LetterView } from './model.js';

export interface TemplateSource {
  /** Relative name, e.g. `fr/reminder.hbs`. */
  readonly name: string;
  readonly text: string;
  /** Where it was read from, for messages (the user's override or the shipped file). */
  readonly file: string;
}

export type TemplateSet = ReadonlyMap<string, TemplateSource>;

export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** Every name the renderer needs; partials are any `partials/*.hbs` present. */
export function requiredTemplateNames(): string[] {
  return ['layout.hbs', 'styles.css', ...LANGUAGES.flatMap((l) => LETTER_STEPS.map((s) => `${l}/${TEMPLATE_OF[s]}.hbs`))];
}

const STEP_LABELS: Record<Language, Record<string, string>> = {
  fr: { call: 'relance téléphonique', reminder: 'lettre de relance', registered_reminder: 'seconde relance en recommandé', formal_notice: 'mise en demeure', litigation: 'contentieux' },
  en: { call: 'phone call', reminder: 'reminder letter', registered_reminder: 'second reminder, registered', formal_notice: 'formal notice', litigation: 'litigation' },
};
const OUTCOME_LABELS: Record<Language, Record<string, string>> = {
  fr: { reached: 'entretien', no_answer: 'sans réponse', promise: 'promesse de paiement' },
  en: { reached: 'spoke with you', no_answer: 'no answer', promise: 'promise to pay' },
};

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };
const langOf = (o: HelperOptions): Language => ((o.data?.root as LetterView | undefined)?.language === 'en' ? 'en' : 'fr');

/**
 * A helper given a missing or wrong-typed argument (`{{money totals.residul}}`: strict mode
 * does not check a helper's arguments, so it gets `undefined`). Carries the line Handlebars
 * passes in `options.loc`; compileTemplates adds the template's file.
 */
class HelperArgumentError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
  }
}

const shown = (v: unknown): string =>
  v === undefined || v === null || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? 'a list'
        : 'an object';

/** An ISO date as the model gives it: exactly `YYYY-MM-DD`, a real day. */
const isIsoDate = (v: unknown): v is IsoDate => typeof v === 'string' && parseIsoDate(v) === v;

/** One argument a helper takes: what it must be, as the message says it. */
interface Param {
  readonly expected: string;
  readonly ok: (v: unknown) => boolean;
}
const AMOUNT: Param = { expected: 'an amount', ok: (v) => Number.isSafeInteger(v) };
const DATE: Param = { expected: 'a date', ok: isIsoDate };
const COUNT: Param = { expected: 'a number', ok: (v) => Number.isSafeInteger(v) };
const TEXT: Param = { expected: 'a text in quotes', ok: (v) => typeof v === 'string' };
const oneOf = (what: string, labels: Record<string, string>, nullable = false): Param => ({
  expected: `${what} (${Object.keys(labels).join(', ')}${nullable ? ', or null' : ''})`,
  ok: (v) => (nullable && v === null) || (typeof v === 'string' && Object.hasOwn(labels, v)),
});

/** Checks the arguments (count and types) before `fn` formats them. */
function helper(name: string, params: readonly Param[], fn: (args: any[], o: HelperOptions) => string): (...args: unknown[]) => string {
  return (...all: unknown[]) => {
    const o = all.at(-1) as HelperOptions;
    const args = all.slice(0, -1);
    const fail = (what: string): never => {
      throw new HelperArgumentError(`${name}: ${what}`, o.loc?.start.line ?? null, o.loc?.start.column ?? null);
    };
    if (args.length !== params.length) {
      fail(`found ${args.length} argument(s), expected ${params.length} (${params.map((p) => p.expected).join(', ')})`);
    }
    params.forEach((p, i) => {
      if (!p.ok(args[i])) fail(`found ${shown(args[i])}, expected ${p.expected}`);
    });
    return fn(args, o);
  };
}

const HELPERS: Record<string, (...args: unknown[]) => string> = {
  money: helper('money', [AMOUNT], ([c], o) => formatMoney(c as Cents, langOf(o))),
  date: helper('date', [DATE], ([d], o) => formatLongDate(d as IsoDate, langOf(o))),
  shortDate: helper('shortDate', [DATE], ([d]) => formatShortDate(d as IsoDate)),
  plural: helper('plural', [COUNT, TEXT, TEXT], ([n, one, many], o) => plural(n as number, one as string, many as string, langOf(o))),
  stepName: helper('stepName', [oneOf('a step', STEP_LABELS.fr)], ([s], o) => STEP_LABELS[langOf(o)][s as string]!),
  outcome: helper('outcome', [oneOf('a call outcome', OUTCOME_LABELS.fr, true)], ([s], o) => (s === null ? '' : OUTCOME_LABELS[langOf(o)][s as string]!)),
};
const KNOWN_HELPERS = Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true]));
const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, preventIndent: true } as const;

const TAG = Symbol('templateFile');
type Tagged = Error & { [TAG]?: string };

/** `"nme" not defined in [object Object] - 3:4` → `file:3: "nme" not defined (column 4)`. */
function templateError(file: string, e: unknown): InputError {
  if (e instanceof HelperArgumentError) {
    return new InputError(`${file}${e.line === null ? '' : `:${e.line}`}: template error: ${e.message}${e.column === null ? '' : ` (column ${e.column})`}`);
  }
  const msg = e instanceof Error ? e.message : String(e);
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(msg);
  if (parse) return new InputError(`${file}:${parse[1]}: template syntax error: ${parse[2]!.split('\n').at(-1)}`);
  const located = /^([\s\S]*?) - (\d+):(\d+)$/.exec(msg);
  if (located) {
    const what = located[1]!.replace(/ in \[object Object\]$/, '');
    return new InputError(`${file}:${located[2]}: template error: ${what} (column ${located[3]})`);
  }
  return new InputError(`${file}: template error: ${msg}`);
}

interface AstNode {
  type: string;
  loc?: { start: { line: number } };
  name?: { type: string; original?: unknown };
  [k: string]: unknown;
}

/** Partial names used by a template, with their lines (Handlebars finds a missing one only at run time, without a line). */
function partialsUsed(node: unknown, out: { name: string; line: number }[] = []): { name: string; line: number }[] {
  if (Array.isArray(node)) {
    for (const n of node) partialsUsed(n, out);
  } else if (node && typeof node === 'object') {
    const n = node as AstNode;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
      out.push({ name: String(n.name.original), line: n.loc?.start.line ?? 0 });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && k !== 'strip') partialsUsed(v, out);
  }
  return out;
}

export interface LetterRenderer {
  /** The letter's inner HTML (layout with the step's content), no `<html>` shell. */
  render(view: LetterView): string;
  readonly css: string;
}

/** Compiles and checks every template once; throws InputError on the first broken one. */
export function compileTemplates(set: TemplateSet): LetterRenderer {
  const missing = requiredTemplateNames().filter((n) => !set.has(n));
  if (missing.length) throw new InputError(`templates missing: ${missing.join(', ')}`);
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);

  const partialNames = new Set([...set.keys()].filter((n) => /^partials\/[^/]+\.hbs$/.test(n)).map((n) => n.slice(9, -4)));
  const compile = (name: string, extraPartials: readonly string[] = []): HandlebarsTemplateDelegate => {
    const src = set.get(name)!;
    let ast: hbs.AST.Program;
    try {
      ast = env.parse(src.text);
    } catch (e) {
      throw templateError(src.file, e);
    }
    for (const p of partialsUsed(ast)) {
      if (!partialNames.has(p.name) && !extraPartials.includes(p.name)) {
        const known = [...partialNames, ...extraPartials].sort().join(', ');
        throw new InputError(`${src.file}:${p.line}: template error: the partial "${p.name}" does not exist (known: ${known})`);
      }
    }
    let fn: HandlebarsTemplateDelegate;
    try {
      // precompile reports unknown helpers now, with their line, rather than at the first letter.
      env.precompile(src.text, COMPILE_OPTIONS);
      fn = env.compile(src.text, COMPILE_OPTIONS);
    } catch (e) {
      throw templateError(src.file, e);
    }
    // Tag a run-time error with the innermost template that raised it.
    return (ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
      try {
        return fn(ctx, opts);
      } catch (e) {
        const t = e as Tagged;
        if (t instanceof Error && t[TAG] === undefined) t[TAG] = src.file;
        throw e;
      }
    };
  };

  for (const p of partialNames) env.registerPartial(p, compile(`partials/${p}.hbs`, ['content']));
  const layout = compile('layout.hbs', ['content']);
  const steps = new Map<string, HandlebarsTemplateDelegate>();
  for (const l of LANGUAGES) for (const s of LETTER_STEPS) steps.set(`${l}/${s}`, compile(`${l}/${TEMPLATE_OF[s]}.hbs`));

  return {
    css: set.get('styles.css')!.text,
    render(view: LetterView): string {
      const content = steps.get(`${view.language}/${view.step satisfies LetterStep}`)!;
      try {
        return layout(view, { partials: { content } });
      } catch (e) {
        const file = (e as Tagged)[TAG] ?? set.get('layout.hbs')!.file;
        throw templateError(file, e);
      }
    },
  };
}
