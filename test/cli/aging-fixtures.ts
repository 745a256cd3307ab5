/** CSV books shared by the in-process and end-to-end tests of `dunning aging`. */

/** Two customers; one payment dated after 2026-11-30 that the as-of date must leave out. */
export const INVOICES_CSV = [
  'number;customer;customer_name;date;due_date;amount',
  'F1;C001;ACME SA;2026-08-01;2026-08-31;1200,00',
  'F2;C001;ACME SA;2026-10-01;2026-10-31;500,00',
  'F3;C001;ACME SA;2026-11-20;2026-12-20;300,00',
  'F4;C002;Durand SARL;2026-09-01;2026-10-01;800,00',
  '',
].join('\n');
export const PAYMENTS_CSV = [
  'id;customer;date;amount;reference;invoice',
  'P1;C001;2026-11-10;200,00;acompte;F2',
  'P2;C001;2026-12-05;1200,00;virement F1;',
  'P3;C002;2026-11-25;1000,00;reglement F4;',
  '',
].join('\n');
