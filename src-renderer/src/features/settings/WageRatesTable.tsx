import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { formatFrenchDate } from '@shared/dates';
import { eurosToCents, formatEuros } from '@shared/money';
import { wageRateInput, type WageRateInput } from '@shared/contract/settings';
import { smicRateRefusal } from '@shared/smic-floor';
import { ApiError } from '../../api/client';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure } from '../../ui/notify';
import { DateField } from '../../ui/DateField';
import { useFormErrorSummary } from '../../ui/FormErrors';

export interface WageRow extends WageRateInput {
  key: string | number;
}

/**
 * The dated SMIC table. Staff add each revaluation themselves (an offline app
 * is not updated by decree); the rate in force on a date is the latest one
 * that started on or before it.
 */
export function WageRatesTable(props: {
  rates: WageRow[];
  onAdd: (rate: WageRateInput) => Promise<void> | void;
  onRemove: (key: WageRow['key']) => Promise<void> | void;
  /** False where the decree table does not apply (Mayotte). */
  legalFloor?: boolean;
}) {
  const form = useForm<{ effectiveFrom: string | null; euros: number | string }>({
    initialValues: { effectiveFrom: null, euros: '' },
  });
  // Not a <form>: the table also sits inside the setup wizard.
  const { ref: summaryRef, reveal: revealErrors, summary: errorSummary } = useFormErrorSummary<HTMLDivElement>();
  const add = async () => {
    await addRate();
    revealErrors();
  };

  const addRate = async () => {
    const { effectiveFrom, euros } = form.getValues();
    const rate = {
      effectiveFrom: effectiveFrom ?? '',
      hourlyCents: typeof euros === 'number' ? eurosToCents(euros) : Number.NaN,
    };
    const ok = validateSection(form, '', wageRateInput, rate);
    if (!ok) {
      // The form shows euros, the schema speaks cents: move that message to the euros field.
      const message = form.errors.hourlyCents;
      if (message)
        form.setFieldError(
          'euros',
          typeof euros === 'number' ? message : 'Indiquez le taux horaire en euros (ex. 12,02).',
        );
      return;
    }
    const refusal = smicRateRefusal(rate, props.rates, { legalFloor: props.legalFloor ?? true });
    if (refusal) return form.setFieldError('euros', refusal);
    try {
      await props.onAdd(rate);
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.payload.field === 'hourlyCents')
        form.setFieldError('euros', error.message);
      else if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  const sorted = [...props.rates].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  return (
    <Stack ref={summaryRef}>
      {errorSummary}
      <Table withTableBorder striped maw={560} aria-label="Taux du SMIC horaire brut">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>À partir du</Table.Th>
            <Table.Th>SMIC horaire brut</Table.Th>
            <Table.Th w={60} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((rate) => (
            <Table.Tr key={rate.key}>
              <Table.Td>{formatFrenchDate(rate.effectiveFrom)}</Table.Td>
              <Table.Td>{formatEuros(rate.hourlyCents)}</Table.Td>
              <Table.Td>
                <Tooltip label="Supprimer ce taux">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Supprimer le taux du ${formatFrenchDate(rate.effectiveFrom)}`}
                    onClick={() => void Promise.resolve(props.onRemove(rate.key)).catch((e) => notifyFailure(e))}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
          {sorted.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text c="dimmed">Aucun taux saisi.</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Group align="flex-start">
        <DateField
          label="Nouveau taux à partir du"
          placeholder="JJ/MM/AAAA"
          clearable
          {...form.getInputProps('effectiveFrom')}
          error={form.errors.effectiveFrom}
        />
        <NumberInput
          label="Taux horaire brut"
          placeholder="12,02"
          decimalSeparator=","
          decimalScale={2}
          min={0}
          suffix=" €"
          hideControls
          {...form.getInputProps('euros')}
        />
        <Button mt={28} variant="light" onClick={() => void add()}>
          Ajouter ce taux
        </Button>
      </Group>
    </Stack>
  );
}
