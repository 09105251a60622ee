/**
 * The day this build was made, written into the main bundle by
 * electron.vite.config.ts; absent when main runs from source (browser mode,
 * tests), where the "À propos" screen says it is a development version.
 */
declare const __PASSERELLE_BUILT_ON__: string | undefined;

export const builtOn: string | null = typeof __PASSERELLE_BUILT_ON__ === 'string' ? __PASSERELLE_BUILT_ON__ : null;
