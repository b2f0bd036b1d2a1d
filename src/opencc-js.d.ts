declare module 'opencc-js' {
  export type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 'jp' | 't';
  export function Converter(options: { from: Locale; to: Locale }): (text: string) => string;
  /** A dictionary: "source replacement|source replacement|…", or [source, replacement] pairs. */
  export type DictLike = string | ReadonlyArray<readonly [string, string]>;
  export type DictGroup = readonly DictLike[];
  /** A converter over dictionary groups applied in order (the package's own presets are in Locale). */
  export function ConverterFactory(...dictGroups: ReadonlyArray<DictGroup | readonly DictGroup[]>): (text: string) => string;
  export const Locale: {
    from: Record<Locale, readonly DictGroup[]>;
    to: Record<Locale, readonly DictGroup[]>;
  };
}
