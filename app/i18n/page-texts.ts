// Which translations a page carries to the browser. Every page gets the shell's texts (header, footer, buttons,
// error messages) from the cached /i18n/<code> script; the texts of its own content come with the page's data,
// named by the route (`texts: ["complaint.service"]`). So a journey page carries a few hundred bytes of text,
// not every page's, and the server renders with exactly what the browser will have: a text a route forgets to
// name shows as its key on the server too, where the end-to-end tests see it.
import type { ResourceLanguage } from "i18next";

/** Parts of the "common" texts that belong to one page or journey, not to the shell. */
export const PAGE_SECTIONS = ["start", "accessibility", "privacy", "contact", "cookies", "complaint", "compliment", "account", "representation", "consent", "permissionForm", "pagination"] as const;

type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/** The character count's texts, which only pages with a long text box need (they name them with their texts). */
export const CHARACTER_COUNT_TEXTS = ["errors.form.limit", "errors.form.remaining", "errors.form.over"] as const;

/** The shell's texts: every namespace given, with the page sections and the character count taken out of "common". */
export function shellTexts(all: ResourceLanguage): ResourceLanguage {
  const common = isTree(all.common) ? all.common : {};
  const shell = Object.fromEntries(Object.entries(common).filter(([key]) => !(PAGE_SECTIONS as readonly string[]).includes(key)));
  if (isTree(shell.errors) && isTree(shell.errors.form)) {
    const countTexts = CHARACTER_COUNT_TEXTS.map((key) => key.slice("errors.form.".length));
    const form = Object.fromEntries(Object.entries(shell.errors.form).filter(([name]) => !countTexts.some((text) => name === text || name.startsWith(`${text}_`))));
    shell.errors = { ...shell.errors, form };
  }
  return { ...all, common: shell };
}

/**
 * The texts under each key ("complaint.service" gives everything below it; a plural's forms come with it),
 * as a tree in "common".
 */
export function pickTexts(all: ResourceLanguage, keys: readonly string[]): ResourceLanguage {
  const picked: Tree = {};
  const common = isTree(all.common) ? all.common : {};
  for (const key of keys) {
    const path = key.split(".");
    const last = path.pop()!;
    const from = path.reduce<unknown>((node, part) => (isTree(node) ? node[part] : undefined), common);
    if (!isTree(from)) continue;
    // "limit" brings "limit_one", "limit_other" and the rest of its plural forms.
    const found = Object.entries(from).filter(([name]) => name === last || name.startsWith(`${last}_`));
    if (found.length === 0) continue;
    let to = picked;
    for (const part of path) to = (isTree(to[part]) ? to[part] : (to[part] = {})) as Tree;
    for (const [name, value] of found) to[name] = value;
  }
  return { common: picked };
}

/** Later texts added to earlier ones, tree by tree; neither is changed. */
export function mergeTexts(...parts: ResourceLanguage[]): ResourceLanguage {
  const merge = (into: Tree, from: Tree): Tree => {
    const out: Tree = { ...into };
    for (const [key, value] of Object.entries(from)) out[key] = isTree(value) && isTree(out[key]) ? merge(out[key], value) : value;
    return out;
  };
  return parts.reduce<Tree>((all, part) => merge(all, part as Tree), {}) as ResourceLanguage;
}

/** The page texts in route data, if the route sent any. */
export function textsIn(data: unknown): ResourceLanguage | undefined {
  return isTree(data) && isTree(data.texts) ? (data.texts as ResourceLanguage) : undefined;
}
