/** The `<option>`s for one of the schema's enums, in the schema's order, with people's words. */
export function LabelledOptions<T extends string>(props: {
  values: readonly T[];
  labels: Record<T, string>;
}) {
  return props.values.map((value) => (
    <option key={value} value={value}>
      {props.labels[value]}
    </option>
  ));
}
