// What every public form does with its field errors: which fields are wrong, in the form's order; each
// field's error sentence; and each field's id, error and focus (the first wrong field is focused).
export function formErrors<F extends string, E>(
  order: readonly F[],
  errors: Partial<Record<F, E>>,
  text: (error: E, field: F) => string,
) {
  const wrong = order.filter((f) => errors[f]);
  const errorOf = (f: F): string | undefined => {
    const e = errors[f];
    return e === undefined ? undefined : text(e, f);
  };
  /** Id, error and focus of a field: the first wrong one is focused. */
  const field = (name: F) => ({ id: name, error: errorOf(name), autofocus: wrong[0] === name });
  return { wrong, errorOf, field };
}
