/**
 * The customers file's coded values, in the words accountants use: terms (`30`, `30 jours`,
 * `45 FDM`, `45 jours fin de mois`, `45EOM`), kind, status and language.
 */
import { normaliseHeader } from './headers.js';
import type { CustomerKind, CustomerStatus, Language } from '../../model/types.js';

export interface ParsedTerms {
  readonly days: number;
  readonly endOfMonth: boolean;
}

const TERMS = /^(?:net)?(\d{1,3})(?:j|jours?|d|days?)?(?:net)?(fdm|findemois|eom|endofmonth)?$/;
const TERMS_EOM_FIRST = /^(?:fdm|findemois|eom|endofmonth)(\d{1,3})(?:j|jours?|d|days?)?$/;

/** Days from 0 to 365, or null when the text is no terms. Empty text is handled by the caller. */
export function parseTerms(raw: string): ParsedTerms | null {
  // Not normaliseHeader: dots and minus signs matter here (`30.5` and `-10` are no terms).
  const t = raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_]/g, '');
  const m = TERMS.exec(t);
  const days = m ? Number(m[1]) : NaN;
  if (m && days <= 365) return { days, endOfMonth: m[2] !== undefined };
  const e = TERMS_EOM_FIRST.exec(t);
  if (e && Number(e[1]) <= 365) return { days: Number(e[1]), endOfMonth: true };
  return null;
}

export function parseKind(raw: string): CustomerKind | null {
  const t = normaliseHeader(raw);
  if (['', 'business', 'b2b', 'entreprise', 'professionnel', 'pro', 'societe', 'company'].includes(t)) return 'business';
  if (['consumer', 'b2c', 'particulier', 'consommateur', 'individual', 'private'].includes(t)) return 'consumer';
  return null;
}

const INSOLVENCY = ['insolvency', 'procedurecollective', 'redressement', 'liquidation', 'sauvegarde', 'rj', 'lj'];

export function parseStatus(raw: string): CustomerStatus | null {
  const t = normaliseHeader(raw);
  if (['', 'active', 'actif', 'active', 'normal', 'ok'].includes(t)) return 'active';
  if (INSOLVENCY.some((k) => t === k || (k.length > 2 && t.startsWith(k)))) return 'insolvency';
  return null;
}

export function parseLanguage(raw: string): Language | null {
  const t = normaliseHeader(raw);
  if (['', 'fr', 'fra', 'fre', 'francais', 'french'].includes(t)) return 'fr';
  if (['en', 'eng', 'anglais', 'english'].includes(t)) return 'en';
  return null;
}
