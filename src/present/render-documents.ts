// The admins' documents messages: what an upload would add (before Add or Discard), the list of documents,
// and the outcome of a change. Plain views in, text in a Format out (HTML for the bot).
import { adminTexts, type Lang } from './i18n.js';
import { formatFor, type Format } from './format.js';

/** What an upload would add (library/documents.ts builds it). */
export interface UploadPreviewView {
  file: string;
  replaces: string | null;
  title: string;
  format: string;
  bytes: number;
  sections: readonly string[];
  facts: number;
  figures: number;
  tables: number;
  warnings: readonly string[];
  samples: ReadonlyArray<{ question: string; figure: string }>;
}

export interface DocumentListingView {
  file: string;
  title: string;
  facts: number;
  added: { at: string; by: { id: number; name: string } } | null;
}

/** "340 KB", "4.8 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Sections named in a preview at most (a long document lists the first ones and "…"). */
const SECTIONS_SHOWN = 6;
const WARNINGS_SHOWN = 5;

export function renderUploadPreview(preview: UploadPreviewView, lang: Lang, fmt: Format = formatFor('html')): string {
  const a = adminTexts[lang];
  const separator = lang === 'zh' ? '、' : ', ';
  const names = preview.sections.slice(0, SECTIONS_SHOWN).join(separator) + (preview.sections.length > SECTIONS_SHOWN ? '…' : '');
  const lines = [
    fmt.bold(a.previewHeading(preview.title)),
    fmt.text(a.previewFile(preview.file, preview.format, formatBytes(preview.bytes))),
    ...(preview.replaces !== null ? [fmt.bold(a.previewReplaces(preview.replaces))] : []),
    fmt.text(a.previewSections(preview.sections.length, names)),
    fmt.text(a.previewCounts(preview.facts, preview.figures, preview.tables)),
  ];
  if (preview.warnings.length > 0) {
    lines.push(fmt.text(a.previewWarnings));
    for (const w of preview.warnings.slice(0, WARNINGS_SHOWN)) lines.push(fmt.text(`• ${w}`));
    if (preview.warnings.length > WARNINGS_SHOWN) lines.push(fmt.text('• …'));
  }
  lines.push('', fmt.text(a.previewSamples));
  if (preview.samples.length === 0) lines.push(fmt.text(a.previewNoSamples));
  for (const s of preview.samples) lines.push(`${fmt.text(`• ${s.question} → `)}${fmt.key(s.figure)}`);
  lines.push('', fmt.text(a.previewAsk));
  return lines.join('\n');
}

export function renderDocumentList(documents: readonly DocumentListingView[], lang: Lang, fmt: Format = formatFor('html')): string {
  const a = adminTexts[lang];
  const lines = [fmt.bold(a.documentsHeading(documents.length))];
  documents.forEach((doc, i) => {
    const added = doc.added === null ? a.addedByHand : a.addedBy(`${doc.added.at.slice(0, 16).replace('T', ' ')} UTC`, doc.added.by.name);
    lines.push(`${i + 1}. ${fmt.bold(`《${doc.title}》`)}${fmt.text(` ${doc.file} · ${a.documentFacts(doc.facts)} · ${added}`)}`);
  });
  return lines.join('\n');
}
