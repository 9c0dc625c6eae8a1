// Text from a value of unknown shape (a form field, a request parameter): what a person typed.

/** A string as it is, a number or boolean as written ("2021", "true"); anything else (objects, lists, null, undefined) is "". */
export function scalarText(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}
