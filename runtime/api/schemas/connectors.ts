/** Connector types and instances as the Connectors screen reads and writes them: secrets go in, only "set" / "not set" comes out. */
import { z } from '@hono/zod-openapi';

const Settings = z
  .record(z.string(), z.unknown())
  .openapi({ description: "The settings form's fields; a secret left blank (or out) keeps its stored value" });

export const InstanceId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,62}$/,
    'must be 2–63 lower-case letters, digits or dashes, starting with a letter (it is part of the webhook URL)',
  )
  .openapi({ example: 'clinic-sms' });

export const InstanceIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ConnectorType = z
  .object({
    id: z.string(),
    name: z.string(),
    channels: z.array(z.string()),
    settingsSchema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema of the settings form' }),
    secretFields: z.array(z.string()).openapi({ description: 'Settings stored encrypted and never returned' }),
  })
  .openapi('ConnectorType');

export const ConnectorTypeList = z.object({ types: z.array(ConnectorType) }).openapi('ConnectorTypeList');

export const TestResult = z
  .object({
    at: z.string(),
    ok: z.boolean(),
    providerMessageId: z.string().optional(),
    error: z.string().optional().openapi({ description: "The provider's refusal, word for word" }),
  })
  .openapi('ConnectorTestResult');

export const ConnectorInstance = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    source: z.enum(['built-in', 'configuration', 'database']),
    channels: z.array(z.string()),
    editable: z.boolean(),
    settings: z.record(z.string(), z.unknown()).openapi({ description: 'The settings that are not secret' }),
    secrets: z.record(z.string(), z.enum(['set', 'not set'])),
    webhookPath: z.string(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    lastTest: TestResult.nullable(),
    problem: z.string().nullable(),
  })
  .openapi('ConnectorInstance');

export const ConnectorInstanceAnswer = z.object({ instance: ConnectorInstance }).openapi('ConnectorInstanceAnswer');
export const ConnectorInstanceList = z
  .object({ instances: z.array(ConnectorInstance) })
  .openapi('ConnectorInstanceList');

export const NewConnectorInstance = z
  .object({
    id: InstanceId,
    type: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    settings: Settings,
  })
  .strict()
  .openapi('NewConnectorInstance');

export const ConnectorInstanceChange = z
  .object({ name: z.string().trim().min(1).max(200).optional(), settings: Settings })
  .strict()
  .openapi('ConnectorInstanceChange');

export const TestMessageInput = z
  .object({
    to: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .openapi({ description: 'A phone number or email address to send the test to' }),
    body: z.string().max(1600).optional(),
  })
  .strict()
  .openapi('ConnectorTestMessage');

export const TestMessageAnswer = z.object({ result: TestResult }).openapi('ConnectorTestAnswer');
