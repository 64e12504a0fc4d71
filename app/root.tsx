import { type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "~/components/nonce";
import { translatedTitle } from "~/components/page-title";
import { FocusOnNavigation } from "~/components/focus-on-navigation";
import { Footer, Header, LanguageSwitcher, PhaseBanner, SkipLink, TranslationBanner } from "~/components/page-shell";
import { councilLinks } from "~/config/council-links";
import { isHostileQuery, originalSearch } from "~/http/request-checks";
import { TranslationProvider, useTranslation } from "~/i18n/use-translation";
import { DEFAULT_LANGUAGE, type LanguageCode, languageFor } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { pageTranslator } from "~/i18n/page-resources";
import { isTranslationReviewed, translationScript } from "~/i18n/resources.server";
import { NATIVE_LANGUAGE_NAMES } from "~/i18n/language-names";
import styles from "~/styles/app.scss?url";
import { getDb } from "~/db.server";
import { textsFor } from "~/i18n/page-texts.server";
import { hasSessionCookie, signedInAccount } from "~/accounts/sessions.server";


// Each kind of error page has its title and text in locales, under errors.notFound, errors.server and so on.
type ErrorKind = "notFound" | "badRequest" | "forbidden" | "conflict" | "tooLarge" | "server";

function errorKind(error: unknown): ErrorKind {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status === 409) return "conflict";
  if (status === 413) return "tooLarge";
  return status >= 400 && status < 500 ? "badRequest" : "server";
}

/** Where a 409 says to carry on from: a path on this site only. */
function resumeAt(error: unknown): string | null {
  const data: unknown = isRouteErrorResponse(error) ? error.data : null;
  const path = typeof data === "object" && data !== null ? (data as { resumeAt?: unknown }).resumeAt : null;
  return typeof path === "string" && /^\/complaint(\/[a-z-]+)?$/.test(path) ? path : null;
}

export const meta: MetaFunction = ({ error, matches }) =>
  translatedTitle(matches, error === undefined ? "start.title" : `errors.${errorKind(error)}.title`);

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Staff pages (issue 11) are in English whatever the visitor's language; their texts are in their own namespace. */
const isStaffPath = (request: Request) => /^\/staff(\/|$)/.test(new URL(request.url).pathname);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = isStaffPath(request) ? DEFAULT_LANGUAGE : await localeFor(request);
  const payload: RootLoaderData = {
    locale,
    translationsVersion: translationScript(locale).version,
    translationReviewed: isTranslationReviewed(locale),
    badRequest: isHostileQuery(originalSearch(request, context)),
    feedbackUrl: councilLinks().feedback,
  };
  // Only a request carrying a session cookie costs a look-up; only someone signed in is sent the header's texts
  // for it (every other page's data stays as small as it was).
  if (!isStaffPath(request) && hasSessionCookie(request) && (await signedInAccount(await getDb(), request))) {
    payload.signedIn = true;
    payload.texts = textsFor(locale, ["account.nav"]);
  }
  // A hostile query string gets a 400 page in the visitor's language (see App below; entry.server sets the
  // status), not a guess.
  return payload;
}

export type RootLoaderData = {
  locale: LanguageCode;
  /** The content hash of /i18n/<locale>, which gives the browser this page's translations. */
  translationsVersion: string;
  translationReviewed: boolean;
  badRequest: boolean;
  /** Where the phase banner's feedback link goes (FEEDBACK_URL). */
  feedbackUrl: string;
  /** Whether someone is signed in (the header offers their complaints and signing out). */
  signedIn?: true;
  /** The header's signed-in texts, only for someone signed in. */
  texts?: ReturnType<typeof textsFor>;
};

// Pages differ by language, chosen from the cookie or Accept-Language.
export const headers: HeadersFunction = () => ({ Vary: "Accept-Language, Cookie" });

// When the root loader itself failed there is no data: the error page is then shown in English.
const FALLBACK: RootLoaderData = {
  locale: DEFAULT_LANGUAGE,
  translationsVersion: "",
  translationReviewed: true,
  badRequest: false,
  feedbackUrl: "/contact",
};

function useRootData(): RootLoaderData {
  return (useRouteLoaderData("root") as RootLoaderData | undefined) ?? FALLBACK;
}

export function Layout({ children }: { children: ReactNode }) {
  const { locale, translationsVersion, translationReviewed, feedbackUrl, signedIn } = useRootData();
  const language = languageFor(locale);
  const nonce = useNonce();
  const matches = useMatches();
  // Staff pages are English only: no language switcher, and none of the residents' links in the header.
  const staffPage = matches.some((match) => (match.handle as { staff?: boolean } | undefined)?.staff === true);
  return (
    <html lang={language.tag} dir={language.dir} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b2e3f" />
        <Meta />
        <Links />
        <script src={`/i18n/${locale}?v=${translationsVersion}`} nonce={nonce} />
      </head>
      <body className="govuk-template__body">
        <TranslationProvider t={pageTranslator(locale, matches.map((match) => match.data))}>
          <SkipLink />
          <FocusOnNavigation />
          <Header signedIn={signedIn === true} />
          {staffPage ? null : <LanguageSwitcher current={locale} names={NATIVE_LANGUAGE_NAMES} />}
          <div className="govuk-width-container">
            <PhaseBanner feedbackUrl={feedbackUrl} />
            <main className="govuk-main-wrapper" id="main-content">
              {translationReviewed ? null : <TranslationBanner />}
              {children}
            </main>
          </div>
          <Footer />
        </TranslationProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { badRequest } = useRootData();
  return badRequest ? <ErrorPage kind="badRequest" /> : <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage kind={errorKind(error)} resume={resumeAt(error)} />;
}

function ErrorPage({ kind, resume = null }: { kind: ErrorKind; resume?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`errors.${kind}.title`)}</h1>
        <p className="govuk-body">{t(`errors.${kind}.body`)}</p>
        {resume ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={resume}>
              {t("errors.conflict.resume")}
            </Link>
          </p>
        ) : kind === "server" ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/contact">
              {t("errors.server.contact")}
            </Link>
          </p>
        ) : (
          <p className="govuk-body">
            <Link className="govuk-link" to="/">
              {t("errors.notFound.help")}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
