// GOV.UK checkboxes, in a module of their own so that only the pages that ask them carry them.
import { describedBy, fieldId, LegendHintAndError } from "./form-fields";

/** GOV.UK checkboxes: several answers to one question, posted under one name. */
export function Checkboxes(props: { name: string; legend: string; hint?: string; options: { value: string; label: string }[]; values: readonly string[]; error?: string }) {
  const { name, legend, hint, options, values, error } = props;
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <LegendHintAndError name={name} legend={legend} hint={hint} error={error} />
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {options.map((option, index) => {
            const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${index + 1}`;
            return (
              <div key={option.value} className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id={id} name={name} type="checkbox" value={option.value} defaultChecked={values.includes(option.value)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
