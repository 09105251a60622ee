import { useEffect } from 'react';

/**
 * Which mounted screens hold typed, unsaved work. Lives in the renderer's
 * memory only: a lock keeps that work for its author, and when another account
 * unlocks, the notice says whose work was dropped only if there was some.
 */
const dirtyScreens = new Set<symbol>();

export function useUnsavedWork(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const screen = Symbol('unsaved');
    dirtyScreens.add(screen);
    return () => {
      dirtyScreens.delete(screen);
    };
  }, [dirty]);
}

export function hasUnsavedWork(): boolean {
  return dirtyScreens.size > 0;
}
