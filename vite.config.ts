import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// One Vite build for everything that runs in a browser context: the workbench renderer and the simulator.
// Pages are listed here; each becomes out/web/<folder>/index.html.
export default defineConfig({
  root: resolve(here, 'app'),
  base: './',
  publicDir: false,
  build: {
    outDir: resolve(here, 'out/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      input: {
        renderer: resolve(here, 'app/renderer/index.html'),
        simulator: resolve(here, 'app/simulator/index.html'),
        'simulator-view': resolve(here, 'app/simulator/view/index.html'),
      },
    },
  },
  worker: { format: 'es' },
});
