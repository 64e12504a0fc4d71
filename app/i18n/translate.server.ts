// Translation on the server, with every namespace: for text a loader prepares (rule explanations, emails).
import type { TFunction } from "i18next";
import { i18nFor } from "./instance";
import type { LanguageCode } from "./languages";
import { NAMESPACES } from "./namespaces";
import { resourcesFor } from "./resources.server";

export function serverT(code: LanguageCode): TFunction {
  return i18nFor(code, resourcesFor(code, NAMESPACES)).t;
}
