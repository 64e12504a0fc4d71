import type { MetaArgs } from "@remix-run/node";
import { pageTranslator } from "~/i18n/page-resources";
import type { RootLoaderData } from "~/root";

type RouterWindow = { __remixRouter?: { state?: { actionData?: unknown } } };

/**
 * The action data the page is rendered with: in the browser, the router's (as hydrated, then after each form
 * post); on the server, the request's, which entry.server provides through setActionDataSource.
 */
let actionData: () => unknown = () =>
  typeof window === "undefined" ? undefined : (window as unknown as RouterWindow).__remixRouter?.state?.actionData;

export function setActionDataSource(source: () => unknown): void {
  actionData = source;
}

/** True when an action answered with errors to show (every form's action data carries them as `errors`). */
export function showsErrors(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  return Object.values(data).some((value: unknown) => {
    const errors = value && typeof value === "object" ? (value as { errors?: unknown }).errors : undefined;
    if (Array.isArray(errors)) return errors.length > 0;
    return !!errors && typeof errors === "object" && Object.keys(errors).length > 0;
  });
}

/**
 * The page's <title> in the visitor's language: "{page} – Complaints – Coventry City Council", with "Error: "
 * before it when the page shows errors (GOV.UK pattern; ErrorSummary does the same for errors found in the
 * browser before posting). When the root refused the request's query string, every page is the "problem with
 * that web address" page instead.
 */
export function translatedTitle(matches: MetaArgs["matches"], key: string, params: Record<string, unknown> = {}): { title: string }[] {
  const root = matches.find((match) => match.id === "root")?.data as RootLoaderData | undefined;
  if (!root) return [{ title: key }];
  const t = pageTranslator(root.locale, matches.map((match) => match.data));
  const page = root.badRequest ? "errors.badRequest.title" : key;
  const title = t("pageTitle", { title: t(page, params) });
  return [{ title: showsErrors(actionData()) ? t("errors.titlePrefix", { title }) : title }];
}
