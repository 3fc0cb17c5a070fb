/** The connector catalogue: each installed connector with the JSON Schema of its settings, from which the designer builds its form. */
import { z } from '@hono/zod-openapi';

export const Connector = z
  .object({
    id: z.string().openapi({ description: 'The instance id journeys name' }),
    type: z.string().optional().openapi({ description: 'The connector type the instance is made of' }),
    name: z.string(),
    channels: z.array(z.string()),
    settingsSchema: z.unknown().optional().openapi({ description: 'JSON Schema of the connector settings' }),
  })
  .openapi('Connector');
export type Connector = z.infer<typeof Connector>;

export const ConnectorList = z.object({ connectors: z.array(Connector) }).openapi('ConnectorList');
