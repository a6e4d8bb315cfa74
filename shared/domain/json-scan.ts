// Locating faults in text that JSON.parse rejected: workbooks in the host, SBOMs in the renderer.
// V8's messages differ between Node versions and engines and often omit the position
// ("Unexpected token 'x', "x" is not valid JSON"), but users need a line and column, and we need
// to know whether the text simply stops early (a truncated copy) or is wrong in the middle. This
// scanner re-reads the text, strictly per RFC 8259, iteratively so deep nesting cannot overflow
// the stack. It only runs after a parse failure.

export interface JsonFault {
  /** Index in the text (UTF-16 units) where the scanner gave up. */
  offset: number;
  /** True when the text ended while more was required: the file was cut short. */
  atEnd: boolean;
  /** What was expected there, e.g. "',' or '}'". */
  expected: string;
}

type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

const EXPECTED: Record<Want, string> = {
  value: 'a value',
  'value-or-close': "a value or ']'",
  key: 'a property name in double quotes',
  'key-or-close': "a property name in double quotes or '}'",
  colon: "':'",
  after: "',' or a closing bracket",
};

const closeOrComma = (open: '{' | '[') => (open === '{' ? "',' or '}'" : "',' or ']'");

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Returns the first fault, or null if the text is valid JSON. */
export function locateJsonFault(text: string): JsonFault | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let want: Want = 'value';
  const fault = (at: number, expected: string): JsonFault => ({ offset: at, atEnd: at >= n, expected });

  while (true) {
    while (i < n && isWs(text[i]!)) i++;
    if (i >= n) {
      if (want !== 'after') return fault(n, EXPECTED[want]);
      return stack.length === 0 ? null : fault(n, closeOrComma(stack.at(-1)!));
    }
    const c = text[i]!;
    if (want === 'after') {
      const top = stack.at(-1);
      if (!top) return fault(i, 'the end of the file');
      if (c === ',') want = top === '{' ? 'key' : 'value';
      else if (c === (top === '{' ? '}' : ']')) stack.pop();
      else return fault(i, closeOrComma(top));
      i++;
      continue;
    }
    if (want === 'colon') {
      if (c !== ':') return fault(i, EXPECTED.colon);
      i++;
      want = 'value';
      continue;
    }
    if (want === 'key' || want === 'key-or-close') {
      if (want === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        want = 'after';
        continue;
      }
      if (c !== '"') return fault(i, EXPECTED[want]);
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      want = 'colon';
      continue;
    }
    // want is 'value' or 'value-or-close'
    if (want === 'value-or-close' && c === ']') {
      stack.pop();
      i++;
      want = 'after';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      want = c === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    const end =
      c === '"' ? scanString(text, i) : c === '-' || isDigit(c) ? scanNumber(text, i) : scanWord(text, i);
    if (typeof end !== 'number') return end ?? fault(i, EXPECTED[want]);
    i = end;
    want = 'after';
  }
}

/** Scans a string starting at its opening quote; returns the index after the closing quote. */
function scanString(text: string, start: number): number | JsonFault {
  const n = text.length;
  for (let j = start + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20)
      return { offset: j, atEnd: false, expected: "a closing '\"' (control characters must be escaped)" };
    if (c !== 0x5c) continue;
    const e = text[j + 1];
    if (e === undefined) break;
    if (e === 'u') {
      for (let k = 2; k < 6; k++) {
        const h = text[j + k];
        if (h === undefined) return { offset: n, atEnd: true, expected: 'four hex digits after \\u' };
        if (!/[0-9a-fA-F]/.test(h))
          return { offset: j + k, atEnd: false, expected: 'four hex digits after \\u' };
      }
      j += 5;
    } else if ('"\\/bfnrt'.includes(e)) j++;
    else return { offset: j + 1, atEnd: false, expected: 'a valid escape such as \\n or \\"' };
  }
  return { offset: n, atEnd: true, expected: "a closing '\"'" };
}

function scanNumber(text: string, start: number): number | JsonFault {
  let j = start;
  const digits = (what: string): JsonFault | null => {
    if (!isDigit(text[j])) return { offset: j, atEnd: j >= text.length, expected: what };
    while (isDigit(text[j])) j++;
    return null;
  };
  if (text[j] === '-') j++;
  if (text[j] === '0') j++;
  else {
    const f = digits('a digit');
    if (f) return f;
  }
  if (text[j] === '.') {
    j++;
    const f = digits('a digit after the decimal point');
    if (f) return f;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    const f = digits('a digit in the exponent');
    if (f) return f;
  }
  return j;
}

/** true / false / null. A prefix that runs into the end of the text counts as truncation. */
function scanWord(text: string, start: number): number | JsonFault | null {
  for (const word of ['true', 'false', 'null']) {
    const piece = text.slice(start, start + word.length);
    if (piece === word) return start + word.length;
    if (start + piece.length === text.length && word.startsWith(piece)) {
      return { offset: text.length, atEnd: true, expected: `the rest of "${word}"` };
    }
  }
  return null;
}

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Byte offset of the first byte that is not valid UTF-8, or -1 when all of it is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += extra + 1;
  }
  return -1;
}
