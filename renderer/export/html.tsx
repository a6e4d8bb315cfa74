import { renderToStaticMarkup } from 'react-dom/server';
import type { ExportDocument } from '../../shared/export/document';
import { ExportBody } from './ExportView';
import { EXPORT_CSS } from './export-styles';

// The export document as one self-contained HTML file: inline CSS, no script, nothing fetched.
// Its Content-Security-Policy allows nothing but that one style sheet (by hash), so even a
// string that somehow became markup could not run, load or send anything.

async function styleHash(css: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/** The policy the exported file carries, for its one inline style sheet. */
export async function exportPolicy(css = EXPORT_CSS): Promise<string> {
  return [
    "default-src 'none'",
    `style-src 'sha256-${await styleHash(css)}'`,
    "img-src 'none'",
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export async function toHtml(doc: ExportDocument): Promise<string> {
  const policy = await exportPolicy();
  const page = renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={policy} />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.title}</title>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant style sheet, never workbook text */}
        <style dangerouslySetInnerHTML={{ __html: EXPORT_CSS }} />
      </head>
      <body>
        <ExportBody doc={doc} />
      </body>
    </html>,
  );
  return `<!DOCTYPE html>\n${page}\n`;
}
