/** Schema 1 → 2: the time zone setting names its source, and quiet hours are written into the document so reviewers see them. */
import type { Migration } from './types.js';

export const timeZoneSource: Migration = {
  from: 1,
  to: 2,
  description:
    'settings.timeZone becomes { source, fallback | zone }; default quiet hours (21:00–08:00, SMS and voice) are made explicit',
  migrate(document) {
    const settings = { ...((document.settings as Record<string, unknown> | undefined) ?? {}) };
    const zone = settings.timeZone;
    settings.timeZone =
      zone === undefined || zone === 'patient'
        ? { source: 'patient', fallback: 'America/New_York' }
        : { source: 'fixed', zone };
    if (settings.quietHours === undefined)
      settings.quietHours = { start: '21:00', end: '08:00', channels: ['sms', 'voice'] };
    return { ...document, schemaVersion: 2, settings };
  },
};
