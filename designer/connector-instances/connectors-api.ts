/** The Connectors screen's calls: connector types, instances (create, change, delete) and test messages; typed from the server's route schemas. */
import type { InferResponseType } from 'hono/client';
import type { z } from 'zod';
import { answer, client } from '../api/client.js';
import type { ConnectorInstanceChange, NewConnectorInstance } from '../../runtime/api/schemas/connectors.js';

const instances = client.api['connector-instances'];

export type ConnectorType = InferResponseType<(typeof client.api)['connector-types']['$get'], 200>['types'][number];
export type ConnectorInstance = InferResponseType<(typeof instances)['$get'], 200>['instances'][number];
export type TestResult = InferResponseType<(typeof instances)[':id']['test-messages']['$post'], 200>['result'];
export type NewInstance = z.input<typeof NewConnectorInstance>;
export type InstanceChange = z.input<typeof ConnectorInstanceChange>;

/** `hc` puts path parameters into the URL as they are: encode them, so an id can never change the path. */
const at = (id: string) => ({ id: encodeURIComponent(id) });

export const connectorsApi = {
  types: () => answer(client.api['connector-types'].$get()),
  instances: () => answer(instances.$get()),
  create: (json: NewInstance) => answer(instances.$post({ json })),
  update: (id: string, json: InstanceChange) => answer(instances[':id'].$put({ param: at(id), json })),
  remove: (id: string) => answer(instances[':id'].$delete({ param: at(id) })),
  sendTest: (id: string, json: { to: string; body?: string }) =>
    answer(instances[':id']['test-messages'].$post({ param: at(id), json })),
};
