import { useState } from 'react';
import { type ExportDocument, exportFileName } from '../../shared/export/document';
import { toMarkdown } from '../../shared/export/markdown';
import { getBridge, toBridgeError } from '../bridge';
import { pushToast, useAppStore } from '../store/app-store';
import { toHtml } from './html';
import { fromBase64, saveFile } from './save-file';

// The three ways out for any export document: printable HTML, PDF (the desktop app prints the
// same HTML in a script-free window) and Markdown. The document is built when a button is
// pressed, from the workbook as it is at that moment.

type Format = 'html' | 'pdf' | 'md';

interface Props {
  /** Builds the document now; async so a caller can hash or fetch what it needs first. */
  build(): Promise<ExportDocument> | ExportDocument;
  testid: string;
  disabled?: boolean;
}

export function ExportButtons({ build, testid, disabled = false }: Props) {
  const [busy, setBusy] = useState<Format | null>(null);
  const desktop = useAppStore((s) => s.session?.dialogs ?? false);

  const run = async (format: Format) => {
    setBusy(format);
    try {
      const doc = await build();
      if (format === 'md') {
        saveFile(exportFileName(doc.title, 'md'), toMarkdown(doc), 'text/markdown;charset=utf-8');
      } else {
        const html = await toHtml(doc);
        if (format === 'html') saveFile(exportFileName(doc.title, 'html'), html, 'text/html;charset=utf-8');
        else {
          const { base64 } = await getBridge().invoke('export:print-pdf', { html });
          saveFile(exportFileName(doc.title, 'pdf'), fromBase64(base64), 'application/pdf');
        }
      }
    } catch (err) {
      pushToast('error', toBridgeError(err).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-buttons" data-testid={testid}>
      <button
        type="button"
        className="btn primary"
        disabled={disabled || busy !== null}
        onClick={() => run('html')}
        data-testid={`${testid}-html`}
      >
        {busy === 'html' ? 'Preparing…' : 'Save as HTML'}
      </button>
      {desktop ? (
        <button
          type="button"
          className="btn"
          disabled={disabled || busy !== null}
          onClick={() => run('pdf')}
          data-testid={`${testid}-pdf`}
        >
          {busy === 'pdf' ? 'Printing…' : 'Save as PDF'}
        </button>
      ) : null}
      <button
        type="button"
        className="btn"
        disabled={disabled || busy !== null}
        onClick={() => run('md')}
        data-testid={`${testid}-md`}
      >
        {busy === 'md' ? 'Preparing…' : 'Save as Markdown'}
      </button>
      {desktop ? null : (
        <p className="muted small">
          For a PDF, open the HTML file and print it to PDF from the browser: it is laid out for A4.
        </p>
      )}
    </div>
  );
}
