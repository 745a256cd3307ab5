/**
 * Letter file names: `<as-of>_<step>_<customer>.pdf`. The customer part keeps only
 * `[A-Za-z0-9._-]` (accents are transliterated first), never starts with a dot and is never
 * empty, so no customer id can leave the output folder or hide a file; two customers that
 * sanitise alike get `-2`, `-3`… in input order. Pure.
 */
import type { IsoDate } from '../model/types.js';

export function sanitiseFilePart(raw: string): string {
  const ascii = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let s = ascii.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').replace(/\.{2,}/g, '.');
  s = s.slice(0, 80).replace(/[._]+$/, '');
  return s === '' ? 'customer' : s;
}

export interface NamedLetter {
  readonly asOf: IsoDate;
  readonly step: string;
  readonly customer: string;
}

/** Unique names, case-insensitively (macOS and Windows file systems fold case). */
export function letterFileNames(letters: readonly NamedLetter[]): string[] {
  const used = new Set<string>();
  return letters.map((l) => {
    const base = `${l.asOf}_${l.step}_${sanitiseFilePart(l.customer)}`;
    let name = `${base}.pdf`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.pdf`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * `<as-of>_combined.pdf`, or `-2`, `-3`… when `taken` says that name is used (a second run the
 * same day into the same folder): a combined file holds only its run's letters, so a new one
 * gets a new name rather than failing or replacing the first.
 */
export function combinedFileName(asOf: IsoDate, taken: (name: string) => boolean = () => false): string {
  let name = `${asOf}_combined.pdf`;
  for (let n = 2; taken(name); n++) name = `${asOf}_combined-${n}.pdf`;
  return name;
}
export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_CSV = 'manifest.csv';
