import { Anchor } from '@mantine/core';
import { useState, type CSSProperties } from 'react';

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
const SHOWN: CSSProperties = {
  position: 'fixed',
  top: 8,
  left: 8,
  zIndex: 1000,
  padding: '8px 16px',
  background: 'white',
  borderRadius: 8,
  boxShadow: '0 2px 8px rgba(0,0,0,.25)',
};

/**
 * The first stop of the keyboard (RGAA 12.7): jumps over the header and the menu to the
 * screen's content. Hidden until focused. The router owns the URL fragment, so the jump moves
 * the focus itself instead of following `#id`.
 */
export function SkipLink({ target }: { target: string }) {
  const [focused, setFocused] = useState(false);
  return (
    <Anchor
      href={`#${target}`}
      fw={600}
      style={focused ? SHOWN : HIDDEN}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      Aller au contenu
    </Anchor>
  );
}
