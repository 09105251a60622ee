import { Alert, Button, Group, List, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import type { PairedServerView } from '@shared/contract/poste';
import { ApiError, call, useApiQuery } from '../../api/client';
import { Fingerprint } from '../../ui/Fingerprint';
import { showServerErrors } from '../../ui/form-errors';
import { restartOnOtherData } from './restart';

interface Values {
  address: string;
  code: string;
  deviceName: string;
}

/** The titles of the refusals a secretary may meet, each with what to do in its message. */
const REFUSAL_TITLES: Record<string, string> = {
  SERVER_UNREACHABLE: 'Le serveur ne répond pas',
  SERVER_UNTRUSTED: 'Ce n’est pas le serveur vérifié',
  TOO_MANY_ATTEMPTS: 'Trop de codes erronés',
  DEVICE_NOT_PAIRED: 'Ce PC n’est pas reconnu par le serveur',
  FORBIDDEN: 'Réservé à un administrateur',
  UNAUTHORIZED: 'Connexion nécessaire',
};

/**
 * « Ce PC rejoint le serveur Passerelle du bureau » (issue 29): the server’s
 * address, then its certificate’s fingerprint to compare with the one the
 * server shows (Paramètres › Poste serveur, or its console), then the
 * one-time pairing code. Done, Passerelle starts again on the server’s data:
 * everyone signs in with their own account there. Once paired, only that is
 * left on screen (which server, and « Aller à la connexion »): the steps behind
 * are no longer to be done; `onPaired` tells the screen around it.
 */
export function JoinServerForm({ intro, onPaired }: { intro?: string; onPaired?: (server: PairedServerView) => void }) {
  const status = useApiQuery('poste/status');
  const [step, setStep] = useState(0);
  const [probed, setProbed] = useState<{ address: string; fingerprint: string } | null>(null);
  const [different, setDifferent] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PairedServerView | null>(null);
  const form = useForm<Values>({ initialValues: { address: '', code: '', deviceName: '' } });
  const thisPcName = status.data?.server?.deviceName ?? status.data?.thisPcName;
  const knownAddress = status.data?.server?.address;
  // This PC’s name (on the server already, or on the network) and the server it knew, proposed once known.
  useEffect(() => {
    if (thisPcName && form.getValues().deviceName === '') form.setFieldValue('deviceName', thisPcName);
    if (knownAddress && form.getValues().address === '') form.setFieldValue('address', knownAddress);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the status arrives
  }, [thisPcName, knownAddress]);
  const deviceName = form.getValues().deviceName;
  // The button just pressed goes with the form: the keyboard lands on the one thing left to do.
  const signInRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (done) signInRef.current?.focus();
  }, [done]);

  const fail = (error: unknown) => {
    if (!showServerErrors(form, error))
      setRefusal(
        error instanceof ApiError
          ? error
          : new ApiError({ code: 'INTERNAL', message: 'Une erreur inattendue s’est produite. Rien n’a été changé.' }),
      );
  };

  const probe = () => {
    setBusy(true);
    setRefusal(null);
    setDifferent(false);
    call('poste/probe', { address: form.getValues().address })
      .then((found) => {
        setProbed(found);
        form.setFieldValue('address', found.address);
        setStep(1);
      })
      .catch(fail)
      .finally(() => setBusy(false));
  };

  const pair = () => {
    if (!probed) return;
    setBusy(true);
    setRefusal(null);
    call('poste/pair', {
      address: probed.address,
      fingerprint: probed.fingerprint,
      code: form.getValues().code,
      deviceName,
    })
      .then(({ server }) => {
        setDone(server);
        onPaired?.(server);
      })
      .catch((error: unknown) => {
        // The server answering with another certificate: back to the fingerprint, compared again.
        if (error instanceof ApiError && error.payload.code === 'SERVER_UNTRUSTED') {
          setProbed(null);
          setStep(0);
        }
        fail(error);
      })
      .finally(() => setBusy(false));
  };

  if (done)
    return (
      <Alert color="green" title={`Ce PC est relié au serveur Passerelle ${done.address}`}>
        <Stack gap="xs">
          <Text size="sm">
            Passerelle travaille désormais avec ce serveur, où ce PC s’appelle « {done.deviceName} ». La structure, les
            employeurs, les horaires et les comptes sont ceux du serveur : il n’y a rien d’autre à configurer sur ce PC.
          </Text>
          <List size="sm">
            <List.Item>Chaque personne se connecte avec son propre compte, celui créé sur le serveur.</List.Item>
            <List.Item>Aucune donnée des personnes n’est gardée sur ce PC.</List.Item>
            <List.Item>Si le serveur ne répond pas, Passerelle le dit et garde l’écran tel quel.</List.Item>
          </List>
          <Group>
            <Button ref={signInRef} onClick={restartOnOtherData}>
              Aller à la connexion
            </Button>
          </Group>
        </Stack>
      </Alert>
    );

  return (
    <Stack>
      {intro && <Text>{intro}</Text>}
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Adresse du serveur" description="Affichée par le serveur">
          <Stack mt="md" maw={560}>
            <TextInput
              label="Adresse du PC serveur"
              description="Telle que le serveur l’affiche (Paramètres › Poste serveur, ou sa fenêtre), par exemple 192.168.1.10:47443. Sans port, 47443."
              placeholder="192.168.1.10:47443"
              withAsterisk
              autoComplete="off"
              {...form.getInputProps('address')}
            />
            <Group>
              <Button loading={busy} onClick={probe} disabled={form.getValues().address.trim() === ''}>
                Vérifier le serveur
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Empreinte" description="À comparer">
          {probed && (
            <Stack mt="md">
              <Text>
                Le serveur <b>{probed.address}</b> présente cette empreinte. Comparez-la, groupe par groupe, avec celle
                affichée sur le PC serveur (Paramètres › Poste serveur, ou sa fenêtre au démarrage) :
              </Text>
              <Fingerprint value={probed.fingerprint} testId="poste-fingerprint" />
              {different ? (
                <Alert color="red" title="N’allez pas plus loin">
                  <Stack gap="xs">
                    <Text size="sm">
                      Si l’empreinte diffère, ce n’est peut-être pas le serveur du bureau : un autre appareil pourrait
                      lire les mots de passe et les dossiers. N’appairez pas ce PC et prévenez l’administrateur de
                      Passerelle. Vérifiez aussi l’adresse saisie.
                    </Text>
                    <Group>
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => {
                          setDifferent(false);
                          setProbed(null);
                          setStep(0);
                        }}
                      >
                        Revenir à l’adresse
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              ) : (
                <Group>
                  <Button onClick={() => setStep(2)}>Les empreintes sont identiques</Button>
                  <Button variant="default" color="red" onClick={() => setDifferent(true)}>
                    Elles sont différentes
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label="Code d’appairage" description="Donné par l’administrateur">
          <Stack mt="md" maw={560}>
            <Text size="sm">
              L’administrateur crée le code sur le serveur (Paramètres › Poste serveur › « Créer un code d’appairage »)
              ; il sert une seule fois, pendant 10 minutes.
            </Text>
            <TextInput
              label="Code d’appairage"
              placeholder="ABCD-EFGH"
              withAsterisk
              autoComplete="off"
              {...form.getInputProps('code')}
            />
            <TextInput
              label="Nom de ce PC sur le serveur"
              description="Pour le reconnaître dans la liste des postes appairés."
              withAsterisk
              {...form.getInputProps('deviceName')}
            />
            <Group>
              <Button variant="default" onClick={() => setStep(1)}>
                Retour
              </Button>
              <Button
                loading={busy}
                onClick={pair}
                disabled={form.getValues().code.trim() === '' || deviceName.trim() === ''}
              >
                Appairer ce PC
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
      {refusal && (
        <Alert color="red" title={REFUSAL_TITLES[refusal.payload.code] ?? 'Ce PC n’est pas appairé'}>
          {refusal.message}
        </Alert>
      )}
    </Stack>
  );
}
