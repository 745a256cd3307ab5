/**
 * Finding the columns of a CSV by their headers. Headers are compared after normalising
 * (lower case, accents dropped, spaces `_` `-` `°` `'` and dots removed), so that "N° facture",
 * "n_facture" and "NFacture" are one name. Each field has its own list of names, best first.
 *
 * Who wins when a header could be two fields (payments: "Référence" is the payment id, the
 * free-text `reference` column is "Libellé", "Label", "Communication" or literally
 * `reference`):
 *   1. the config's `columns` map;
 *   2. a header spelled exactly as a field's own name (`reference`, `due_date`), any case;
 *   3. the names of each field, fields in order, names best first; a header serves one field.
 */
import { foundExpected, error } from '../../model/problems.js';
import type { Problem, Source } from '../../model/types.js';

export interface FieldSpec {
  /** The field's own name: the config key and the English header. */
  readonly name: string;
  readonly required: boolean;
  /** Other headers, in any spelling (they are normalised); best first. */
  readonly aliases: readonly string[];
}

export interface ColumnSpec {
  /** `invoices`, `payments` or `customers`: the key under config `columns`. */
  readonly kind: 'invoices' | 'payments' | 'customers';
  readonly fields: readonly FieldSpec[];
}

/** `"N° Facture "` → `"nfacture"`. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-°º'’.]/g, '');
}

export interface ColumnMatch {
  /** Field name → column index. */
  readonly columns: ReadonlyMap<string, number>;
  readonly problems: readonly Problem[];
}

export function matchHeaders(
  headers: readonly string[],
  { kind, fields: spec }: ColumnSpec,
  configured: Readonly<Record<string, string>> | undefined,
  file: string,
  /** The header row's line: blank lines may come before it. */
  line = 1,
): ColumnMatch {
  const where: Source = { file, line };
  const problems: Problem[] = [];
  const columns = new Map<string, number>();
  const taken = new Set<number>();
  const norm = headers.map(normaliseHeader);
  const claim = (field: string, index: number) => {
    columns.set(field, index);
    taken.add(index);
    // Two columns with the same header: which one holds the field is a guess, so it is an error.
    const twin = norm.findIndex((h, i) => i !== index && h === norm[index]);
    if (twin >= 0) {
      const [a, b] = [index, twin].sort((x, y) => x - y) as [number, number];
      problems.push(
        error(
          `found two columns for ${field}: ${JSON.stringify(headers[a]!.trim())} (column ${a + 1}) and ${JSON.stringify(headers[b]!.trim())} (column ${b + 1}), expected one: rename or remove one of them`,
          where,
          field,
        ),
      );
    }
  };

  for (const [field, header] of Object.entries(configured ?? {})) {
    if (!spec.some((f) => f.name === field)) {
      problems.push(error(foundExpected(field, `one of ${spec.map((f) => f.name).join(', ')} (config "columns.${kind}")`), where, field));
      continue;
    }
    const exact = headers.findIndex((h) => h.trim() === header.trim());
    const index = exact >= 0 ? exact : norm.indexOf(normaliseHeader(header));
    if (index < 0) {
      problems.push(error(`the config maps ${field} to the column "${header}", which is not in the header row (${headers.map((h) => JSON.stringify(h.trim())).join(', ')})`, where, field));
      continue;
    }
    claim(field, index);
  }
  for (const f of spec) {
    if (columns.has(f.name)) continue;
    const index = headers.findIndex((h, i) => !taken.has(i) && h.trim().toLowerCase() === f.name);
    if (index >= 0) claim(f.name, index);
  }
  for (const f of spec) {
    if (columns.has(f.name) || configured?.[f.name] !== undefined) continue;
    for (const alias of [f.name, ...f.aliases].map(normaliseHeader)) {
      const index = norm.findIndex((h, i) => !taken.has(i) && h === alias);
      if (index >= 0) {
        claim(f.name, index);
        break;
      }
    }
  }
  const missing = spec.filter((f) => f.required && !columns.has(f.name) && configured?.[f.name] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => `${f.name} (${[f.name, ...f.aliases.slice(0, 3)].map((a) => `"${a}"`).join(', ')}…)`);
    problems.push(
      error(
        `missing required column${missing.length > 1 ? 's' : ''} ${names.join('; ')}; found ${headers.map((h) => JSON.stringify(h.trim())).join(', ')}. Name the columns in the config: "columns": {"${kind}": {"${missing[0]!.name}": "Header in the file"}}`,
        where,
      ),
    );
  }
  return { columns, problems };
}
