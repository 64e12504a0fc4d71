// The translator pages render with, on the server and in the browser alike: key lookup in the page's
// namespaces ("common" by default, "ns:key" for another), {{value}} interpolation and plurals chosen with
// Intl.PluralRules (i18next's JSON v4 suffixes: _zero, _one, _two, _few, _many, _other). It is a few hundred
// bytes where i18next would add 18 KB to every page's JavaScript; the server keeps i18next for the rules'
// explanations and emails (translate.server.ts), which need its formatters and contexts.
import type { ResourceLanguage } from "i18next";

export type TranslateParams = Record<string, unknown> & { count?: number };
export type Translate = (key: string, params?: TranslateParams) => string;

const DEFAULT_NAMESPACE = "common";

function lookup(resources: ResourceLanguage, key: string): unknown {
  const separator = key.indexOf(":");
  const namespace = separator > 0 ? key.slice(0, separator) : DEFAULT_NAMESPACE;
  const path = separator > 0 ? key.slice(separator + 1) : key;
  let node: unknown = resources[namespace];
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function createTranslator(tag: string, resources: ResourceLanguage): Translate {
  const plurals = new Intl.PluralRules(tag);
  // A count is shown as the language writes numbers ("5,000" in English, "5000" in Polish, "5.000" in Romanian).
  const numbers = new Intl.NumberFormat(tag);
  // Texts do not change while a translator lives, so each key found is remembered (pages ask for hundreds).
  // Keys not found are not, so the map never holds more than the texts themselves.
  const found = new Map<string, unknown>();
  const text = (key: string) => {
    let value = found.get(key);
    if (value === undefined) {
      value = lookup(resources, key);
      if (value !== undefined) found.set(key, value);
    }
    return value;
  };
  return (key, params) => {
    let message: unknown;
    if (typeof params?.count === "number") {
      const form = params.count === 0 ? "zero" : plurals.select(params.count);
      message = text(`${key}_${form}`) ?? text(`${key}_${plurals.select(params.count)}`) ?? text(`${key}_other`);
    }
    message ??= text(key);
    if (typeof message !== "string") return key;
    const shown = (name: string) => (name === "count" && typeof params?.count === "number" ? numbers.format(params.count) : String(params?.[name]));
    return params ? message.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in params ? shown(name) : match)) : message;
  };
}

const cache = new WeakMap<ResourceLanguage, Map<string, Translate>>();

/** One translator per language and set of texts, made once. */
export function translatorFor(tag: string, resources: ResourceLanguage): Translate {
  let byTag = cache.get(resources);
  if (!byTag) cache.set(resources, (byTag = new Map()));
  let t = byTag.get(tag);
  if (!t) byTag.set(tag, (t = createTranslator(tag, resources)));
  return t;
}
