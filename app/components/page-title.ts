import type { MetaArgs } from "@remix-run/node";
import { pageTranslator } from "~/i18n/page-resources";
import type { RootLoaderData } from "~/root";

/**
 * The page's <title> in the visitor's language: "{page} – Complaints – Coventry City Council". When the root
 * refused the request's query string, every page is the "problem with that web address" page instead.
 */
export function translatedTitle(matches: MetaArgs["matches"], key: string): { title: string }[] {
  const root = matches.find((match) => match.id === "root")?.data as RootLoaderData | undefined;
  if (!root) return [{ title: key }];
  const t = pageTranslator(root.locale, matches.map((match) => match.data));
  const page = root.badRequest ? "errors.badRequest.title" : key;
  return [{ title: t("pageTitle", { title: t(page) }) }];
}
