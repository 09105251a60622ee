import { ActionIcon, CloseButton, Group, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { formatFrenchDate, isValidIsoDate } from '@shared/dates';
import {
  dateFieldHelp,
  dateFieldOptions,
  dateFieldValue,
  parseFrenchDate,
  type DateFieldKind,
} from '@shared/date-parse';
import { todayInFrance } from '../features/people/defaults';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> {
  /** `YYYY-MM-DD`, or null / '' for none. */
  value?: string | null;
  /** The ISO date, null when emptied, '' while the text is not a date (see `dateFieldValue`). */
  onChange: (value: string | null) => void;
  /** `birth`: two-digit years in the past and no date in the future; `event` (default): years around today. */
  kind?: DateFieldKind;
  /** Earliest and latest accepted dates, `YYYY-MM-DD`. */
  minDate?: string;
  maxDate?: string;
  clearable?: boolean;
}

const textOf = (value: string | null | undefined) => (value && isValidIsoDate(value) ? formatFrenchDate(value) : '');

/**
 * The one date field of the app: typed day first and read strictly
 * (`shared/date-parse.ts`), or picked in a calendar. A text that is not a real
 * date is shown as typed with the reason under the field, and the form gets
 * no date from it, so nothing is saved until it is corrected.
 */
export function DateField({
  value,
  onChange,
  kind = 'event',
  minDate,
  maxDate,
  clearable,
  error,
  onBlur,
  disabled,
  readOnly,
  ...rest
}: DateFieldProps) {
  const options = dateFieldOptions(kind, todayInFrance(), { min: minDate, max: maxDate });
  const [text, setText] = useState(() => textOf(value));
  const [left, setLeft] = useState(false);
  const [opened, setOpened] = useState(false);
  const handed = useRef(value);

  // A value set from outside (form reset, another field) replaces the text.
  useEffect(() => {
    if (value === handed.current) return;
    handed.current = value;
    setText(textOf(value));
    setLeft(false);
  }, [value]);

  const hand = (next: string | null) => {
    handed.current = next;
    onChange(next);
  };
  const type = (next: string) => {
    setText(next);
    hand(dateFieldValue(next, options));
  };
  const pick = (iso: string | null) => {
    setText(textOf(iso));
    hand(iso);
    setLeft(true);
    setOpened(false);
  };

  const parsed = parseFrenchDate(text, options);
  const problem = !parsed.ok && !parsed.empty ? parsed.message : null;
  const shown = problem && (left || error) ? problem : error;
  const editable = !disabled && !readOnly;

  return (
    // No popup roles on the text field (a textbox cannot be « expanded », WCAG 4.1.2): the calendar button says it.
    <Popover
      opened={opened && editable}
      onChange={setOpened}
      position="bottom-start"
      trapFocus={false}
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          placeholder="JJ/MM/AAAA"
          autoComplete="off"
          inputMode="numeric"
          title={dateFieldHelp(options)}
          {...rest}
          disabled={disabled}
          readOnly={readOnly}
          value={text}
          error={shown}
          onChange={(event) => type(event.currentTarget.value)}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            setLeft(true);
            if (parsed.ok) setText(formatFrenchDate(parsed.iso));
            onBlur?.(event);
          }}
          onKeyDown={(event) => event.key === 'Escape' && setOpened(false)}
          rightSectionWidth={clearable ? 64 : 36}
          rightSection={
            editable && (
              <Group gap={2} wrap="nowrap">
                {clearable && text !== '' && (
                  <CloseButton size="sm" aria-label="Effacer la date" onClick={() => pick(null)} />
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  tabIndex={-1}
                  aria-label="Choisir dans le calendrier"
                  aria-expanded={opened}
                  onClick={() => setOpened((o) => !o)}
                >
                  <IconCalendar size={18} />
                </ActionIcon>
              </Group>
            )
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={parsed.ok ? parsed.iso : null}
          defaultDate={parsed.ok ? parsed.iso : undefined}
          minDate={options.min?.iso}
          maxDate={options.max?.iso}
          onChange={(iso) => pick(iso)}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
