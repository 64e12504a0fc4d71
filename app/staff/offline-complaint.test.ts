import { describe, expect, it } from "vitest";
import { readOfflineForm } from "./offline-complaint";

const today = "2026-12-02" as const;
const complete: Array<[string, string]> = [
  ["channel", "phone"],
  ["receivedOn-day", "30"],
  ["receivedOn-month", "11"],
  ["receivedOn-year", "2026"],
  ["serviceArea", "housing"],
  ["language", "pl"],
  ["name", "  Ola Nowak "],
  ["address", "1 High Street\nCoventry"],
  ["whatWentWrong", "The repair was missed."],
];
const read = (entries: Array<[string, string]>) => readOfflineForm(new URLSearchParams(entries), ["housing", "parking"], today);

describe("readOfflineForm", () => {
  it("takes a complaint by phone from someone with only a postal address", () => {
    expect(read(complete)).toEqual({
      ok: true,
      input: { channel: "phone", receivedOn: "2026-11-30", serviceArea: "housing", language: "pl", name: "Ola Nowak", email: "", phone: "", address: "1 High Street\nCoventry", whatWentWrong: "The repair was missed.", howAffected: "", outcomeWanted: "" },
    });
  });
  it("names each field that is missing or wrong", () => {
    const result = read([["channel", "online"], ["receivedOn-day", "31"], ["receivedOn-month", "2"], ["receivedOn-year", "2026"], ["serviceArea", "moon"], ["language", "xx"], ["name", "A\nB"]]);
    expect(result.ok ? null : result.errors).toEqual({
      channel: "staff:offline.error.channel.required",
      receivedOn: "staff:offline.error.receivedOn.invalid",
      serviceArea: "staff:offline.error.serviceArea.required",
      language: "staff:offline.error.language.required",
      name: "errors.form.oneLine",
      whatWentWrong: "staff:offline.error.whatWentWrong.required",
      email: "staff:offline.error.contact.required",
    });
  });
  it("refuses a day in the future and a malformed email address", () => {
    const result = read([...complete.filter(([name]) => !name.startsWith("receivedOn")), ["receivedOn-day", "3"], ["receivedOn-month", "12"], ["receivedOn-year", "2026"], ["email", "not an address"]]);
    expect(result.ok ? null : result.errors).toEqual({ receivedOn: "staff:offline.error.receivedOn.future", email: "staff:offline.error.email.format" });
  });
});
