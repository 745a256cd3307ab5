/**
 * Where things are in a JSON text, for messages that name a line: the line and column of a
 * key path (`policy.steps.1.days`), and of the offset a JSON syntax error gives. The text is
 * scanned once by a small recursive reader; it is only called on text JSON.parse accepted.
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Line and column (both 1-based) of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: end - start + 1 };
}

/**
 * Offsets of every member of the JSON `text`: the key's offset for object members, the
 * value's for array items (the root is at its value). Keyed by the path joined with `.`.
 */
export function jsonOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n\uFEFF'.includes(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (i < text.length && text[i] !== '}') {
        ws();
        const at = i;
        const key = str();
        const p = path === '' ? key : `${path}.${key}`;
        out.set(p, at);
        ws();
        i++; // ':'
        value(p);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      for (let n = 0; i < text.length && text[i] !== ']'; n++) {
        ws();
        const p = path === '' ? String(n) : `${path}.${n}`;
        out.set(p, i);
        value(p);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
    }
  };
  ws();
  out.set('', i);
  value('');
  return out;
}

/** The position of the deepest existing prefix of `path` in `text` (line 1 when none). */
export function locatePath(text: string, offsets: ReadonlyMap<string, number>, path: readonly (string | number)[]): TextPosition {
  for (let n = path.length; n >= 0; n--) {
    const at = offsets.get(path.slice(0, n).map(String).join('.'));
    if (at !== undefined) return positionAt(text, at);
  }
  return { line: 1, column: 1 };
}

/** The position of a JSON.parse failure, from the offset its message gives; the end of the text when none. */
export function syntaxErrorPosition(text: string, message: string): TextPosition {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) return { line: +lc[1]!, column: +lc[2]! };
  const m = /at position (\d+)/.exec(message);
  return positionAt(text, m ? +m[1]! : text.length);
}
