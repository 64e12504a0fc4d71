// Where the page's translations come from. On the server: the bundled locales (set by entry.server). In the
// browser: the per-language script the page loads before hydration (/i18n/<code>?v=…, cached for a year),
// so translations are not re-sent in every page's data.
import type { ResourceLanguage } from "i18next";
import type { LanguageCode } from "./languages";

declare global {
  interface Window {
    __I18N__?: ResourceLanguage;
  }
}

let provide: (code: LanguageCode) => ResourceLanguage = () =>
  (typeof window !== "undefined" && window.__I18N__) || {};

export function setPageResources(provider: (code: LanguageCode) => ResourceLanguage): void {
  provide = provider;
}

export function pageResources(code: LanguageCode): ResourceLanguage {
  return provide(code);
}
