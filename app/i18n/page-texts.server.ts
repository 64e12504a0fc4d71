// A page's own texts, for its loader to send with its data (see page-texts.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ResourceLanguage } from "i18next";
import type { LanguageCode } from "./languages";
import { localeFor } from "./locale.server";
import { pickTexts } from "./page-texts";
import { resourcesFor } from "./resources.server";

const picked = new Map<string, ResourceLanguage>();

/** The texts under these keys in a language, picked once and kept (pages name a fixed set of keys). */
export function textsFor(code: LanguageCode, keys: readonly string[]): ResourceLanguage {
  const cacheKey = `${code}|${keys.join(",")}`;
  let texts = picked.get(cacheKey);
  if (!texts) picked.set(cacheKey, (texts = pickTexts(resourcesFor(code), keys)));
  return texts;
}

/** A loader for a page that needs nothing but its texts, in the visitor's language. */
export function textsLoader(keys: readonly string[]) {
  return async ({ request }: LoaderFunctionArgs) => ({ texts: textsFor(await localeFor(request), keys) });
}

/** Texts from another namespace (e.g. "rules"), under these dotted paths, to merge with a page's own. */
export function namespaceTexts(code: LanguageCode, namespace: string, paths: readonly string[]): ResourceLanguage {
  const all = resourcesFor(code, [namespace])[namespace] as Record<string, unknown> | undefined;
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split(".");
    const value = parts.reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), all);
    if (value === undefined) continue;
    let to = picked;
    for (const part of parts.slice(0, -1)) to = (to[part] ??= {}) as Record<string, unknown>;
    to[parts.at(-1)!] = value;
  }
  return { [namespace]: picked } as ResourceLanguage;
}
