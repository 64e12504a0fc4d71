// i18next on the server, one instance per language and set of namespaces, created synchronously from the
// bundled resources: for text loaders prepare (the rules' explanations, emails), which needs i18next's
// formatters and contexts. Pages render with the lighter translator in translator.ts.
import { createInstance, type i18n as I18n, type ResourceLanguage } from "i18next";
import { formatIsoDate, formatIsoDateList } from "~/rules/explanations";
import { DEFAULT_LANGUAGE, languageFor, type LanguageCode } from "./languages";
import { NAMESPACES } from "./namespaces";

const instances = new Map<string, I18n>();

/**
 * An i18next instance for one language and set of namespaces. Dates in messages (`{{from, date}}`,
 * `{{skippedDates, dateList}}`) are ISO dates, written as the language writes them.
 */
export function i18nFor(code: LanguageCode, resources: ResourceLanguage): I18n {
  const cacheKey = `${code}:${Object.keys(resources).sort().join(",")}`;
  const cached = instances.get(cacheKey);
  if (cached) return cached;
  const instance = createInstance();
  void instance.init({
    lng: code,
    fallbackLng: DEFAULT_LANGUAGE === code ? false : DEFAULT_LANGUAGE,
    supportedLngs: [code, DEFAULT_LANGUAGE],
    resources: { [code]: resources },
    ns: [...NAMESPACES],
    defaultNS: "common",
    interpolation: { escapeValue: false }, // React escapes everything it renders.
    initImmediate: false,
    returnNull: false,
  });
  const tag = languageFor(code).tag;
  instance.services.formatter?.add("date", (value: string) => formatIsoDate(value, tag));
  instance.services.formatter?.add("dateList", (value: string[]) => formatIsoDateList(value, tag));
  instances.set(cacheKey, instance);
  return instance;
}
