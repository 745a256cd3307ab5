/**
 * Reads the templates (edge): the shipped set from the package's `templates/` folder, each
 * file replaced by the user's own when their folder (config `templates`) has one with the
 * same relative name (`fr/formal-notice.hbs`, `partials/invoices.hbs`, `styles.css`…).
 * A user's extra `partials/*.hbs` become new partials.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError, InputError } from '../model/errors.js';
import type { TemplateSet, TemplateSource } from './templates.js';

/** `dist/letters/` or `src/letters/` → the package root's `templates/`. */
export function shippedTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else if (e.isFile() && /\.(hbs|css)$/.test(e.name)) out.push(r);
  }
  return out.sort();
}

function readAll(dir: string, display: (rel: string) => string): TemplateSource[] {
  return listFiles(dir).map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8'), file: display(name) }));
}

/**
 * `userDir` absolute or undefined; `display` shows the user's files as they would type them.
 */
export function loadTemplateSet(userDir: string | undefined, display: (abs: string) => string = (p) => p): TemplateSet {
  const shipped = shippedTemplatesDir();
  if (!existsSync(shipped)) throw new EnvironmentError(`the shipped templates are missing (${shipped}): reinstall dunning`);
  const set = new Map<string, TemplateSource>();
  for (const t of readAll(shipped, (rel) => `templates/${rel} (shipped)`)) set.set(t.name, t);
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) {
      throw new InputError(`templates: the folder ${display(userDir)} does not exist (config "templates")`);
    }
    for (const t of readAll(userDir, (rel) => display(path.join(userDir, rel)))) set.set(t.name, t);
  }
  return set;
}

/** The creditor's logo as a `data:` URI, so the page needs no file access. */
export function readLogo(file: string | undefined, display: (abs: string) => string = (p) => p): string | null {
  if (file === undefined) return null;
  const types: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp' };
  const mime = types[path.extname(file).toLowerCase()];
  if (!mime) throw new InputError(`creditor.logo: found ${JSON.stringify(display(file))}, expected a .png, .jpg, .svg, .gif or .webp file`);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new InputError(`creditor.logo: cannot read ${display(file)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return `data:${mime};base64,${data.toString('base64')}`;
}
