import { Button, Group, Image, Input, Paper, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { notifyFailure } from '../../ui/notify';
import { useChooseSource } from '../files/FileChooser';

export interface LogoValue {
  file: string;
  dataUrl: string;
}

/** Choose an image; main copies it into the data folder and answers with its stored name. */
export function LogoField(props: {
  value: LogoValue | null;
  onChange: (value: LogoValue | null) => void;
  error?: string;
  label?: string;
  description?: string;
  /** What the picture shows, for a screen reader. */
  alt?: string;
}) {
  const chooseSource = useChooseSource();
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    try {
      const source = await chooseSource('logo');
      if (!source) return;
      setBusy(true);
      props.onChange(await call('settings/importLogo', source));
    } catch (error) {
      notifyFailure(error, 'Le logo n’a pas pu être ajouté');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Input.Wrapper
      label={props.label ?? 'Logo (facultatif)'}
      description={props.description ?? 'Il apparaîtra en en-tête des documents du CCAS.'}
      error={props.error}
    >
      <Group mt="xs" align="center">
        <Paper
          withBorder
          w={160}
          h={90}
          p={4}
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          {props.value ? (
            <Image src={props.value.dataUrl} alt={props.alt ?? 'Logo de la structure'} fit="contain" h={80} w={150} />
          ) : (
            <Text size="sm" c="dimmed">
              Aucun logo
            </Text>
          )}
        </Paper>
        <Button variant="light" leftSection={<IconPhoto size={18} />} onClick={pick} loading={busy}>
          {props.value ? 'Changer le logo…' : 'Choisir un logo…'}
        </Button>
        {props.value && (
          <Button variant="subtle" color="gray" onClick={() => props.onChange(null)}>
            Retirer
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
