import { useState } from 'react';
import { useApiQuery } from '../../api/client';
import { LogoField, type LogoValue } from './LogoField';

/**
 * A logo kept in a form as its stored file name (an employer's, a funder's):
 * the picture is read back from main for a file saved earlier, or comes with
 * the import for one just chosen.
 */
export function LogoFileField(props: {
  value: string | null;
  onChange: (file: string | null) => void;
  error?: string;
  label: string;
  description: string;
  alt: string;
}) {
  const [chosen, setChosen] = useState<LogoValue | null>(null);
  const stored = useApiQuery(
    'settings/getLogo',
    { file: props.value ?? '' },
    { enabled: props.value !== null && chosen?.file !== props.value },
  );
  const shown = props.value === null ? null : chosen?.file === props.value ? chosen : (stored.data ?? null);
  return (
    <LogoField
      value={shown}
      onChange={(value) => {
        setChosen(value);
        props.onChange(value?.file ?? null);
      }}
      error={props.error}
      label={props.label}
      description={props.description}
      alt={props.alt}
    />
  );
}
