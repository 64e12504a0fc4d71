import type { MetaArgs } from "@remix-run/node";
import { languageFor } from "~/i18n/languages";
import { pageResources } from "~/i18n/page-resources";
import { translatorFor } from "~/i18n/translator";
import type { RootLoaderData } from "~/root";

/**
 * The page's <title> in the visitor's language: "{page} – Complaints – Coventry City Council". When the root
 * refused the request's query string, every page is the "problem with that web address" page instead.
 */
export function translatedTitle(matches: MetaArgs["matches"], key: string): { title: string }[] {
  const root = matches.find((match) => match.id === "root")?.data as RootLoaderData | undefined;
  if (!root) return [{ title: key }];
  const t = translatorFor(languageFor(root.locale).tag, pageResources(root.locale));
  const page = root.badRequest ? "errors.badRequest.title" : key;
  return [{ title: t("pageTitle", { title: t(page) }) }];
}
