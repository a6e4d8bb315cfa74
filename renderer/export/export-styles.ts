// The exported document's one style sheet, inlined in its <style> element and allowed by the
// CSP through its own SHA-256, so the file needs nothing from outside and runs nothing.
// Print first: A4 with margins, dark text on white, tables that break between rows, and a
// watermark that repeats on every printed page (position: fixed does, in Chromium).

export const EXPORT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
html { color: #141922; background: #ffffff; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1d5bc4; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
h4, h5, h6 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin: 0.5mm 0; }
.subtitle { font-size: 11.5pt; color: #3d4656; }
.status { display: inline-block; margin: 0 0 3mm; padding: 0.5mm 3mm; border: 1.5pt solid #8a4f00; color: #8a4f00; font-weight: 700; letter-spacing: 0.08em; }
header { border-bottom: 0.5pt solid #b8bfcc; padding-bottom: 3mm; margin-bottom: 2mm; }
dl.facts { display: grid; grid-template-columns: 36mm 1fr; gap: 0.8mm 4mm; margin: 0 0 2mm; }
dd ul { margin: 0.5mm 0 0; padding-left: 5mm; color: #3d4656; }
p, dd, td, li { white-space: pre-line; }
dl.facts > div { display: contents; }
dt { font-weight: 600; color: #3d4656; }
dd { margin: 0; overflow-wrap: anywhere; }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 9pt; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border: 0.5pt solid #b8bfcc; overflow-wrap: anywhere; }
th { background: #eef0f4; }
tr { break-inside: avoid; }
.slot { border: 1pt dashed #7b8597; padding: 2mm 3mm; margin: 0 0 2mm; color: #3d4656; }
.tone-ok { color: #17683a; }
.tone-warn { color: #8a4f00; }
.tone-bad { color: #b42318; }
.tone-info { color: #153d7c; }
.tone-muted { color: #4a5464; }
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; transform: rotate(-30deg); font-size: 72pt; font-weight: 800; color: rgba(138, 79, 0, 0.12); pointer-events: none; z-index: 0; white-space: nowrap; }
main, header { position: relative; z-index: 1; }
`;
