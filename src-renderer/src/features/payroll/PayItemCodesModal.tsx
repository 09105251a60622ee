import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  duplicateCode,
  duplicateCodeMessage,
  PAY_ITEM_DEFAULTS,
  payItemCodeField,
  type PayItem,
} from '@shared/contract/pay-items';
import { ApiError, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { de } from '@shared/french';

/**
 * The codes of the employer's payroll software for each pay line of the
 * "variables de paie" file: a French description, the default code, the code
 * typed. Validated as main validates it (same schema, same uniqueness rule).
 */
export function PayItemCodesModal(props: { employerId: number; employerName: string; onClose: () => void }) {
  const codes = useApiQuery('payroll/payItemCodes', { employerId: props.employerId });
  const save = useApiMutation('payroll/setPayItemCodes');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (codes.data) setTyped(Object.fromEntries(codes.data.map((c) => [c.item, c.code])));
  }, [codes.data]);

  const items = (codes.data ?? []).map((c) => c.item);
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const item of items) {
      const parsed = payItemCodeField.safeParse(typed[item] ?? '');
      if (!parsed.success) found[item] = parsed.error.issues[0]?.message ?? 'Code invalide.';
    }
    const duplicate = duplicateCode(
      items.map((item) => ({ item, code: typed[item] ?? '' })).filter((c) => c.code.trim() !== ''),
    );
    if (duplicate && !found[duplicate.item]) found[duplicate.item] = duplicateCodeMessage(duplicate);
    return found;
  };

  const submit = async () => {
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const sent = items.map((item) => ({
      item,
      code: typed[item]!.trim() === PAY_ITEM_DEFAULTS[item].code ? null : typed[item]!.trim(),
    }));
    try {
      await save.mutateAsync({ employerId: props.employerId, codes: sent });
      notifySuccess(
        `Les codes de rubrique ${de(props.employerName)} sont enregistrés : la prochaine validation les utilise.`,
      );
      props.onClose();
    } catch (error) {
      const index = error instanceof ApiError ? /^codes\.(\d+)\.code$/.exec(error.payload.field ?? '')?.[1] : undefined;
      if (index !== undefined && error instanceof Error) setErrors({ [sent[Number(index)]!.item]: error.message });
      else notifyFailure(error, 'Les codes ne sont pas enregistrés');
    }
  };

  const row = (item: PayItem) => (
    <Table.Tr key={item}>
      <Table.Td>
        <Text size="sm">{PAY_ITEM_DEFAULTS[item].description}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {PAY_ITEM_DEFAULTS[item].code}
        </Text>
      </Table.Td>
      <Table.Td w={190}>
        <TextInput
          aria-label={`Code de la rubrique ${PAY_ITEM_DEFAULTS[item].description}`}
          value={typed[item] ?? ''}
          error={errors[item]}
          maxLength={20}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setTyped((t) => ({ ...t, [item]: value }));
            setErrors((x) => ({ ...x, [item]: '' }));
          }}
        />
      </Table.Td>
      <Table.Td w={110}>
        {typed[item] !== PAY_ITEM_DEFAULTS[item].code && (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-label={`Remettre le code par défaut : ${PAY_ITEM_DEFAULTS[item].description}`}
            onClick={() => (
              setTyped((t) => ({ ...t, [item]: PAY_ITEM_DEFAULTS[item].code })),
              setErrors((x) => ({ ...x, [item]: '' }))
            )}
          >
            Par défaut
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Modal opened onClose={props.onClose} title={`Rubriques de paie — ${props.employerName}`} size={980} centered>
      <Stack>
        <Text size="sm">
          Chaque ligne du fichier « variables de paie » porte le code de rubrique du logiciel de paie de l’employeur
          (Silae, Sage, Cegid, EBP…). Tapez le code que ce logiciel utilise pour chaque ligne ; une rubrique sans code
          propre garde le code par défaut.
        </Text>
        {codes.isPending && <Loader />}
        {codes.error && <Alert color="red">{errorMessage(codes.error)}</Alert>}
        {codes.data && (
          <ScrollArea.Autosize mah={430}>
            <Table aria-label="Codes de rubrique" stickyHeader verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ligne de paie</Table.Th>
                  <Table.Th>Par défaut</Table.Th>
                  <Table.Th>Code du logiciel de paie</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map(row)}</Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending} disabled={!codes.data}>
            Enregistrer les codes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
