// One i18next instance per language, created synchronously from bundled resources. The server renders and
// the browser hydrates with the same instance, so text never flickers or mismatches.
import { createInstance, type i18n as I18n, type ResourceLanguage } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, type LanguageCode } from "./languages";
import { NAMESPACES } from "./namespaces";

const instances = new Map<LanguageCode, I18n>();

export function i18nFor(code: LanguageCode, resources: ResourceLanguage): I18n {
  const cached = instances.get(code);
  if (cached) return cached;
  const instance = createInstance();
  void instance.use(initReactI18next).init({
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
  instances.set(code, instance);
  return instance;
}
