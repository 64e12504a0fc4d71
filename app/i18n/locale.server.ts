// Chooses the visitor's language: the `lang` cookie set by the language switcher, then Accept-Language.
import { RemixI18Next } from "remix-i18next/server";
import { portalCookie } from "~/http/cookies.server";
import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGE_COOKIE, LANGUAGE_CODES, type LanguageCode } from "./languages";

export const languageCookie = portalCookie(LANGUAGE_COOKIE, { maxAge: 60 * 60 * 24 * 365 });

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGE_CODES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
});

export async function localeFor(request: Request): Promise<LanguageCode> {
  try {
    const locale = await detector.getLocale(request);
    return isLanguageCode(locale) ? locale : DEFAULT_LANGUAGE;
  } catch {
    // A malformed cookie or header must never stop the page: fall back to English.
    return DEFAULT_LANGUAGE;
  }
}
