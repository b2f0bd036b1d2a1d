/** Small helpers shared by the readers: deadlines, output limits, dates and whitespace. */
import { ReaderError, type ReaderLimits } from './reader.js';

/** Default limits, for callers and tests that have none of their own. */
export const DEFAULT_LIMITS: ReaderLimits = { maxBytes: 5 * 1024 * 1024, maxChars: 2_000_000, timeoutMs: 20_000 };

/**
 * Runs `work` with a wall-clock budget: rejects with ReaderError when the budget runs out first. The
 * deadline lets cooperative work (page loops) stop early; `onTimeout` releases resources (a PDF
 * document). Work that never yields to the event loop cannot be interrupted, so readers check
 * `deadline.check()` between units of work.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: (deadline: Deadline) => Promise<T>,
  onTimeout?: () => void,
): Promise<T> {
  const deadline = new Deadline(timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadline.expire();
      try {
        onTimeout?.();
      } catch {
        // releasing is best effort
      }
      reject(new ReaderError(`took longer than ${timeoutMs} ms, gave up`));
    }, Math.max(0, timeoutMs));
  });
  try {
    return await Promise.race([work(deadline), expired]);
  } finally {
    clearTimeout(timer);
  }
}

export class Deadline {
  private readonly end: number;
  private expired = false;
  constructor(readonly timeoutMs: number) {
    this.end = Date.now() + timeoutMs;
  }
  expire(): void {
    this.expired = true;
  }
  /** Throws ReaderError once the budget is spent. */
  check(): void {
    if (this.expired || Date.now() > this.end) throw new ReaderError(`took longer than ${this.timeoutMs} ms, gave up`);
  }
}

/** Throws when a reader's text grows past maxChars. */
export function checkChars(length: number, limits: ReaderLimits): void {
  if (length > limits.maxChars) throw new ReaderError(`text longer than ${limits.maxChars} characters (the limit), refused`);
}

/** CJK ideographs and full-width punctuation/forms: the characters next to which a space is layout, not content. */
export const CJK_CHAR = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;

/** Whether a character is CJK (an ideograph or full-width punctuation). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/** Trims spaces of every kind (ASCII, no-break, ideographic) from both ends. */
export function trimAll(s: string): string {
  return s.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, '');
}

/** "2016-11-22 09:53", "2007-08-20-23:59:59", "2017年3月16日", "D:20240429…" → "yyyy-mm-dd", or undefined. */
export function normalizeDate(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  const m =
    /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(s) ??
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The date a document states near its top on a line of its own ("2017年3月16日", "（2024年4月29日）"),
 * as bulletins and reports do under their title; undefined when there is none in the first lines.
 */
export function statedDate(text: string, lines = 8): string | undefined {
  const head = text.split('\n', lines);
  for (const line of head) {
    const m = /^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?$/.exec(trimAll(line));
    if (m) return normalizeDate(`${m[1]}-${m[2]}-${m[3]}`);
  }
  return undefined;
}

/** A metadata string worth keeping: trimmed, non-empty, not absurdly long. */
export function cleanMeta(raw: string | null | undefined, maxLength = 200): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = trimAll(raw.replace(/[ \t\r\n\f\v]+/g, ' '));
  return s && s.length <= maxLength ? s : undefined;
}
