/**
 * What a journal is, from its code and name: opening entries (à-nouveaux) and sales
 * journals. Answers are cached per (code, name) pair: a FEC has a handful of journals.
 */
import { fold } from './values.js';

const OPENING_CODES = new Set(['an', 'ano', 'ran', 'anc', 'a-nouveaux', 'ouv']);
/** In a folded JournalLib: "A nouveaux", "Report à nouveau", "Ouverture", "Bilan d'ouverture". */
const OPENING_NAME = /nouveau|ouverture/;

export class JournalKinds {
  private readonly cache = new Map<string, { opening: boolean; sales: boolean }>();
  private readonly salesCodes: ReadonlySet<string> | null;

  /** `salesJournals`: exact codes from the config (case-insensitive); undefined: the default rule. */
  constructor(salesJournals: readonly string[] | undefined) {
    this.salesCodes = salesJournals ? new Set(salesJournals.map((c) => c.trim().toLowerCase())) : null;
  }

  of(code: string, name: string): { opening: boolean; sales: boolean } {
    const key = `${code}\u0001${name}`;
    let k = this.cache.get(key);
    if (!k) {
      const c = code.trim().toLowerCase();
      const n = fold(name);
      const opening = OPENING_CODES.has(c) || OPENING_NAME.test(n);
      const sales = this.salesCodes ? this.salesCodes.has(c) : c.startsWith('v') || n.includes('vente');
      this.cache.set(key, (k = { opening, sales }));
    }
    return k;
  }
}
