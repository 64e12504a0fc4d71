import { createContext, type ReactNode, useContext } from "react";
import type { ResourceLanguage } from "i18next";
import { type Translate, translatorFor } from "./translator";

const TranslatorContext = createContext<Translate>((key) => key);

export function TranslationProvider(props: { tag: string; resources: ResourceLanguage; children: ReactNode }) {
  const { tag, resources, children } = props;
  const t = translatorFor(tag, resources);
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}

/** The page's translator: `const { t } = useTranslation()`. */
export function useTranslation(): { t: Translate } {
  return { t: useContext(TranslatorContext) };
}
