/**
 * Does the recipient block fit the envelope window? The stylesheet gives the block a fixed
 * box (templates/styles.css `.recipient`, 85 x 33 mm, overflow hidden), so a longer address
 * would be cut off without a word: checked here, before anything is rendered, against La
 * Poste's addressing norm (AFNOR NF Z10-011): at most 6 lines (7 for mail abroad, the last
 * one being the country) of at most 38 characters, spaces included. Pure.
 *
 * The lines are those templates/partials/recipient.hbs prints, in its order and with its
 * words (address-fit.test.ts renders the shipped partial and compares).
 */
import { error } from '../model/problems.js';
import type { Customer, Language, Problem } from '../model/types.js';
import type { LetterView } from './model.js';

export const MAX_LINE_CHARS = 38;
export const MAX_LINES = 6;

/** What recipient.hbs prints before the contact's name. */
export const CONTACT_PREFIX: Readonly<Record<Language, string>> = { fr: "À l'attention de ", en: 'Attn. ' };

export interface RecipientLine {
  /** The customers file column it comes from, for the message. */
  readonly field: string;
  /** As printed (whitespace collapsed as HTML does). */
  readonly text: string;
  /** The part the customer data gives (without the template's words). */
  readonly value: string;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Characters as a reader counts them: code points of the composed form (`é` is one). */
export const charCount = (s: string): number => [...s.normalize('NFC')].length;

/** The recipient block, line by line, as recipient.hbs prints it (empty lines take no room). */
export function recipientLines(view: Pick<LetterView, 'customer' | 'language'>): RecipientLine[] {
  const c = view.customer;
  const lines: RecipientLine[] = [{ field: 'name', text: collapse(c.name), value: c.name }];
  if (c.contact) lines.push({ field: 'contact', text: collapse(CONTACT_PREFIX[view.language] + c.contact), value: c.contact });
  c.address.forEach((a, i) => lines.push({ field: c.address.length > 1 ? `address (line ${i + 1})` : 'address', text: collapse(a), value: a }));
  // Postcode, city and country as the model lays them out for the customer's country (format.ts postalLines).
  const last = c.cityLines.length - 1;
  c.cityLines.forEach((l, i) => {
    const field = c.country && i === last ? 'country' : 'postcode and city';
    lines.push({ field, text: collapse(l), value: l });
  });
  return lines.filter((l) => l.text !== '');
}

/**
 * The problems of each letter whose recipient block does not fit, at the customer's line in
 * the customers file (none for a customer known only from the books).
 */
export function addressProblems(views: readonly LetterView[], customers: ReadonlyMap<string, Customer>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const v of views) {
    if (seen.has(v.customer.id)) continue;
    seen.add(v.customer.id);
    const source = customers.get(v.customer.id)?.source ?? undefined;
    const who = source ? '' : `customer ${v.customer.id}: `;
    const lines = recipientLines(v);
    for (const l of lines) {
      const n = charCount(l.text);
      if (n <= MAX_LINE_CHARS) continue;
      const printed = l.text === collapse(l.value) ? '' : ` (printed "${l.text}")`;
      problems.push(
        error(
          `${who}found ${JSON.stringify(l.value)}${printed}, ${n} characters, expected at most ${MAX_LINE_CHARS} on an address line ` +
            `(La Poste, NF Z10-011): shorten it by ${n - MAX_LINE_CHARS}, or the envelope window cuts it off`,
          source,
          l.field,
        ),
      );
    }
    const max = MAX_LINES + (v.customer.country ? 1 : 0);
    if (lines.length > max) {
      problems.push(
        error(
          `${who}found ${lines.length} lines (${lines.map((l) => l.field).join(', ')}), expected at most ${MAX_LINES}` +
            `${v.customer.country ? ' plus the country' : ''} (La Poste, NF Z10-011): drop ${lines.length - max} (an address line, or the contact)`,
          source,
          'address',
        ),
      );
    }
  }
  return problems;
}
