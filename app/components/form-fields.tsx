// GOV.UK form patterns: an error summary that takes focus and links to each field, fields that wire
// aria-invalid and aria-describedby to their hint and error message, and the journey's page with its back link.
// Every text comes from locales/.
import { Link, useSearchParams } from "@remix-run/react";
import { type ChangeEvent, Fragment, type MouseEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { UseFormRegister } from "react-hook-form";
import type { TranslateParams } from "~/i18n/translator";
import { useTranslation } from "~/i18n/use-translation";

export type FieldErrors = Record<string, string>;

/** react-hook-form's register, when the page has JavaScript; without it the fields are plain form fields. */
export type Register = UseFormRegister<Record<string, string>> | undefined;

function registered(register: Register, name: string) {
  return register ? register(name) : { name };
}

/**
 * False in the server's HTML and the browser's first render, true once the page has JavaScript: what only works
 * with JavaScript (hiding a revealed field, a live character count) starts then, and the page works without it.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function fieldId(name: string) {
  return `field-${name}`;
}

// As GOV.UK Frontend does: a summary link moves focus to its field, not just the scroll position.
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.hash.slice(1);
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

/** One line of an error summary: the field it links to, and its message as a translation key. */
export type ErrorItem = { field: string; key: string; params?: TranslateParams };

export function ErrorSummary({ errors }: { errors: FieldErrors | ErrorItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const items: ErrorItem[] = Array.isArray(errors) ? errors : Object.entries(errors).map(([field, key]) => ({ field, key }));
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items.length, errors]);
  // Errors found in the browser before posting put "Error: " before the title too (page-title.ts does it for
  // errors from the server), and take it away once they are put right.
  const prefix = t("errors.titlePrefix", { title: "" });
  useEffect(() => {
    if (items.length === 0 || document.title.startsWith(prefix)) return;
    document.title = prefix + document.title;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [items.length, prefix]);
  if (items.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title" id="error-summary-title">
          {t("errors.form.summaryTitle")}
        </h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, index) => (
              <li key={`${item.field}-${index}`}>
                {/* Every field's first control has the id fieldId(name). */}
                <a href={`#${fieldId(item.field)}`} onClick={focusField}>
                  {t(item.key, item.params)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Shown when a save was refused because the answers changed since the page was loaded (in another tab or
 * window): the page now shows what is saved. It takes focus, as an error summary does.
 */
export function StaleNotice() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="stale-title" ref={ref} tabIndex={-1}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="stale-title">
          {t("errors.form.stale.title")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{t("errors.form.stale.body")}</p>
      </div>
    </div>
  );
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errors.form.prefix")}</span> {t(error)}
    </p>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * A radio choice; `dividerBefore` puts GOV.UK's "or" before it (as before "None of these"); `conditional` is
 * revealed under it when it is chosen (GOV.UK conditional reveal). Without JavaScript it is always shown.
 */
type Option = { value: string; label: string; hint?: string; dividerBefore?: boolean; conditional?: ReactNode };

export function Radios(props: {
  name: string;
  legend: string;
  hint?: string;
  options: Option[];
  value?: string;
  error?: string;
  inline?: boolean;
  isPageHeading?: boolean;
  register?: Register;
}) {
  const { name, legend, hint, options, value, error, inline, isPageHeading, register } = props;
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [checked, setChecked] = useState(value);
  const field = registered(register, name);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setChecked(event.target.value);
    return "onChange" in field ? field.onChange(event) : undefined;
  };
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <LegendHintAndError name={name} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} />
        <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}`}>
          {options.map((option, index) => {
            const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${index + 1}`;
            return (
              <Fragment key={option.value}>
              {option.dividerBefore ? <div className="govuk-radios__divider">{t("or")}</div> : null}
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={id}
                  {...field}
                  onChange={onChange}
                  type="radio"
                  value={option.value}
                  defaultChecked={value === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                  aria-controls={option.conditional && hydrated ? `${id}-conditional` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
              {option.conditional ? (
                <div
                  className={`govuk-radios__conditional${hydrated && checked !== option.value ? " govuk-radios__conditional--hidden" : ""}`}
                  id={`${id}-conditional`}
                >
                  {option.conditional}
                </div>
              ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A fieldset's legend (the page's heading when it is the only question), hint and error message. */
export function LegendHintAndError(props: { name: string; legend: string; hint?: string; error?: string; isPageHeading?: boolean }) {
  const { name, legend, hint, error, isPageHeading } = props;
  return (
    <>
      <legend className={`govuk-fieldset__legend ${isPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--m"}`}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${name}-error`} error={error} />
    </>
  );
}

/** A text field's label (the page's heading when it is the only question) and hint. */
function LabelAndHint(props: { name: string; label: string; hint?: string; isPageHeading?: boolean }) {
  const { name, label, hint, isPageHeading } = props;
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? " govuk-label--l" : ""}`} htmlFor={fieldId(name)}>
      {label}
    </label>
  );
  return (
    <>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
    </>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  isPageHeading?: boolean;
  register?: Register;
};

/**
 * A long text box with GOV.UK's character count: without JavaScript the hint says how much may be entered; with
 * it, how much is left (or over), in the page's own number format, and a screen reader hears it once typing pauses.
 */
export function TextArea(props: TextFieldProps & { rows?: number; maxLength: number }) {
  const { name, hint, value, error, rows, maxLength, register } = props;
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [length, setLength] = useState((value ?? "").length);
  const [announced, setAnnounced] = useState("");
  const [typed, setTyped] = useState(false);
  const field = registered(register, name);
  const left = maxLength - length;
  const countMessage = left >= 0 ? t("errors.form.remaining", { count: left }) : t("errors.form.over", { count: -left });
  // Announced only once the resident has typed, so it does not talk over the page's heading as it loads.
  useEffect(() => {
    if (!typed) return;
    const timer = setTimeout(() => setAnnounced(countMessage), 1000);
    return () => clearTimeout(timer);
  }, [typed, countMessage]);
  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setTyped(true);
    setLength(event.target.value.length);
    return "onChange" in field ? field.onChange(event) : undefined;
  };
  const over = hydrated && left < 0;
  return (
    <div className={`govuk-form-group govuk-character-count${error ? " govuk-form-group--error" : ""}`}>
      <LabelAndHint {...props} />
      <ErrorMessage id={`${name}-error`} error={error} />
      <textarea
        className={`govuk-textarea govuk-js-character-count${error || over ? " govuk-textarea--error" : ""}`}
        id={fieldId(name)}
        {...field}
        onChange={onChange}
        rows={rows ?? 5}
        defaultValue={value}
        aria-describedby={describedBy(hint && `${name}-hint`, `${name}-limit`, error && `${name}-error`)}
        aria-invalid={error ? true : undefined}
      />
      {hydrated ? (
        <>
          <div id={`${name}-limit`} className={`govuk-character-count__message ${over ? "govuk-error-message" : "govuk-hint"}`} aria-hidden="true">
            {countMessage}
          </div>
          <div className="govuk-visually-hidden" aria-live="polite">
            {announced}
          </div>
        </>
      ) : (
        <div id={`${name}-limit`} className="govuk-hint govuk-character-count__message">
          {t("errors.form.limit", { count: maxLength })}
        </div>
      )}
    </div>
  );
}

export function TextInput(
  props: TextFieldProps & {
    type?: "text" | "email" | "tel";
    autoComplete?: string;
    spellCheck?: boolean;
    inputMode?: "numeric";
    /** A GOV.UK fixed width, e.g. 10 characters for a code. */
    width?: 10 | 20;
    /** Answers already given elsewhere, offered as the person types (a native datalist: no script needed). */
    suggestions?: readonly string[];
  },
) {
  const { name, hint, value, error, type, autoComplete, spellCheck, inputMode, width, register, suggestions } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <LabelAndHint {...props} />
      <ErrorMessage id={`${name}-error`} error={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={fieldId(name)}
        {...registered(register, name)}
        type={type ?? "text"}
        defaultValue={value}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        inputMode={inputMode}
        dir={type === "email" || type === "tel" || inputMode === "numeric" ? "ltr" : undefined}
        aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}
        aria-invalid={error ? true : undefined}
        list={suggestions && suggestions.length > 0 ? `${name}-suggestions` : undefined}
      />
      {suggestions && suggestions.length > 0 ? (
        <datalist id={`${name}-suggestions`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

export function DateInput(props: {
  name: string;
  legend: string;
  hint?: string;
  values: Record<string, string>;
  error?: string;
  /** The boxes the error is about (only the missing ones, when parts are missing); all of them when not given. */
  errorParts?: readonly string[];
  isPageHeading?: boolean;
  register?: Register;
}) {
  const { name, legend, hint, values, error, errorParts, isPageHeading, register } = props;
  const { t } = useTranslation();
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const parts = [
    { part: "day", width: 2, labelKey: "errors.form.date.day" },
    { part: "month", width: 2, labelKey: "errors.form.date.month" },
    { part: "year", width: 4, labelKey: "errors.form.date.year" },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hintId, errorId)}>
        <LegendHintAndError name={name} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} />
        <div className="govuk-date-input" dir="ltr">
          {parts.map(({ part, width, labelKey }, index) => {
            const wrong = Boolean(error) && (errorParts === undefined || errorParts.includes(part));
            return (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={index === 0 ? fieldId(name) : `${fieldId(name)}-${part}`}>
                  {t(labelKey)}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${wrong ? " govuk-input--error" : ""}`}
                  id={index === 0 ? fieldId(name) : `${fieldId(name)}-${part}`}
                  {...registered(register, `${name}-${part}`)}
                  type="text"
                  inputMode="numeric"
                  defaultValue={values[`${name}-${part}`]}
                  aria-invalid={wrong ? true : undefined}
                />
              </div>
            </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A GOV.UK select: one answer from a list too long for radios. `choose` is the empty first option. */
export function Select(props: { name: string; label: string; hint?: string; choose: string; options: { value: string; label: string }[]; value?: string; error?: string }) {
  const { name, label, hint, choose, options, value, error } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <LabelAndHint name={name} label={label} hint={hint} />
      <ErrorMessage id={`${name}-error`} error={error} />
      <select className={`govuk-select${error ? " govuk-select--error" : ""}`} id={fieldId(name)} name={name} defaultValue={value ?? ""} aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}>
        <option value="">{choose}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "check-answers" when the resident came to change an answer from the check page, so they go back there. */
export function useReturnTo(): "check-answers" | "" {
  const [searchParams] = useSearchParams();
  return searchParams.get("returnTo") === "check-answers" ? "check-answers" : "";
}

/** A page of the complaint journey: a back link, then the GOV.UK two-thirds column. */
export function JourneyPage({ back, children }: { back: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={back} className="govuk-back-link">
        {t("back")}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">{children}</div>
      </div>
    </>
  );
}
