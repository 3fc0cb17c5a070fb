/** The designer's call for a version's live counts (runtime/api/routes/live-counts.ts); the answer type comes from the server's schema. */
import type { z } from 'zod';
import { request } from '../api/client.js';
import type { LiveCountsAnswer } from '../../runtime/api/schemas/live-counts.js';

export type LiveCounts = z.infer<typeof LiveCountsAnswer>;

export const liveCountsOf = (versionId: string) =>
  request<LiveCounts>('GET', `/versions/${encodeURIComponent(versionId)}/live-counts`);
