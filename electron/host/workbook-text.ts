// The workbook file's text: JSON indented by two spaces, as JSON.stringify(file, null, 2) would
// write it, except that a long list of records (readings, usage days, imported people, the
// audit log) is written one record a line. Pretty-printing 100,000 imported records gave each
// field its own line: 19 MB where this writes 12, the same JSON to any reader, and a record a
// line is what a person scrolling or diffing the file wants anyway.
//
// The text is encoded in pieces (a long list's lines in groups of 256), each group as soon as it
// is made. V8 makes a whole string two-byte as soon as one character in it is (an accented
// name, a dash), and encoding one 18 MB two-byte string to UTF-8 took most of a second on a busy
// host; in pieces, only the few with such a character are two-byte. Encoded at once, a group's
// string dies young: holding all of them until the end had the collector copy 18 MB of strings.

/** A list this long, of records only, is written one record a line. */
export const LONG_LIST = 64;
/** Lines of a long list are joined in groups this size: few strings, each one-byte if it can be. */
const GROUP = 256;

export function workbookBytes(file: unknown): Buffer {
  const parts: (string | Buffer)[] = [];
  write(file, '', parts);
  parts.push('\n');
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function write(value: unknown, indent: string, out: (string | Buffer)[]): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length >= LONG_LIST && value.every(isRecord)) {
      const between = `,\n${inner}`;
      for (let g = 0; g < value.length; g += GROUP) {
        const lines = value.slice(g, g + GROUP).map((item) => JSON.stringify(item));
        out.push(Buffer.from(`${g === 0 ? `[\n${inner}` : between}${lines.join(between)}`, 'utf8'));
      }
      out.push(`\n${indent}]`);
    } else out.push(pretty(value, indent));
    return;
  }
  if (!isRecord(value)) {
    out.push(pretty(value, indent));
    return;
  }
  // Objects are walked (the workbook's sections hold the long lists); JSON.stringify skips
  // undefined members, and so does this.
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  keys.forEach((key, i) => {
    out.push(`${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    write(value[key], inner, out);
  });
  out.push(`\n${indent}}`);
}

/** JSON.stringify's own two-space layout, carried over to this depth. */
function pretty(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}
