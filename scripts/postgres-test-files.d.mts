/** Types of scripts/postgres-test-files.mjs (plain JavaScript: scripts/test-all.mjs runs it without a build). */
export function supportImports(source: string, from: string): [string, string[]][];
export function opensDatabase(file: string, source: string, read: (file: string) => string | null): boolean;
export function exclusions(root?: string): Record<string, string>;
export function databaseTestFiles(root?: string): string[];
export function postgresTestFiles(root?: string): string[];
