// A form checked in the browser by react-hook-form with the same check the action runs, then sent through
// Remix. Without JavaScript nothing here runs: the action's errors are shown instead, in the same words.
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm } from "react-hook-form";
import type { FieldErrors } from "./form-fields";

export function useCheckedForm(options: {
  /** Field errors as translation keys; empty when the answers are fine. */
  check: (values: Record<string, string>) => FieldErrors;
  defaultValues: Record<string, string>;
  serverErrors?: FieldErrors;
}) {
  const submit = useSubmit();
  const form = useForm<Record<string, string>>({
    defaultValues: options.defaultValues,
    shouldFocusError: false,
    resolver: async (values) => {
      const errors = Object.entries(options.check(values));
      if (errors.length === 0) return { values, errors: {} };
      return { values: {}, errors: Object.fromEntries(errors.map(([name, key]) => [name, { type: "validate", message: key }])) };
    },
  });
  const clientErrors = Object.fromEntries(
    Object.entries(form.formState.errors).map(([name, error]) => [name, String(error?.message ?? "")]),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    // The button pressed is sent too (its name and value), as the browser would without JavaScript.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => submit(submitter instanceof HTMLButtonElement ? submitter : element, { method: "post" }))(event);
  }
  return { register: form.register, errors: { ...(options.serverErrors ?? {}), ...clientErrors }, onSubmit };
}
