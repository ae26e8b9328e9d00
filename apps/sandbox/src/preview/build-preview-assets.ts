import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface PreviewAssets {
  /** File name (`host.js`, `card-worker.js`, `settings-worker.js`) → bundled code. */
  files: Map<string, string>;
}

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Bundles the host page and one worker per extension. The extensions are the hubspot-app sources
 * unchanged; the bundle is built in memory at start, so there is no build step and no CDN.
 */
export async function buildPreviewAssets(): Promise<PreviewAssets> {
  const result = await build({
    entryPoints: {
      host: at('./browser/host-main.tsx'),
      'card-worker': at('./browser/card-worker.ts'),
      'settings-worker': at('./browser/settings-worker.ts'),
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    outdir: '/assets',
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  const files = new Map<string, string>();
  for (const file of result.outputFiles) files.set(file.path.split('/').pop() ?? file.path, file.text);
  return { files };
}
