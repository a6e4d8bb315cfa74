import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_CSS } from '../../../renderer/export/export-styles';
import { exportPolicy, toHtml } from '../../../renderer/export/html';
import type { ExportDocument } from '../../../shared/export/document';
import { escapeMarkdown, escapeMarkdownLine, toMarkdown } from '../../../shared/export/markdown';

// The one export module: a hostile string in every slot of the document stays text in every
// format. HTML: escaped by React, no script, a CSP allowing only the file's own style sheet.
// Markdown: every character that could start markup is escaped. (tests/e2e/cab.spec.ts opens a
// real export in Chromium and prints it to PDF.)

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '[click me](javascript:alert(1))',
  '![pixel](http://evil.example/p.png)',
  '*bold* _em_ `code` ~~gone~~ # not a heading',
  '| a | b |',
  '&lt;b&gt; &amp;',
].join(' ');

const docWith = (HOSTILE: string): ExportDocument => ({
  title: `Packet ${HOSTILE}`,
  subtitle: HOSTILE,
  watermark: `DRAFT ${HOSTILE}`,
  provenance: [{ label: HOSTILE, value: HOSTILE }],
  sections: [
    {
      heading: HOSTILE,
      blocks: [
        { kind: 'paragraph', text: `${HOSTILE}\n# second line\n- third\n1. fourth` },
        { kind: 'list', items: [HOSTILE, HOSTILE] },
        {
          kind: 'facts',
          facts: [
            { label: HOSTILE, value: HOSTILE, detail: [HOSTILE, `${HOSTILE}\n- x`] },
            { label: 'Hash', value: 'ab12', mono: true },
          ],
        },
        {
          kind: 'table',
          caption: HOSTILE,
          columns: [HOSTILE, 'b'],
          rows: [[HOSTILE, { text: 'ab12', mono: true }]],
        },
        { kind: 'slot', label: HOSTILE, text: HOSTILE },
      ],
      sections: [{ heading: HOSTILE, blocks: [{ kind: 'paragraph', text: HOSTILE }] }],
    },
  ],
});
const hostileDoc = () => docWith(HOSTILE);

describe('HTML export', () => {
  it('is one self-contained page: inline CSS, no script, a CSP that allows only its own style sheet', async () => {
    const html = await toHtml(hostileDoc());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charSet="utf-8"/>')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain(`<style>${EXPORT_CSS}</style>`);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(EXPORT_CSS));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(await exportPolicy()).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    // React writes ' as &#x27; in attributes, which the browser reads back as '.
    const meta = `<meta http-equiv="Content-Security-Policy" content="${(await exportPolicy()).replaceAll("'", '&#x27;')}"/>`;
    expect(html).toContain(meta);
    // The policy is in force before the style sheet it allows.
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<style>'));
    // Text cannot hold a tag (its < is escaped), so every <…> is ours: none loads or runs anything.
    expect(html).not.toMatch(/<[^>]*\s(src|href|on[a-z]+)=/i);
  });

  it('keeps every hostile string as text: no element, attribute or script comes of it', async () => {
    const html = await toHtml(hostileDoc());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // An entity in the text is shown as typed, not decoded.
    expect(html).toContain('&amp;lt;b&amp;gt; &amp;amp;');
    // Only our own tags: everything between < and > is one of these.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        '!doctype',
        'body',
        'caption',
        'dd',
        'div',
        'dl',
        'dt',
        'h1',
        'h2',
        'h3',
        'head',
        'header',
        'html',
        'li',
        'main',
        'meta',
        'p',
        'section',
        'span',
        'strong',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
        'ul',
      ].sort(),
    );
  });
});

describe('Markdown export', () => {
  it('keeps the document’s structure whatever the text: a hostile string is only ever escaped text', () => {
    // The same document with a plain word in every slot, then that word swapped for the escaped
    // hostile string, must be exactly the hostile document's Markdown: no line, list, table cell,
    // heading or link came from the text itself.
    const plain = toMarkdown(docWith('PLAIN'));
    const hostile = toMarkdown(hostileDoc());
    const paragraph = `${HOSTILE}\n# second line\n- third\n1. fourth`;
    expect(hostile).toBe(
      plain
        .replace(escapeMarkdown('PLAIN\n# second line\n- third\n1. fourth'), escapeMarkdown(paragraph))
        .replaceAll('PLAIN', escapeMarkdownLine(HOSTILE)),
    );
    expect(hostile).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(hostile).toContain('\\[click me\\]\\(javascript:alert\\(1\\)\\)');
    expect(hostile).toContain('\\!\\[pixel\\]');
    // A new line of a comment cannot start a heading, a list or a numbered list.
    expect(hostile).toContain('  \n\\# second line  \n\\- third  \n1\\. fourth');
    // Table cells cannot be split by a pipe.
    expect(hostile).toContain('\\| a \\| b \\|');
  });

  it('keeps a code span a code span', () => {
    const md = toMarkdown({
      title: 't',
      provenance: [{ label: 'Hash', value: 'ab`<img src=x>`', mono: true }],
      sections: [],
    });
    expect(md).toContain("- **Hash:** `ab'<img src=x>'`");
  });

  it('loses nothing: unescaping gives back the text, whitespace collapsed (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme-ascii' }), (s) => {
        const out = escapeMarkdownLine(s);
        expect(out.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(s.replace(/\s+/g, ' ').trim());
        expect(out).not.toMatch(/(^|[^\\])(\\\\)*[<>[\]()`*_|!&{}~#]/);
      }),
      { numRuns: 300 },
    );
  });
});
