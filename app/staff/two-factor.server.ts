// The authenticator app second factor for staff without single sign-on (issue 11, item 1): TOTP (RFC 6238, 30-second
// steps, 6 digits), through otplib rather than by hand. A code from the step before or after is accepted (a clock a
// little out), and no code is accepted twice: the last step used is kept, and a code must be from a later one.
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { staffMembers } from "../../db/schema";
import type { StaffMember } from "./staff-accounts.server";

const ISSUER = "Coventry complaints portal";
/** Seconds either side of now a code may come from: one 30-second step. */
const TOLERANCE_SECONDS = 30;

/** The member's secret, made now if they have none yet (until they confirm it with a code, it can be replaced). */
export async function secretForSetUp(db: Database, member: StaffMember): Promise<string> {
  if (member.totpConfirmedAt) throw new Error("The authenticator app is already set up");
  if (member.totpSecret) return member.totpSecret;
  const secret = generateSecret();
  await db.update(staffMembers).set({ totpSecret: secret, totpLastStep: null }).where(and(eq(staffMembers.id, member.id), isNull(staffMembers.totpConfirmedAt)));
  return secret;
}

/** What an authenticator app scans: the otpauth:// address, and it drawn as an SVG QR code. */
export async function setUpDetails(email: string, secret: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { uri, qrSvg };
}

/**
 * Whether `code` is the member's current authenticator code, not used before. A right code records its step, so
 * the same code posted again (or raced from two tabs) is refused; the first code confirms a secret being set up.
 */
export async function checkAuthenticatorCode(db: Database, member: StaffMember, code: string, now = new Date()): Promise<boolean> {
  if (!member.totpSecret || !/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret: member.totpSecret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(member.totpLastStep !== null ? { afterTimeStep: member.totpLastStep } : {}),
  });
  if (!result.valid || !("timeStep" in result)) return false;
  const claimed = await db
    .update(staffMembers)
    .set({ totpLastStep: result.timeStep, totpConfirmedAt: member.totpConfirmedAt ?? now })
    .where(and(eq(staffMembers.id, member.id), or(isNull(staffMembers.totpLastStep), lt(staffMembers.totpLastStep, result.timeStep))))
    .returning({ id: staffMembers.id });
  return claimed.length > 0;
}
