// Each language's name in that language (locales/<code>/meta.json), for the language switcher.
import { LANGUAGE_CODES, type LanguageCode } from "./languages";

const metaFiles = import.meta.glob<{ nativeName: string }>("../../locales/*/meta.json", {
  eager: true,
  import: "default",
});

export const NATIVE_LANGUAGE_NAMES = Object.fromEntries(
  LANGUAGE_CODES.map((code) => [code, metaFiles[`../../locales/${code}/meta.json`]?.nativeName ?? code]),
) as Record<LanguageCode, string>;
