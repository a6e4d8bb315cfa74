import { describe, expect, it } from 'vitest';
import { decodeCsv, MAX_CSV_BYTES, parseCsv, sniffDelimiter } from '../../../shared/import/csv';

// A picked file → text → rows. UTF-8 with or without a byte-order mark; everything else is
// refused with what it looks like and how to save it right. The delimiter is sniffed.

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = (bytes: Uint8Array) => {
  const d = decodeCsv(bytes, 'export.csv');
  return d.ok ? 'decoded' : d.message;
};

describe('decoding a file', () => {
  it('reads UTF-8 with and without a byte-order mark, and says which', () => {
    expect(decodeCsv(utf8('a;b\n1;2\n'), 'x.csv')).toEqual({ ok: true, text: 'a;b\n1;2\n', bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('"name";"é"\n')]);
    expect(decodeCsv(withBom, 'x.csv')).toEqual({ ok: true, text: '"name";"é"\n', bom: true });
  });

  it('refuses UTF-16 (with either mark, or without one), zip files and binary files, saying what they are', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3b, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0x3b]);
    for (const bytes of [le, be]) {
      expect(refusal(bytes)).toBe(
        'export.csv is UTF-16 text (it starts with a UTF-16 byte-order mark). Save it from its program as CSV (UTF-8) and import that file.',
      );
    }
    const bare = new Uint8Array([...'Time;Value\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(refusal(bare)).toBe(
      'export.csv looks like UTF-16 text (every other byte is zero). Save it from its program as CSV (UTF-8) and import that file.',
    );
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(
      /is a zip file \(an Excel \.xlsx workbook, perhaps\)/,
    );
    expect(
      refusal(new Uint8Array([...utf8('Time;Value\n2026'), 0, 1, 2, 3, ...utf8('xxxxxxxxxxxxxxxxxxxxxxxx')])),
    ).toBe('export.csv is not a text file: byte 16 is a zero byte, which CSV text never holds.');
  });

  it('refuses text in another code page, naming the byte and line', () => {
    // "Café" in Windows-1252 on the third line.
    const bytes = new Uint8Array([...utf8('Series;Time;Value\nA;1;2\nCaf'), 0xe9, ...utf8(';1;2\n')]);
    expect(refusal(bytes)).toBe(
      'export.csv is not UTF-8 text: byte 28 (line 3) is not valid UTF-8. It may be in a Windows or Mac code page. Save it from its program as CSV (UTF-8) and import that file.',
    );
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(refusal(new Uint8Array())).toBe('export.csv is empty: there is nothing to import.');
    expect(refusal(new Uint8Array(MAX_CSV_BYTES + 1))).toMatch(
      /^export\.csv is 50\.0 MB; an import reads at most 50\.0 MB/,
    );
  });
});

describe('the delimiter', () => {
  it('is sniffed among semicolon, comma and tab', () => {
    expect(sniffDelimiter('Time;1024;128\n2017-08-15T18:30:00.000Z;11.9;44.2\n')).toBe(';');
    expect(sniffDelimiter('time,value\n2026-11-20T10:00:00Z,1\n')).toBe(',');
    expect(sniffDelimiter('time\tvalue\tnote\n2026-11-20T10:00:00Z\t1\ta, b; c\n')).toBe('\t');
  });

  it('is not fooled by commas inside unquoted series names (Grafana long exports)', () => {
    const text = [
      'Series;Time;Value',
      'net.out(device=eth0,hostname=mini-mon,service=monitoring,);2016-05-19T11:36:27.000Z;8.26',
      'net.out(device=eth1,hostname=router7,service=streaming,);2016-05-19T11:36:42.000Z;7.4',
    ].join('\n');
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('respects quotes: a delimiter or a line break inside quotes is part of the value', () => {
    const parsed = parseCsv('"name","value"\n"a, b","1,5"\n"multi\nline","2"\n', ',');
    expect(parsed.header).toEqual(['name', 'value']);
    expect(parsed.rows).toEqual([
      ['a, b', '1,5'],
      ['multi\nline', '2'],
    ]);
  });
});

describe('rows and their numbers', () => {
  it('numbers rows as a spreadsheet does (the header is row 1) and drops the final newline only', () => {
    const parsed = parseCsv('a;b\r\n1;2\r\n\r\n3;4\r\n', ';');
    expect(parsed.header).toEqual(['a', 'b']);
    // The blank line stays, so row 4 is still row 4; the last newline ends row 4, it is no row.
    expect(parsed.rows).toEqual([['1', '2'], [''], ['3', '4']]);
  });

  it('numbers rows the CSV parser cannot read by their row in the file, across chunk boundaries', () => {
    // Each row ~1 KB, so the file spans several of the parser's 1 MB chunks.
    const filler = 'x'.repeat(1000);
    const lines = ['name;note'];
    for (let i = 0; i < 3000; i++)
      lines.push(i === 2500 ? `bad;"quoted" then more ${filler}` : `ok${i};${filler}`);
    const parsed = parseCsv(`${lines.join('\n')}\n`, ';');
    // A broken quote runs on to the end of the file: that row is refused, and so the import.
    expect(parsed.rows).toHaveLength(2501);
    expect(parsed.problems).toEqual([
      { row: 2502, reason: 'the CSV cannot be read here: Trailing quote on quoted field is malformed' },
    ]);
  });

  it('reports progress as it goes', () => {
    const seen: number[] = [];
    parseCsv(`a;b\n${'1;2\n'.repeat(700_000)}`, ';', (done) => seen.push(done));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
  });
});
