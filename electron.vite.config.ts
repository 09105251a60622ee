import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const entry = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  main: {
    // The date of the build, for « À propos » (src-main/app/build-info.ts).
    define: { __PASSERELLE_BUILT_ON__: JSON.stringify(new Date().toISOString().slice(0, 10)) },
    build: {
      outDir: 'out/main',
      // better-sqlite3 is a native module: kept out of the bundle, unpacked from asar.
      externalizeDeps: true,
      // The backup worker thread is its own entry: `backup/worker-client.ts` starts `backup-worker.js` beside `index.js`.
      // « Passerelle serveur » run by Node (`node out/main/lan-server.js`, scripts/check-built-server.mjs) is another.
      rollupOptions: {
        input: {
          index: entry('./src-main/electron/main.ts'),
          'backup-worker': entry('./src-main/backup/worker.ts'),
          'lan-server': entry('./src-main/lan/server-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be CommonJS.
      rollupOptions: {
        input: { index: entry('./src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: { index: entry('./src-renderer/index.html') } },
    },
  },
});
