// The portal's languages: English and the three most common main languages after English in Coventry at the
// 2021 census (Polish, Panjabi, Romanian), plus Urdu and Arabic. `tag` is the BCP 47 tag for <html lang>.
export const LANGUAGES = [
  { code: "en", tag: "en-GB", dir: "ltr" },
  { code: "pl", tag: "pl", dir: "ltr" },
  { code: "pa", tag: "pa-Guru", dir: "ltr" },
  { code: "ro", tag: "ro", dir: "ltr" },
  { code: "ur", tag: "ur", dir: "rtl" },
  { code: "ar", tag: "ar", dir: "rtl" },
] as const;

export type Language = (typeof LANGUAGES)[number];
export type LanguageCode = Language["code"];

export const DEFAULT_LANGUAGE: LanguageCode = "en";
export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((language) => language.code);

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && (LANGUAGE_CODES as readonly string[]).includes(value);
}

export function languageFor(code: LanguageCode): Language {
  return LANGUAGES.find((language) => language.code === code) ?? LANGUAGES[0];
}

/** The cookie that remembers the visitor's chosen language. */
export const LANGUAGE_COOKIE = "lang";
