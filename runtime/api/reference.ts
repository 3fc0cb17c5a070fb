/** The browsable API reference at /api/reference: Swagger UI served from the local swagger-ui-dist package (no CDN). */
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AppEnv } from './context.js';

const require = createRequire(import.meta.url);
const assetsDir = (): string => (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const ASSETS: Record<string, string> = { 'swagger-ui.css': 'text/css', 'swagger-ui-bundle.js': 'text/javascript' };

export const referencePage = new Hono<AppEnv>();

referencePage.get('/reference', (c) =>
  c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Carepath API reference</title>
<link rel="stylesheet" href="/api/reference/swagger-ui.css"></head><body><div id="swagger"></div>
<script src="/api/reference/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger' });</script></body></html>`),
);

referencePage.get('/reference/:asset', async (c) => {
  const asset = c.req.param('asset');
  const type = ASSETS[asset];
  if (!type) return c.notFound();
  return c.body(await readFile(join(assetsDir(), asset)), 200, {
    'content-type': type,
    'cache-control': 'public, max-age=86400',
  });
});
