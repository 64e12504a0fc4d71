import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGES, type LanguageCode } from "~/i18n/languages";

export function switchLanguageHref(code: LanguageCode, returnTo: string): string {
  return `/language?${new URLSearchParams({ lng: code, returnTo })}`;
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="govuk-skip-link">
      {t("skipLink")}
    </a>
  );
}

/**
 * The header, with "Check or add to your complaint" for someone not signed in, or their complaints and a sign-out
 * button (a form: signing out changes something, so it is a POST, and works without JavaScript). The signed-in
 * texts come with the root's data, only to those signed in, so every other page's JavaScript stays smaller.
 */
export function Header({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__content">
          <span className="council-header__council">{t("council")}</span>
          <Link to="/" className="govuk-header__link govuk-header__service-name council-header__service-name">
            {t("serviceName")}
          </Link>
          <nav aria-label={t(signedIn ? "account.nav.yourComplaints" : "accountNav.signIn")} className="govuk-header__navigation">
            <ul className="govuk-header__navigation-list">
              {signedIn ? (
                <>
                  <li className="govuk-header__navigation-item">
                    <Link className="govuk-header__link" to="/complaints">
                      {t("account.nav.yourComplaints")}
                    </Link>
                  </li>
                  <li className="govuk-header__navigation-item">
                    <form method="post" action="/sign-out">
                      <button className="govuk-header__link">
                        {t("account.nav.signOut")}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <li className="govuk-header__navigation-item">
                  <Link className="govuk-header__link" to="/sign-in">
                    {t("accountNav.signIn")}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

/** Plain links, so switching language works without JavaScript; the server remembers the choice in a cookie. */
export function LanguageSwitcher({ current, names }: { current: LanguageCode; names: Record<LanguageCode, string> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  return (
    <nav className="council-languages govuk-width-container" aria-labelledby="language-switcher-label">
      <h2 className="council-languages__label" id="language-switcher-label">
        {t("languageSwitcher.label")}
      </h2>
      <ul className="council-languages__list">
        {LANGUAGES.map((language) => (
          <li key={language.code} className="council-languages__item" lang={language.tag} dir={language.dir}>
            {language.code === current ? (
              <span aria-current="true">{names[language.code]}</span>
            ) : (
              <a className="govuk-link" href={switchLanguageHref(language.code, returnTo)} hrefLang={language.tag}>
                {names[language.code]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** GOV.UK phase banner: the service is new, and how to say what could be better. */
export function PhaseBanner({ feedbackUrl }: { feedbackUrl: string }) {
  const { t } = useTranslation();
  return (
    // A landmark of its own, so nothing on the page sits outside one.
    <section className="govuk-phase-banner" aria-label={t("phaseBanner.label")}>
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{t("phaseBanner.tag")}</strong>
        <span className="govuk-phase-banner__text">
          {t("phaseBanner.text")}{" "}
          <a className="govuk-link" href={feedbackUrl}>
            {t("phaseBanner.feedback")}
          </a>
        </span>
      </p>
    </section>
  );
}

export function TranslationBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="govuk-inset-text council-translation-banner" role="note">
      <strong className="govuk-tag govuk-tag--yellow">{t("translationBanner.tag")}</strong>{" "}
      {t("translationBanner.text")}{" "}
      <a className="govuk-link" href={switchLanguageHref("en", `${location.pathname}${location.search}`)} hrefLang="en-GB">
        {t("translationBanner.readInEnglish")}
      </a>{" "}
      {t("translationBanner.orContactUs")}
    </div>
  );
}

export function Footer() {
  const { t } = useTranslation();
  const links = [
    { to: "/accessibility", key: "footer.accessibility" },
    { to: "/privacy", key: "footer.privacy" },
    { to: "/cookies", key: "footer.cookies" },
    { to: "/contact", key: "footer.contact" },
  ] as const;
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.heading")}</h2>
            <ul className="govuk-footer__inline-list">
              {links.map((link) => (
                <li key={link.to} className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to={link.to}>
                    {t(link.key)}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{t("footer.copyright")}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
