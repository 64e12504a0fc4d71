import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "~/i18n/languages";
import { RESOURCES } from "~/i18n/resources.server";
import { formatIsoDate } from "~/rules/explanations";
import { OMBUDSMAN_CONTACT } from "~/rules/ombudsman";
import { type AcknowledgementPayload, EmailRenderError, escapeHtml, renderEmail } from "./templates.server";

const payload: AcknowledgementPayload = {
  reference: "CCC-ABCD-EFGH",
  name: "Amira Khan",
  serviceAreaName: "Housing",
  pathway: "corporate",
  receivedOn: "2026-11-20",
  acknowledgeBy: "2026-11-27",
  respondBy: "2026-12-11",
};

const hasEmailTranslation = (code: string) => existsSync(new URL(`../../locales/${code}/email.json`, import.meta.url));

type Tree = { [key: string]: string | Tree };
const pseudo = (tree: Tree, code: string): Tree =>
  Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? `[${code}] ${value}` : pseudo(value, code)]),
  );

// What does not depend on the words (lang/dir, dates, escaping) is tested in every language. Where a translation
// has not arrived yet, a marked pseudo-translation stands in for it, so no assertion rests on English text.
const standIns: [string, string][] = [];
beforeAll(() => {
  for (const { code } of LANGUAGES.filter(({ code }) => code !== "en")) {
    const language = RESOURCES[code]!;
    for (const namespace of ["email", "rules"]) {
      if (language[namespace]) continue;
      language[namespace] = pseudo(RESOURCES.en![namespace] as Tree, code);
      standIns.push([code, namespace]);
    }
  }
});
afterAll(() => {
  for (const [code, namespace] of standIns) delete RESOURCES[code]![namespace];
});

describe("the acknowledgement email", () => {
  it("puts a name on the greeting's one line, whatever whitespace it carries", () => {
    const email = renderEmail("acknowledgement", "en", { ...payload, name: "Ada\n\nYour account is locked.\r\nCall us" });
    expect(email.text).toContain("Dear Ada Your account is locked. Call us,");
    expect(email.text).not.toMatch(/Ada\s*\n/);
  });

  it("tells the resident, in English, their reference, what they complained about and what happens when", () => {
    const email = renderEmail("acknowledgement", "en", payload);
    expect(email.subject).toBe("We have received your complaint – reference CCC-ABCD-EFGH");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Dear Amira Khan,");
      expect(part).toContain("CCC-ABCD-EFGH");
      expect(part).toContain("Housing");
      expect(part).toContain("Corporate complaint");
      expect(part).toContain("20 November 2026");
      expect(part).toContain("By 27 November 2026, we will contact you");
      expect(part).toContain("by 11 December 2026");
      expect(part).toContain("08085 834333");
      expect(part).toContain("customer.services@coventry.gov.uk");
      expect(part).toContain("contact us in your own language");
    }
    expect(email.text).toContain("Your complaint reference: CCC-ABCD-EFGH");
    expect(email.html).toContain('href="tel:08085834333"');
    expect(email.html).toContain('href="mailto:customer.services@coventry.gov.uk"');
    expect(email.html).toMatch(/<html lang="en-GB" dir="ltr">/);
  });

  it("names no translation key it lacks", () => {
    for (const { code } of LANGUAGES) {
      const email = renderEmail("acknowledgement", code, payload);
      expect(`${email.subject}\n${email.text}`).not.toMatch(/acknowledgement\.|email:|rules:|common:/);
    }
  });

  it("greets a resident who gave no name without one", () => {
    const email = renderEmail("acknowledgement", "en", { ...payload, name: "  " });
    expect(email.text.startsWith("Hello,\n")).toBe(true);
    expect(email.text).not.toContain("Dear");
  });

  it("translates the pathway's name", () => {
    expect(renderEmail("acknowledgement", "en", { ...payload, pathway: "adults" }).text).toContain(
      "Adult social care (statutory)",
    );
  });

  describe.each(LANGUAGES)("in $code", ({ code, tag, dir }) => {
    it(`is marked lang="${tag}" dir="${dir}"`, () => {
      const { html } = renderEmail("acknowledgement", code, payload);
      expect(html).toContain(`<html lang="${tag}" dir="${dir}">`);
      expect(html).toContain(`<div lang="${tag}" dir="${dir}"`);
    });

    it("writes the dates as the language writes them", () => {
      const email = renderEmail("acknowledgement", code, payload);
      for (const date of [payload.receivedOn, payload.acknowledgeBy, payload.respondBy]) {
        expect(email.text).toContain(formatIsoDate(date, tag));
        expect(email.html).toContain(escapeHtml(formatIsoDate(date, tag)));
      }
    });

  });

  it.each(LANGUAGES.filter(({ code }) => code !== "en").map(({ code }) => code))("is written in %s, not English", (code) => {
    expect(hasEmailTranslation(code)).toBe(true);
    const english = renderEmail("acknowledgement", "en", payload);
    const translated = renderEmail("acknowledgement", code, payload);
    expect(translated.subject).toContain(payload.reference);
    expect(translated.subject).not.toBe(english.subject);
  });

  it("is right-to-left in Urdu and Arabic only", () => {
    const rtl = LANGUAGES.filter(({ code }) => /dir="rtl"/.test(renderEmail("acknowledgement", code, payload).html));
    expect(rtl.map(({ code }) => code)).toEqual(["ur", "ar"]);
  });

  it("is sent in English, marked as English, in a language the portal does not offer", () => {
    expect(renderEmail("acknowledgement", "fr", payload)).toEqual(renderEmail("acknowledgement", "en", payload));
  });

  it("is sent in English, marked as English, while a language has no translation of it", () => {
    const arabic = RESOURCES.ar!;
    const saved = arabic.email;
    delete arabic.email;
    try {
      const email = renderEmail("acknowledgement", "ar", payload);
      expect(email).toEqual(renderEmail("acknowledgement", "en", payload));
      expect(email.html).toContain('<html lang="en-GB" dir="ltr">');
    } finally {
      arabic.email = saved!;
    }
  });

  it("never lets text a resident typed become markup", () => {
    const hostile = {
      ...payload,
      name: `<script>alert("x")</script> O'Brien & Sons`,
      serviceAreaName: `<img src=x onerror="alert(1)">`,
      reference: `CCC-<b>`,
    };
    const { html, text, subject } = renderEmail("acknowledgement", "ar", hostile);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Sons");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    // The plain-text part and subject are not HTML: they carry the text as typed.
    expect(text).toContain(`<script>alert("x")</script> O'Brien & Sons`);
    expect(subject).toContain("CCC-<b>");
  });

  it("does not interpolate placeholders a resident typed", () => {
    const { text } = renderEmail("acknowledgement", "en", { ...payload, name: "{{reference}} $t(common:council)" });
    expect(text).toContain("Dear {{reference}} $t(common:council),");
  });

  it("refuses an unknown template or a payload it cannot use", () => {
    expect(() => renderEmail("newsletter", "en", payload)).toThrow(EmailRenderError);
    expect(() => renderEmail("acknowledgement", "en", { ...payload, respondBy: "11/12/2026" })).toThrow(
      /respondBy/,
    );
    expect(() => renderEmail("acknowledgement", "en", { ...payload, pathway: "schools" })).toThrow(EmailRenderError);
    expect(() => renderEmail("acknowledgement", "en", null)).toThrow(EmailRenderError);
  });
});

describe("the sign-in and case emails (issue 9)", () => {
  it("puts the sign-in code first, in every language, with no key showing", () => {
    for (const { code } of LANGUAGES) {
      const email = renderEmail("signInCode", code, { code: "048213", minutes: 15 });
      expect(email.subject).toContain("048213");
      expect(email.text.indexOf("048213")).toBeLessThan(60);
      expect(`${email.subject}\n${email.text}`).not.toMatch(/signInCode\.|(email|common):[a-zA-Z]/);
    }
  });

  it("§13.10: tells the person, in their language, which complaint theirs joined, why, and when both will be answered", () => {
    const english = renderEmail("caseUpdate", "en", { kind: "joined", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, joinedTo: "CCC-WXYZ-0001", reasons: "x" });
    for (const { code, tag } of LANGUAGES) {
      const joined = renderEmail("caseUpdate", code, { kind: "joined", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, joinedTo: "CCC-WXYZ-0001", reasons: "Both about the damp.", responseBy: "2026-12-16" });
      expect(joined.subject).toContain("CCC-WXYZ-0001");
      expect(joined.text).toContain("Both about the damp.");
      expect(joined.text).toContain(formatIsoDate("2026-12-16", tag));
      expect(`${joined.subject}\n${joined.text}`).not.toMatch(/caseUpdate\.|(email|common):[a-zA-Z]/);
      if (code !== "en") expect(joined.subject).not.toBe(english.subject);
    }
  });

  it("§18: tells the person, in their language, what contact is limited, why, who to contact, the review date and the Ombudsman; and when it is lifted", () => {
    const english = renderEmail("contactRestriction", "en", { kind: "restricted", reference: "R", restrictions: ["written_only"], reasons: "x", contactName: "Jo", contactWay: "j", reviewOn: "2027-03-01" });
    for (const { code, tag } of LANGUAGES) {
      const restricted = renderEmail("contactRestriction", code, {
        kind: "restricted", reference: "CCC-ABCD-EFGH", name: "Amira", restrictions: ["single_point_of_contact", "written_only"], reasons: "Forty calls <in> a week.", contactName: "Jo Smith", contactWay: "jo.smith@coventry.gov.uk", reviewOn: "2027-03-01",
      });
      expect(restricted.subject).toContain("CCC-ABCD-EFGH");
      expect(restricted.text).toContain("Forty calls <in> a week.");
      expect(restricted.html).toContain("Forty calls &lt;in&gt; a week.");
      expect(restricted.text).toContain("Jo Smith, jo.smith@coventry.gov.uk");
      expect(restricted.text).toContain(formatIsoDate("2027-03-01", tag));
      expect(restricted.text).toContain("0300 061 0614");
      const lifted = renderEmail("contactRestriction", code, { kind: "lifted", reference: "CCC-ABCD-EFGH", reasons: "Reviewed." });
      expect(lifted.text).toContain("Reviewed.");
      for (const email of [restricted, lifted]) expect(`${email.subject}\n${email.text}`).not.toMatch(/contactRestriction\.|(email|common|rules):[a-zA-Z]/);
      expect(restricted.subject).not.toBe(lifted.subject);
      // Written in the person's language, not English with a note.
      if (code !== "en") expect(restricted.subject).not.toBe(english.subject.replace("R", "CCC-ABCD-EFGH"));
    }
  });

  it("tells the resident what asking for the next stage, asking late, or withdrawing did, in every language", () => {
    for (const { code, tag } of LANGUAGES) {
      const escalated = renderEmail("caseUpdate", code, { kind: "escalated", reference: "CCC-ABCD-EFGH", name: "Amira", date: "2026-12-01", stage: 2, acknowledgeBy: "2026-12-08" });
      expect(escalated.subject).toContain("CCC-ABCD-EFGH");
      expect(escalated.text).toContain(formatIsoDate("2026-12-08", tag));
      const late = renderEmail("caseUpdate", code, { kind: "late_escalation", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 2 });
      const withdrawn = renderEmail("caseUpdate", code, { kind: "withdrawn", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1 });
      for (const email of [escalated, late, withdrawn]) expect(`${email.subject}\n${email.text}`).not.toMatch(/caseUpdate\.|(email|common):[a-zA-Z]/);
      expect(new Set([escalated.subject, late.subject, withdrawn.subject]).size).toBe(3);
    }
    expect(renderEmail("caseUpdate", "en", { kind: "escalated", reference: "CCC-ABCD-EFGH", date: "2026-12-01", stage: 2, acknowledgeBy: "2026-12-08" }).text).toContain(
      "We will acknowledge your request by 8 December 2026",
    );
  });

  it("tells the resident, in every language, that we acknowledged (with the officer's words) and responded (with what next)", () => {
    for (const { code, tag } of LANGUAGES) {
      const acknowledged = renderEmail("caseUpdate", code, {
        kind: "acknowledged", reference: "CCC-ABCD-EFGH", date: "2026-12-02", stage: 1, responseBy: "2026-12-30", officer: "Robin <Officer>", understanding: "The bin was missed & not collected.",
      });
      expect(acknowledged.text).toContain(formatIsoDate("2026-12-30", tag));
      expect(acknowledged.text).toContain("Robin <Officer>");
      expect(acknowledged.text).toContain("The bin was missed & not collected.");
      // The officer's words are escaped in the HTML, never markup.
      expect(acknowledged.html).toContain("Robin &lt;Officer&gt;");
      const nextStage = renderEmail("caseUpdate", code, { kind: "responded", reference: "CCC-ABCD-EFGH", date: "2026-12-20", stage: 1, outcome: "upheld", reasons: "We missed it.", nextStage: 2, requestBy: "2027-01-20" });
      expect(nextStage.text).toContain(formatIsoDate("2027-01-20", tag));
      expect(nextStage.text).toContain("We missed it.");
      const final = renderEmail("caseUpdate", code, { kind: "responded", reference: "CCC-ABCD-EFGH", date: "2026-12-20", stage: 2, outcome: "not_upheld", reasons: "Done right." });
      expect(final.text).toContain("Local Government and Social Care Ombudsman");
      for (const email of [acknowledged, nextStage, final]) expect(`${email.subject}\n${email.text}`).not.toMatch(/caseUpdate\.|(email|common):[a-zA-Z]|\{\{/);
    }
    expect(renderEmail("caseUpdate", "en", { kind: "responded", reference: "CCC-ABCD-EFGH", date: "2026-12-20", stage: 1, outcome: "partially_upheld", reasons: "x" }).text).toContain("We found it partly upheld.");
  });

  it("tells the resident, in every language, of an extension (reason, new date, the Ombudsman line on corporate) and of a remedy", () => {
    for (const { code, tag } of LANGUAGES) {
      const extended = renderEmail("caseUpdate", code, { kind: "extended", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, responseBy: "2027-01-07", reasons: "Waiting for <the> surveyor.", ombudsman: "extension" });
      expect(extended.text).toContain(formatIsoDate("2027-01-07", tag));
      expect(extended.text).toContain("Waiting for <the> surveyor.");
      expect(extended.html).toContain("Waiting for &lt;the&gt; surveyor.");
      expect(extended.text).toContain(OMBUDSMAN_CONTACT.telephone);
      const childrens = renderEmail("caseUpdate", code, { kind: "extended", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, responseBy: "2027-01-07", reasons: "R" });
      expect(childrens.text).not.toContain(OMBUDSMAN_CONTACT.telephone);
      const remedy = renderEmail("caseUpdate", code, {
        kind: "responded", reference: "CCC-ABCD-EFGH", date: "2026-12-20", stage: 1, outcome: "upheld", reasons: "We missed it.", nextStage: 2, requestBy: "2027-01-20",
        apology: "We are sorry.", remedies: ["apology", "payment"], paymentPence: 15050, actions: [{ what: "Fix the wall", by: "2027-02-01" }],
      });
      expect(remedy.text).toContain("We are sorry.");
      expect(remedy.text).toContain(new Intl.NumberFormat(tag, { style: "currency", currency: "GBP" }).format(150.5));
      expect(remedy.text).toContain("Fix the wall");
      expect(remedy.text).toContain(formatIsoDate("2027-02-01", tag));
      const notAccepted = renderEmail("caseUpdate", code, { kind: "not_accepted", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, exclusion: "planning_decision", reasons: "Appeal to the Inspectorate.", ombudsman: "not_accepted" });
      const rules = RESOURCES[code]!.rules as { eligibility: { exclusion: Record<string, string> }; pathway: Record<string, string> };
      expect(notAccepted.text).toContain(rules.eligibility.exclusion.planning_decision);
      expect(notAccepted.text).toContain("Appeal to the Inspectorate.");
      expect(notAccepted.text).toContain(OMBUDSMAN_CONTACT.telephone);
      const moved = renderEmail("caseUpdate", code, { kind: "accepted_other_pathway", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, pathway: "adults", reasons: "Care." });
      expect(moved.text).toContain(rules.pathway.adults);
      const lateRefused = renderEmail("caseUpdate", code, { kind: "late_refused", reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 1, nextStage: 2, reasons: "New matter.", ombudsman: "late_escalation_refused" });
      expect(lateRefused.text).toContain(OMBUDSMAN_CONTACT.telephone);
      const others = ["resolved_informally", "service_request", "late_accepted"].map((kind) => renderEmail("caseUpdate", code, { kind, reference: "CCC-ABCD-EFGH", date: "2026-12-10", stage: 2, reasons: "Done.", acknowledgeBy: "2026-12-17" }));
      for (const email of others) expect(email.text).toContain("Done.");
      for (const email of [extended, childrens, remedy, notAccepted, moved, lateRefused, ...others]) expect(`${email.subject}\n${email.text}`).not.toMatch(/caseUpdate\.|(email|common|rules):[a-zA-Z]|\{\{/);
    }
    expect(renderEmail("caseUpdate", "en", { kind: "responded", reference: "R", date: "2026-12-20", stage: 1, outcome: "upheld", reasons: "x", remedies: ["record_corrected"] }).text).toContain("Amending a record or adding a correction");
  });

  it("tells the complaints team, in English, that information was added, without the message itself", () => {
    const email = renderEmail("informationAdded", "pl", { reference: "CCC-ABCD-EFGH", date: "2026-12-01" });
    expect(email.subject).toBe("Complaint CCC-ABCD-EFGH: the complainant added information");
    expect(email.text).toContain("1 December 2026");
  });
});
