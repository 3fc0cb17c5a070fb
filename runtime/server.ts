/** The one HTTP server: the API under /api, provider webhooks under /webhooks, and the built designer at / (with a fallback to index.html for client-side routes). */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApi } from './api/app.js';
import type { ApiDeps } from './api/context.js';
import { createFormsApp } from './forms/app.js';
import { createWebhookApp } from './api/routes/webhooks.js';

/** `publicUrl` is where providers reach this server (`CAREPATH_PUBLIC_URL`): webhook signatures are checked against it. */
export function createServerApp(deps: ApiDeps & { publicUrl?: string }, designerDir: string) {
  const app = new Hono();
  app.route('/', createApi(deps));
  app.route('/', createFormsApp({ db: deps.db, temporal: deps.temporal }));
  app.route('/', createWebhookApp(deps));
  const indexFile = join(designerDir, 'index.html');
  if (existsSync(indexFile)) {
    const root = relative(process.cwd(), designerDir) || '.';
    app.use('/*', serveStatic({ root }));
    // Read per request: a rebuilt designer (new asset names) is served without restarting the server.
    app.get('*', (c) =>
      c.req.path.startsWith('/api/') || c.req.path.startsWith('/forms/') || c.req.path.startsWith('/webhooks/')
        ? c.notFound()
        : c.html(readFileSync(indexFile, 'utf8')),
    );
  } else {
    app.get('/', (c) =>
      c.text(`The designer is not built yet (${indexFile} is missing); run "npm start", which builds it.`, 503),
    );
  }
  return app;
}
