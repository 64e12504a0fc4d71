import { expect, expectNoAxeViolations, LANGUAGES, test, text } from "./fixtures";

// The scan every other test relies on: it passes a page as served, then finds faults put into that same page (axe
// is loaded once per document, so the second scan reuses it with JavaScript on).
test("the accessibility scan finds an image with no text and text too faint to read", async ({ page }) => {
  await page.goto("/contact");
  await expectNoAxeViolations(page);
  await page.evaluate(() => {
    const main = document.querySelector("main")!;
    main.insertAdjacentHTML("beforeend", '<img src="/favicon.svg"><p class="govuk-body">Faint</p>');
    // Pale grey on white, set through the style object (the page's policy refuses markup's style attributes).
    (main.lastElementChild as HTMLElement).style.color = "#cccccc";
  });
  const failure = await expectNoAxeViolations(page).then(() => "", (error: Error) => error.message);
  expect(failure).toContain("image-alt");
  expect(failure).toContain("color-contrast");
});

test("the language switcher changes the language without JavaScript and remembers it", async ({ page }) => {
  await page.goto("/contact");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await page.getByRole("link", { name: "Polski" }).click();
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("pl", "contact.title"));
  await page.getByRole("link", { name: text("pl", "footer.privacy") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("pl", "privacy.title"));
  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("ar", "privacy.title"));
  await page.getByRole("link", { name: text("ar", "translationBanner.readInEnglish") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "privacy.title"));
});

test.describe("for a browser asking for Romanian", () => {
  test.use({ locale: "ro" });

  test("the language choice outranks the browser's Accept-Language", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ro");
    await page.getByRole("link", { name: "ਪੰਜਾਬੀ" }).click();
    await page.goto("/cookies");
    await expect(page.locator("html")).toHaveAttribute("lang", "pa-Guru");
  });
});

test("the language switcher never sends anyone to another site", async ({ page }) => {
  await page.goto("/language?lng=ur&returnTo=//evil.example/");
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
});

test("keyboard users reach the skip link first and see where focus is on every link and button", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: text("en", "skipLink") });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);

  await page.goto("/");
  const controls = await page.locator("a[href], button").count();
  for (let i = 0; i < controls; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        tag: element.tagName,
        indicated: style.outlineStyle !== "none" || style.boxShadow !== "none" ||
          style.backgroundColor === "rgb(255, 221, 0)",
        inView: element.getBoundingClientRect().height > 0,
      };
    });
    expect(["A", "BUTTON"]).toContain(focused.tag);
    expect(focused.indicated, `control ${i + 1} shows focus`).toBe(true);
    expect(focused.inView).toBe(true);
  }
});

for (const language of LANGUAGES) {
  test.describe(`in ${language.code} at 320 CSS pixels wide`, () => {
    test.use({ locale: language.code, viewport: { width: 320, height: 640 } });

    test("pages fit without horizontal scrolling", async ({ page }) => {
      for (const path of ["/", "/contact", "/accessibility", "/privacy", "/cookies", "/sign-in", "/missing"]) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(320);
      }
    });
  });
}

test.describe("in Arabic", () => {
  test.use({ locale: "ar", viewport: { width: 1024, height: 768 } });

  test("right-to-left pages mirror the layout", async ({ page }) => {
    await page.goto("/");
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  const main = await page.locator("main").boundingBox();
    // The heading's column sits at the right edge of the content, not the left.
    expect(Math.abs(heading!.x + heading!.width - (main!.x + main!.width))).toBeLessThan(40);
    expect(heading!.x - main!.x).toBeGreaterThan(100);
  });
});

test("health check reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("pages are sent with security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test.describe("with scripts on, on a slow device", () => {
  test.use({ javaScriptEnabled: true });

  // remix-run/remix#10214: a click while React was still starting up threw "Root did not complete".
  test("clicking a link while the page is starting up breaks nothing", async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
    await page.addInitScript(() => {
      const state = window as unknown as { __remixRouter?: unknown; earlyClicks: number };
      state.earlyClicks = 0;
      const timer = setInterval(() => {
        if (state.__remixRouter) return clearInterval(timer);
        const link = document.querySelector("a[href='#main-content']");
        if (!link) return;
        state.earlyClicks++;
        link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      }, 0);
    });
    await page.goto("/");
    await expect.poll(() => page.evaluate(() => "__remixRouter" in window)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { earlyClicks: number }).earlyClicks)).toBeGreaterThan(0);
    await expect(page).toHaveURL(/#main-content$/);
    // The page then works as usual: a link is followed by the client-side router without a reload.
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
    await page.getByRole("link", { name: text("en", "footer.contact"), exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "contact.title"));
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
  });
});
