import { createContext, type ReactNode, useContext } from "react";
import type { Translate } from "./translator";

const TranslatorContext = createContext<Translate>((key) => key);

export function TranslationProvider({ t, children }: { t: Translate; children: ReactNode }) {
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}

/** The page's translator: `const { t } = useTranslation()`. */
export function useTranslation(): { t: Translate } {
  return { t: useContext(TranslatorContext) };
}
