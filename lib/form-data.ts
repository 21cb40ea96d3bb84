// FormData helpers with no framework in them.

/** The typed values of a form, minus secrets, so a form can be refilled after an error. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !/password|mat-khau/i.test(key)) values[key] = value;
  }
  return values;
}

/** FormData as a plain object; a key sent several times (ticked checkboxes) becomes an array. */
export function formObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (key.startsWith('$ACTION')) continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}
