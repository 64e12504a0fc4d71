// Every translation in locales/, bundled at build time. Service-area names are read by the seed into the
// database, so they are left out here.
import type { Resource, ResourceLanguage } from "i18next";
import { LANGUAGE_CODES, type LanguageCode } from "./languages";
import { NAMESPACES } from "./namespaces";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.json", { eager: true });

function build(): Resource {
  const resources: Resource = {};
  for (const code of LANGUAGE_CODES) resources[code] = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, code, namespace] = match;
    if (!code || !namespace || !(NAMESPACES as readonly string[]).includes(namespace)) continue;
    const language = resources[code];
    if (language) language[namespace] = module.default;
  }
  return resources;
}

export const RESOURCES = build();

export function resourcesFor(code: LanguageCode): ResourceLanguage {
  return RESOURCES[code] ?? {};
}

export function isTranslationReviewed(code: LanguageCode): boolean {
  const meta = RESOURCES[code]?.meta as { reviewed?: unknown } | undefined;
  return meta?.reviewed === true;
}

