// Every translation in locales/, bundled at build time. Service-area names are read by the seed into the
// database, so they are left out here.
import { createHash } from "node:crypto";
import type { Resource, ResourceLanguage } from "i18next";
import { LANGUAGE_CODES, type LanguageCode } from "./languages";
import { NAMESPACES } from "./namespaces";
import { shellTexts } from "./page-texts";

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

/** The namespaces every page needs in the browser. Rule explanations are translated on the server. */
export const PAGE_NAMESPACES = ["common", "meta"] as const;

export function resourcesFor(code: LanguageCode, namespaces: readonly string[] = PAGE_NAMESPACES): ResourceLanguage {
  const all = RESOURCES[code] ?? {};
  return Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]!]));
}

export function isTranslationReviewed(code: LanguageCode): boolean {
  const meta = RESOURCES[code]?.meta as { reviewed?: unknown } | undefined;
  return meta?.reviewed === true;
}


const shells = new Map<LanguageCode, ResourceLanguage>();

/** The shell's texts in a language: what every page has in the browser from /i18n/<code>. */
export function shellResourcesFor(code: LanguageCode): ResourceLanguage {
  let shell = shells.get(code);
  if (!shell) shells.set(code, (shell = shellTexts(resourcesFor(code))));
  return shell;
}

const scripts = new Map<LanguageCode, { body: string; version: string }>();

/** The script that gives the browser a language's shell translations, and its content hash for caching. */
export function translationScript(code: LanguageCode): { body: string; version: string } {
  let script = scripts.get(code);
  if (!script) {
    // "<" is escaped so the JSON can never close the script element.
    const json = JSON.stringify(shellResourcesFor(code)).replace(/</g, "\\u003c");
    const body = `window.__I18N__=${json};`;
    script = { body, version: createHash("sha256").update(body).digest("hex").slice(0, 12) };
    scripts.set(code, script);
  }
  return script;
}
