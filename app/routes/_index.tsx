import type { MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "start.title");

export const loader = textsLoader(["start", "complaint.start"]);

/** What the questions will ask, said before starting (GOV.UK start page). */
const ASKED = [
  "complaint.start.asked.service",
  "complaint.start.asked.what",
  "complaint.start.asked.outcome",
  "complaint.start.asked.contact",
  "complaint.start.asked.equality",
] as const;

const EXAMPLES = [
  "start.examples.failure",
  "start.examples.delay",
  "start.examples.quality",
  "start.examples.policy",
  "start.examples.conduct",
  "start.examples.discrimination",
] as const;
const PATHWAYS = [
  { heading: "start.pathwayCorporate", text: "start.pathwayCorporateText" },
  { heading: "start.pathwayChildrens", text: "start.pathwayChildrensText" },
  { heading: "start.pathwayAdults", text: "start.pathwayAdultsText" },
] as const;

export default function StartPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("start.title")}</h1>
        <p className="govuk-body-l">{t("start.lead")}</p>
        <p className="govuk-body">{t("complaint.start.intro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {ASKED.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p className="govuk-body">{t("complaint.start.time")}</p>
        <p className="govuk-body">{t("complaint.start.saved")}</p>
        <StartButton />

        <h2 className="govuk-heading-m">{t("start.whatIsHeading")}</h2>
        <p className="govuk-body">{t("start.whatIs")}</p>
        <p className="govuk-body">{t("start.examplesIntro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {EXAMPLES.map((example) => (
            <li key={example}>{t(example)}</li>
          ))}
        </ul>

        <h2 className="govuk-heading-m">{t("start.notHeading")}</h2>
        <p className="govuk-body">{t("start.serviceRequest")}</p>
        <p className="govuk-body">{t("start.ownRoute")}</p>
        <p className="govuk-body">{t("start.timeLimit")}</p>

        <h2 className="govuk-heading-m">{t("start.stagesHeading")}</h2>
        <p className="govuk-body">{t("start.stagesIntro")}</p>
        {PATHWAYS.map((pathway) => (
          <div key={pathway.heading} className="council-start-pathway">
            <h3 className="govuk-heading-s">{t(pathway.heading)}</h3>
            <p className="govuk-body">{t(pathway.text)}</p>
          </div>
        ))}
        <p className="govuk-body">{t("start.ombudsman")}</p>

        <h2 className="govuk-heading-m">{t("start.onBehalfHeading")}</h2>
        <p className="govuk-body">{t("start.onBehalf")}</p>

        <p className="govuk-body">
          <Link className="govuk-link" to="/compliment">
            {t("start.complimentLink")}
          </Link>
        </p>

        <h2 className="govuk-heading-m">{t("start.otherWaysHeading")}</h2>
        <p className="govuk-body">{t("start.otherWays")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/contact">
            {t("start.otherWaysLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}

/**
 * The one start button: a real button (so Space and Enter both press it, with or without JavaScript) that starts
 * the questions, or carries on from the first one not yet answered when answers are saved on this device.
 */
function StartButton() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/complaint?index">
      <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
        {t("start.startButton")}
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      </button>
    </Form>
  );
}
