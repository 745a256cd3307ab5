/** What the config may say about CSV inputs (config keys `csv` and `columns`). */
export interface CsvReadOptions {
  /** How to read an amount such as `1.234` that could be read two ways; unset: decide per file. */
  readonly decimal?: 'comma' | 'dot';
  /** Forces the encoding; unset: UTF-8 (BOM accepted), else Windows-1252 when the bytes are not UTF-8. */
  readonly encoding?: 'utf-8' | 'windows-1252';
  /** Config `columns.<kind>`: field name → header in the file, overriding the built-in names. */
  readonly columns?: Readonly<Record<string, string>>;
}
