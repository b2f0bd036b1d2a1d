/**
 * PDF files with a text layer, through Mozilla's pdf.js (pdfjs-dist, legacy build for Node; 5.6.205 is
 * the last release that supports Node 20). pdf.js is given the CMaps and standard fonts that ship inside
 * pdfjs-dist, so CID-keyed Chinese fonts (Adobe-GB1 with UniGB-UCS2-H and the like, often not embedded)
 * decode to the right characters rather than to nothing. Layout rebuilding is in pdf-layout.ts.
 *
 * unpdf (a wrapper around a pdf.js build) was not used: its releases need Node ≥ 22 as well, and it adds
 * nothing for text extraction. No OCR: a scanned PDF is refused as having no text layer.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isPdf } from './magic.js';
import { layoutPdf, type PdfPage, type PdfTextRun } from './pdf-layout.js';
import { ReaderError, type DocumentReader, type ReadDocument, type ReaderLimits } from './reader.js';
import { checkChars, cleanMeta, statedDate, withDeadline } from './util.js';

const PDFJS_DIR = dirname(dirname(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'))));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';
/** Most pages a PDF may have; more is refused rather than read for minutes. */
const MAX_PAGES = 2000;

export const pdfReader: DocumentReader = {
  name: 'pdf',
  extensions: ['.pdf'],
  sniff: (bytes) => isPdf(bytes),
  async read(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadDocument> {
    if (!isPdf(bytes)) throw new ReaderError('not a PDF');
    // pdf.js is several megabytes of code: loaded by the first PDF, not by every start.
    const { getDocument, Util } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = getDocument({
      // pdf.js takes a plain Uint8Array (not a Buffer) and may detach it: always hand it a copy.
      data: new Uint8Array(bytes),
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      standardFontDataUrl: STANDARD_FONTS_URL,
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    return withDeadline(
      limits.timeoutMs,
      async (deadline) => {
        let doc: PDFDocumentProxy;
        try {
          doc = await task.promise;
        } catch (err) {
          throw openError(err);
        }
        try {
          if (doc.numPages > MAX_PAGES) throw new ReaderError(`${doc.numPages} pages, over the limit of ${MAX_PAGES}`);
          const pages: PdfPage[] = [];
          let chars = 0;
          for (let n = 1; n <= doc.numPages; n++) {
            deadline.check();
            const page = await doc.getPage(n);
            const viewport = page.getViewport({ scale: 1 });
            const content = await page.getTextContent();
            const runs: PdfTextRun[] = [];
            for (const item of content.items) {
              if (!('str' in item) || !item.str) continue;
              // Page space with y downwards (rotation and crop box applied).
              const m = Util.transform(viewport.transform, item.transform) as number[];
              const size = Math.hypot(m[2]!, m[3]!);
              // Vertical or rotated runs are rare in these documents; they are read as they come.
              runs.push({ str: item.str, x: m[4]!, y: m[5]!, width: item.width, size });
              chars += item.str.length;
            }
            checkChars(chars, limits);
            pages.push({ width: viewport.width, height: viewport.height, runs });
            page.cleanup();
          }
          deadline.check();
          const layout = layoutPdf(pages);
          if (!layout.text.trim()) throw new ReaderError('no text layer (a scanned PDF?)');
          checkChars(layout.text.length, limits);
          const info = (await doc.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
          return {
            text: layout.text,
            pages: layout.pages,
            title: pdfTitle(info?.Title),
            date: statedDate(layout.text),
            warnings: layout.warnings,
          };
        } finally {
          await doc.destroy().catch(() => undefined);
        }
      },
      () => void task.destroy().catch(() => undefined),
    );
  },
};

function openError(err: unknown): ReaderError {
  if (err instanceof ReaderError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new ReaderError('encrypted PDF');
  if (name === 'InvalidPDFException') return new ReaderError('corrupt PDF');
  return new ReaderError(`corrupt PDF (${message.split('\n')[0]})`);
}

/** The Info dictionary's title, unless it is a generator's placeholder ("Microsoft Word - x.docx"). */
function pdfTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const title = cleanMeta(raw.replace(/^Microsoft (Word|PowerPoint|Excel) - /, ''));
  if (!title || /\.(docx?|xlsx?|pptx?|wps|pdf|txt)$/i.test(title) || /^(untitled|无标题|标题)$/i.test(title)) return undefined;
  return title;
}
