import { Progress, Stack, Text } from '@mantine/core';
import { evaluatePassword } from '@shared/password-policy';

/** The strength meter: 80 bits is the CNIL target for a password used alone. */
export function PasswordStrength({ password, personName }: { password: string; personName?: string }) {
  if (password.length === 0) return null;
  const verdict = evaluatePassword(password, personName);
  const percent = Math.min(100, Math.round((verdict.bits / 80) * 100));
  const color = verdict.acceptable ? (percent >= 100 ? 'teal' : 'lime') : percent > 50 ? 'orange' : 'red';
  return (
    <Stack gap={4}>
      <Progress value={percent} color={color} size="sm" aria-label="Solidité du mot de passe" />
      <Text size="sm" c={verdict.acceptable ? 'teal.8' : 'red.8'}>
        {verdict.acceptable ? 'Mot de passe assez solide.' : verdict.advice}
      </Text>
    </Stack>
  );
}
