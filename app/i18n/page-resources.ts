// Where the page's translations come from. The shell's: on the server, the bundled locales (set by
// entry.server); in the browser, the per-language script the page loads before hydration (/i18n/<code>?v=…,
// cached for a year). The page's own: its routes' data (page-texts.ts).
import type { ResourceLanguage } from "i18next";
import { languageFor, type LanguageCode } from "./languages";
import { mergeTexts, textsIn } from "./page-texts";
import { type Translate, translatorFor } from "./translator";

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

const merged = new WeakMap<ResourceLanguage, WeakMap<ResourceLanguage, ResourceLanguage>>();

function withTexts(resources: ResourceLanguage, texts: ResourceLanguage): ResourceLanguage {
  let byTexts = merged.get(resources);
  if (!byTexts) merged.set(resources, (byTexts = new WeakMap()));
  let result = byTexts.get(texts);
  if (!result) byTexts.set(texts, (result = mergeTexts(resources, texts)));
  return result;
}

/**
 * The translator for a page: the shell's texts and those its routes sent with their data (each merge made
 * once, so the translator and its remembered lookups last as long as the data does).
 */
export function pageTranslator(code: LanguageCode, routeData: readonly unknown[]): Translate {
  let resources = pageResources(code);
  for (const data of routeData) {
    const texts = textsIn(data);
    if (texts) resources = withTexts(resources, texts);
  }
  return translatorFor(languageFor(code).tag, resources);
}
