import { Alert, Button, Group, Input, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatFrenchDate } from '@shared/dates';
import type { AuthorityCertificateView } from '@shared/contract/storage';
import { call, errorMessage } from '../../api/client';
import { useChooseSource } from '../files/FileChooser';
import { Fingerprint } from '../../ui/Fingerprint';

/** Who the certificate names, who signed it, until when, and its fingerprint to read to the IT provider. */
export function AuthorityCertificates({ certificates }: { certificates: AuthorityCertificateView[] }) {
  return (
    <Stack gap={6}>
      {certificates.map((certificate) => (
        <Stack key={certificate.fingerprint} gap={0}>
          <Text size="sm">
            <strong>{certificate.subject}</strong>
          </Text>
          <Text size="sm" c="dimmed">
            {certificate.selfSigned ? 'Signé par lui-même' : `Signé par ${certificate.issuer}`} · valable du{' '}
            {formatFrenchDate(certificate.validFrom.slice(0, 10))} au{' '}
            {formatFrenchDate(certificate.validUntil.slice(0, 10))}
          </Text>
          <Text size="sm">Empreinte SHA-256, à lire groupe par groupe avec votre prestataire :</Text>
          <Fingerprint value={certificate.fingerprint} size="sm" testId="empreinte-autorite" />
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * « Autorité de certification de la mairie » (libpq’s sslrootcert): the file the IT provider hands over when
 * no public authority signed the server’s certificate. Main reads it (`storage/readAuthority`); its PEM goes
 * into the setting, and what it holds is shown to be checked with the provider on the phone.
 */
export function AuthorityField({
  value,
  certificates,
  onChange,
  error,
}: {
  value: string | null;
  /** What `storage/readAuthority` said of `value`: kept by the form, so that it survives a change of TLS mode. */
  certificates: AuthorityCertificateView[] | null;
  onChange: (pem: string | null, certificates: AuthorityCertificateView[] | null) => void;
  error?: string;
}) {
  const chooseSource = useChooseSource();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const choose = async () => {
    const source = await chooseSource('authority');
    if (!source) return;
    setRefusal(null);
    setReading(true);
    try {
      const read = await call('storage/readAuthority', source);
      onChange(read.pem, read.certificates);
    } catch (failure) {
      setRefusal(errorMessage(failure));
    } finally {
      setReading(false);
    }
  };

  const remove = () => {
    setRefusal(null);
    onChange(null, null);
  };

  return (
    <Input.Wrapper
      label="Autorité de certification de la mairie (facultatif)"
      description="Si le certificat du serveur n’est pas signé par une autorité publique : le fichier .crt ou .pem de l’autorité remis par votre prestataire informatique (ou le certificat du serveur lui-même s’il est auto-signé). Jamais de clé privée."
      error={error}
      size="md"
    >
      <Stack gap="xs" mt={6}>
        <Group gap="xs">
          <Button variant="default" loading={reading} onClick={() => void choose()}>
            {value ? 'Choisir un autre certificat…' : 'Choisir le certificat…'}
          </Button>
          {value && (
            <Button variant="subtle" color="gray" onClick={remove}>
              Retirer
            </Button>
          )}
        </Group>
        {value && certificates && (
          <Alert color="blue" title="Certificat choisi : vérifiez son empreinte avec votre prestataire">
            <AuthorityCertificates certificates={certificates} />
          </Alert>
        )}
        {refusal && (
          <Alert color="red" title="Ce fichier n’a pas été retenu">
            {refusal}
          </Alert>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
