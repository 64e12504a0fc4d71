import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "./languages";
import { ENGLISH_ONLY_NAMESPACES } from "./namespaces";

const ROOT = new URL("../../", import.meta.url).pathname;
const LOCALES = join(ROOT, "locales");
const PLURAL_SUFFIXES = /_(zero|one|two|few|many|other)$/;
// Contact details that must read exactly as in English, to be dialled, emailed or posted.
const SAME_IN_EVERY_LANGUAGE = new Set(["contact.email", "contact.phone", "contact.postAddress"]);

type Tree = { [key: string]: string | boolean | Tree };

function readJson(path: string): Tree {
  return JSON.parse(readFileSync(path, "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string | boolean> {
  const out = new Map<string, string | boolean>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "object") for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

/** Plural forms differ between languages (Arabic has six, English two): compare the stem. */
const stems = (keys: Iterable<string>) => new Set([...keys].map((key) => key.replace(PLURAL_SUFFIXES, "")));

// Staff texts are English only (ENGLISH_ONLY_NAMESPACES); every other file is in every language.
const namespaces = readdirSync(join(LOCALES, "en")).filter(
  (file) => file.endsWith(".json") && !(ENGLISH_ONLY_NAMESPACES as readonly string[]).includes(file.replace(/\.json$/, "")),
);
const english = new Map(namespaces.map((file) => [file, flatten(readJson(join(LOCALES, "en", file)))]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("translations", () => {
  it("exist for every language the portal offers, and for no other", () => {
    const folders = readdirSync(LOCALES).filter((name) => statSync(join(LOCALES, name)).isDirectory());
    expect(folders.sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  describe.each(LANGUAGE_CODES.filter((code) => code !== "en"))("%s", (code) => {
    it.each(namespaces)("%s has every key English has, and no key English lacks", (file) => {
      const translated = flatten(readJson(join(LOCALES, code, file)));
      const expected = stems(english.get(file)!.keys());
      const actual = stems(translated.keys());
      expect([...expected].filter((key) => !actual.has(key)), "missing").toEqual([]);
      expect([...actual].filter((key) => !expected.has(key)), "not in English").toEqual([]);
    });

    it.each(namespaces)("%s keeps every {{placeholder}} of the English text", (file) => {
      const translated = flatten(readJson(join(LOCALES, code, file)));
      const lost: string[] = [];
      for (const [key, value] of english.get(file)!) {
        if (typeof value !== "string") continue;
        const other = translated.get(key) ?? translated.get(key.replace(/_one$/, "_other"));
        if (typeof other !== "string") continue;
        for (const placeholder of value.match(/\{\{\s*\w+\s*\}\}/g) ?? []) {
          if (!other.includes(placeholder)) lost.push(`${key}: ${placeholder}`);
        }
      }
      expect(lost).toEqual([]);
    });

    it("says whether its translation has been professionally reviewed", () => {
      const meta = readJson(join(LOCALES, code, "meta.json"));
      expect(typeof meta.reviewed).toBe("boolean");
      expect(typeof meta.nativeName === "string" && meta.nativeName.length > 0).toBe(true);
    });

    it("translates the text rather than copying English", () => {
      const common = flatten(readJson(join(LOCALES, code, "common.json")));
      const same = [...english.get("common.json")!].filter(
        ([key, value]) =>
          typeof value === "string" && value.length > 30 && common.get(key) === value && !SAME_IN_EVERY_LANGUAGE.has(key),
      );
      expect(same.map(([key]) => key)).toEqual([]);
    });
  });

  it("every translation key the code names exists in English", () => {
    const known = new Set<string>();
    for (const [file, keys] of english) {
      const namespace = file.replace(/\.json$/, "");
      for (const key of stems(keys.keys())) {
        known.add(key);
        known.add(`${namespace}:${key}`);
      }
    }
    const topLevel = new Set([...known].map((key) => key.split(".")[0]!));
    const missing: string[] = [];
    for (const path of sourceFiles(join(ROOT, "app"))) {
      const source = readFileSync(path, "utf8");
      for (const [, literal] of source.matchAll(/["'`]((?:[a-z]+:)?[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)["'`]/g)) {
        if (!literal || !topLevel.has(literal.split(".")[0]!)) continue;
        // A group's prefix (e.g. "complaint.reportedBefore.options", completed in code) counts when keys start with it.
        const isGroup = [...known].some((key) => key.startsWith(`${literal}.`));
        if (!known.has(literal) && !isGroup) missing.push(`${relative(ROOT, path)}: ${literal}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("no page or component has user-facing text outside locales/", () => {
    const offenders: string[] = [];
    for (const path of sourceFiles(join(ROOT, "app")).filter((file) => file.endsWith(".tsx"))) {
      const source = readFileSync(path, "utf8");
      for (const [match, inner] of source.matchAll(/>\s*([^<>{}\n=&|()]*\p{L}{2,}[^<>{}\n=&|()]*)\s*</gu)) {
        // A lone identifier between > and < is a TypeScript generic (": Promise<void>"), not text.
        if (/^\s*[A-Za-z_]\w*\s*$/.test(inner ?? "")) continue;
        offenders.push(`${relative(ROOT, path)}: ${match.trim()}`);
      }
      for (const [match] of source.matchAll(/\b(?:aria-label|alt|title|placeholder)="[^"]*\p{L}[^"]*"/gu)) {
        offenders.push(`${relative(ROOT, path)}: ${match}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
