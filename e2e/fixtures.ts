import axe from "axe-core";
import { generate } from "otplib";
import { expect, type Page, test as base } from "@playwright/test";
import { existsSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";

export { LANGUAGES } from "../app/i18n/languages";

type Messages = { [key: string]: string | boolean | Messages };

/** A translated string, read from the same files the portal uses, e.g. text("pl", "contact.title"). */
export function text(code: string, key: string, namespace = "common"): string {
  const messages = JSON.parse(readFileSync(`locales/${code}/${namespace}.json`, "utf8")) as Messages;
  const value = key.split(".").reduce<Messages | string | boolean | undefined>(
    (node, part) => (typeof node === "object" ? node[part] : undefined),
    messages,
  );
  if (typeof value !== "string") throw new Error(`No text for ${code}:${namespace}:${key}`);
  return value;
}

export function isReviewed(code: string): boolean {
  return (JSON.parse(readFileSync(`locales/${code}/meta.json`, "utf8")) as { reviewed: boolean }).reviewed;
}

// A text the page lacks shows as its key ("complaint.service.title"): the texts' top-level names, followed by a dot.
const TOP_LEVEL_KEYS = Object.keys(JSON.parse(readFileSync("locales/en/common.json", "utf8")) as object);
const KEY_PATTERN = new RegExp(`(?:^|[^\\w@/.-])(?:rules:|email:)?(?:${TOP_LEVEL_KEYS.join("|")})\\.[A-Za-z_]+`);

/** Every text on the page, and its title, is a translation, not a key left showing. */
export async function expectNoTranslationKeys(page: Page) {
  const shown = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  expect(KEY_PATTERN.exec(shown)?.[0] ?? "", "a translation key shown instead of its text").toBe("");
}

/** The words in these elements that are split across two lines (at desktop widths no word should be). */
export async function wordsBrokenMidWord(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => {
    const broken: string[] = [];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const content = node.textContent ?? "";
        for (const match of content.matchAll(/[^\s\-\u2010]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  rules: { "target-size": { enabled: true } },
  // Only the failures come back: axe then skips gathering every node that passed.
  resultTypes: ["violations"],
};

/**
 * axe-core run in the page itself, as @axe-core/playwright's "legacy mode" does, but with axe's source (half a
 * megabyte) evaluated once per document rather than twice per scan: most of a scan's time was that. The portal's
 * pages have no frames, which this relies on.
 */
async function axeViolations(page: Page): Promise<string[]> {
  expect(page.frames(), "a page with frames, which this scan would not reach").toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(async (options) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, options);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, AXE_OPTIONS);
}

/**
 * WCAG 2.0, 2.1 and 2.2 A and AA, best practice, and target size (off by default in axe), on the page as the
 * visitor has it now. axe needs JavaScript, so with JavaScript off the page's HTML, every script removed (the same
 * document a no-JavaScript visitor sees), is scanned in a second browser page on the same site.
 */
export async function expectNoAxeViolations(page: Page) {
  await expectNoTranslationKeys(page);
  if (test.info().project.use.javaScriptEnabled !== false) {
    expect(await axeViolations(page), "axe violations").toEqual([]);
    return;
  }
  // The whole document, not one still streaming in.
  await page.waitForLoadState("load");
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const copy = await scannerPage(page);
  await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
  // Written into the scanner's document (document.write), which keeps axe loaded from one scan to the next and
  // the stylesheets in the browser's cache; "load" waits for them. The scanner starts on a page of the same site
  // with no markup of its own, so the copy's addresses resolve as the original's do.
  const origin = new URL(page.url()).origin;
  if (new URL(copy.url()).origin !== origin) await copy.goto(`${origin}/healthz`);
  await copy.setContent(html, { waitUntil: "load" });
  const unstyled = await copy.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")].filter((link) => !link.sheet?.cssRules.length).map((link) => link.href));
  expect(unstyled, "stylesheets the copy did not load").toEqual([]);
  expect(await axeViolations(copy), "axe violations (JavaScript off)").toEqual([]);
}

// One JavaScript-enabled page per worker scans the no-JavaScript pages. The portal's content security policy is
// set aside there, as the copy carries no scripts and a test may style a page through the DOM.
let scanner: Page | undefined;

async function scannerPage(page: Page): Promise<Page> {
  if (scanner && !scanner.isClosed()) return scanner;
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, bypassCSP: true });
  scanner = await context.newPage();
  return scanner;
}

export const test = base.extend<{ consoleErrors: string[] }>({
  // Every test fails if the page logs an error: hydration mismatches and CSP refusals show up here.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // A 4xx the server answered on purpose (a bad answer, a page not reached yet, a rate limit) is not an error.
        if (message.type() === "error" && !/status of 4[0-9][0-9] /.test(message.text())) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The smallest PNG: one pixel. */
export const ONE_PIXEL_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001" + "0d0a2db40000000049454e44ae426082",
  "hex",
);

const MAIL_DIR = ".data/e2e-mail";
const TEXT_DIR = ".data/e2e-texts";

/** The plain-text part of a captured message, base64 or quoted-printable decoded (enough for the portal's mail). */
export function mailText(raw: string): string {
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head = "", ...rest] = part.split(/\r?\n\r?\n/);
    if (!/content-type:\s*text\/plain/i.test(head)) continue;
    const body = rest.join("\n\n");
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
      const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
    }
    return body;
  }
  return "";
}

/**
 * The address with its letters' case changed in a way of its own for each `n`: the same account (accounts are keyed
 * by the lower-case address), but another mailbox name, so tests signing in to one account side by side each read
 * their own code (a code belongs to the browser that asked for it).
 */
export function mailboxFor(email: string, n: number): string {
  const [local = "", domain = ""] = email.split("@");
  const letters = [...local].map((char, index) => (/[a-z]/i.test(char) ? index : -1)).filter((index) => index >= 0);
  const upper = new Set([letters[n % letters.length]!, ...(n >= letters.length ? [letters[(n + 1) % letters.length]!] : [])]);
  return `${[...local.toLowerCase()].map((char, index) => (upper.has(index) ? char.toUpperCase() : char)).join("")}@${domain}`;
}

/**
 * The sign-in code in the newest message to `email` received since `since`, claimed (renamed) so a test running
 * beside this one, signing in to the same address, takes another.
 */
export async function signInCodeSentTo(email: string, since: number): Promise<string> {
  let code = "";
  await expect
    .poll(
      () => {
        const files = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).filter((file) => file.endsWith(".json")) : [];
        for (const file of files.sort().reverse()) {
          if (Number(file.split("-")[0]) < since - 1000) continue;
          const mail = JSON.parse(readFileSync(join(MAIL_DIR, file), "utf8")) as { to: string[]; raw: string };
          if (!mail.to.includes(email)) continue;
          // The code is the first thing in the message, six digits on their own.
          const found = /(?<![0-9])([0-9]{6})(?![0-9])/.exec(mailText(mail.raw));
          if (!found) continue;
          try {
            renameSync(join(MAIL_DIR, file), join(MAIL_DIR, `${file}.claimed`));
          } catch {
            continue;
          }
          code = found[1]!;
          return true;
        }
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return code;
}

/** The first match of `pattern` in a message to `email` (exactly), waiting for it to arrive: a link in an email, say. */
export async function mailMatchTo(email: string, pattern: RegExp): Promise<string> {
  let found = "";
  await expect
    .poll(
      () => {
        const files = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).filter((file) => file.endsWith(".json")) : [];
        for (const file of files.sort()) {
          const mail = JSON.parse(readFileSync(join(MAIL_DIR, file), "utf8")) as { to: string[]; raw: string };
          if (!mail.to.includes(email)) continue;
          const match = pattern.exec(mailText(mail.raw));
          if (match) {
            found = match[1] ?? match[0];
            return true;
          }
        }
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found;
}

/** The first match of `pattern` in a text message to the mobile number `to` (+447…), waiting for it to arrive. */
export async function textMatchTo(to: string, pattern: RegExp): Promise<string> {
  let found = "";
  await expect
    .poll(
      () => {
        const files = existsSync(TEXT_DIR) ? readdirSync(TEXT_DIR).filter((file) => file.endsWith(".json")) : [];
        for (const file of files.sort()) {
          const message = JSON.parse(readFileSync(join(TEXT_DIR, file), "utf8")) as { to: string[]; text: string };
          const match = message.to.includes(to) ? pattern.exec(message.text) : null;
          if (match) {
            found = match[1] ?? match[0];
            return true;
          }
        }
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found;
}

/** Signs in through the pages (in English) with the code emailed to `mailbox`, arriving at "Your complaints". */
export async function signInAs(page: Page, mailbox: string) {
  await page.goto("/sign-in");
  const since = Date.now();
  await page.getByLabel(text("en", "account.signIn.email.label")).fill(mailbox);
  await page.getByRole("button", { name: text("en", "account.signIn.continue") }).click();
  await page.getByLabel(text("en", "account.code.label")).fill(await signInCodeSentTo(mailbox, since));
  await page.getByRole("button", { name: text("en", "account.code.continue") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "account.list.title"));
}

/**
 * Signs a member of staff in through the staff pages: the emailed code, then an authenticator app set up on the
 * spot from the key the page shows (each test uses a member of staff of its own, signing in for the first time).
 */
export async function signInAsStaff(page: Page, email: string) {
  const staffText = (key: string) => text("en", key, "staff");
  await page.goto("/staff/sign-in");
  const since = Date.now();
  await page.getByLabel(staffText("signIn.email")).fill(email);
  await page.getByRole("button", { name: staffText("signIn.continue") }).click();
  await page.getByLabel(staffText("code.label")).fill(await signInCodeSentTo(email, since));
  await page.getByRole("button", { name: staffText("code.continue") }).click();
  const secret = (await page.locator(".council-key").textContent())!.trim();
  await page.getByLabel(staffText("twoFactor.label")).fill(await generate({ secret }));
  await page.getByRole("button", { name: staffText("twoFactor.continue") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(staffText("queue.title"));
}

/**
 * Downloads what a link on the page offers (issue 12: the case file's PDF and ZIP), as a resident would: by
 * following it, with or without JavaScript. Returns its suggested name and bytes.
 */
export async function downloadFrom(page: Page, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  const download = await downloading;
  return { filename: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A PDF opened with pdf.js: its pages' text run together, and its document information (title, language). */
export async function openPdf(bytes: Buffer): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  const { info } = await document.getMetadata();
  const pages = document.numPages;
  await document.destroy();
  return { text: texts.join(""), pages, info: info as Record<string, unknown> };
}
