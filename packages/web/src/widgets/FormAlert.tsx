/**
 * A form's refusal, said next to it: announced (role="alert") and named by the
 * field's `aria-describedby` through `id`. Nothing is rendered without a message.
 */
export function FormAlert({ id, message }: { id: string; message: string | null | undefined }) {
  return message ? (
    <p id={id} role="alert" className="field-error">
      {message}
    </p>
  ) : null;
}
