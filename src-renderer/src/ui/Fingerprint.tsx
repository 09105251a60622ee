import { Text } from '@mantine/core';

/**
 * A certificate fingerprint (« AB:CD:… », 32 bytes) laid out as the server’s
 * screen shows it: two lines of 16 bytes, each in four groups of four, so
 * the person compares group by group.
 */
export function Fingerprint({ value, testId, size = 'lg' }: { value: string; testId?: string; size?: 'sm' | 'lg' }) {
  const bytes = value.split(':');
  const lines = [bytes.slice(0, 16), bytes.slice(16)];
  return (
    <Text ff="monospace" size={size} fw={600} data-testid={testId} style={{ lineHeight: 1.8 }}>
      {lines.map((line, l) => (
        <span key={l} style={{ display: 'block' }}>
          {[0, 4, 8, 12].map((start, g) => (
            <span key={start} style={{ marginRight: g < 3 ? '0.9em' : 0 }}>
              {line.slice(start, start + 4).join(':')}
              {g < 3 && line.length > start + 4 ? ':' : ''}
            </span>
          ))}
        </span>
      ))}
    </Text>
  );
}
