/**
 * Which settings of a connector are secrets: the fields its settings schema marks `.meta({ writeOnly: true })` (JSON
 * Schema's own word for "sent, never read back"). They are encrypted at rest and never returned by the API.
 */
import { z } from 'zod';
import type { Connector } from '../../connectors/sdk/index.js';

export function settingsJsonSchema(connector: Connector<unknown>): Record<string, unknown> {
  // `input`: defaults make a property optional to write, which is what a person filling in the form sees.
  return z.toJSONSchema(connector.settingsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function secretFieldsOf(connector: Connector<unknown>): string[] {
  const properties = (settingsJsonSchema(connector).properties ?? {}) as Record<string, { writeOnly?: boolean }>;
  return Object.entries(properties)
    .filter(([, property]) => property.writeOnly === true)
    .map(([name]) => name);
}
