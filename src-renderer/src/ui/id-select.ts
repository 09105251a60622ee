import type { UseFormReturnType } from '@mantine/form';

/** Props for a Mantine Select bound to a numeric id field (Select speaks strings, the contract numbers). */
export function idSelectProps(form: UseFormReturnType<any>, path: string) {
  const props = form.getInputProps(path);
  return {
    ...props,
    value: props.value === null || props.value === undefined ? null : String(props.value),
    onChange: (value: string | null) => form.setFieldValue(path, value === null ? null : Number(value)),
  };
}
