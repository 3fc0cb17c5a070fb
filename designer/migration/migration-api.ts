/** The designer's calls for moving patients to a later version: the dry run, starting the move, its progress and a retry of the failed. */
import type { InferResponseType } from 'hono/client';
import { answer, client } from '../api/client.js';

const at = (id: string) => ({ param: { id: encodeURIComponent(id) } });
const migrationsOf = client.api.versions[':id'].migrations;

export type MigrationDryRun = InferResponseType<(typeof migrationsOf)['dry-run']['$post'], 200>;
export type MappingRow = MigrationDryRun['mapping']['rows'][number];
export type Migration = InferResponseType<(typeof client.api.migrations)[':id']['$get'], 200>['migration'];

export interface MigrationRequest {
  fromVersionId: string;
  mapping: Record<string, string>;
}

export const migrationApi = {
  dryRun: (toVersionId: string, json: MigrationRequest) =>
    answer(migrationsOf['dry-run'].$post({ ...at(toVersionId), json })),
  start: (toVersionId: string, json: MigrationRequest) =>
    answer(migrationsOf.$post({ ...at(toVersionId), json })).then((a) => a.migration),
  /** The migrations into a version, newest first. */
  into: (toVersionId: string) => answer(migrationsOf.$get(at(toVersionId))).then((a) => a.migrations),
  show: (id: string) => answer(client.api.migrations[':id'].$get(at(id))).then((a) => a.migration),
  retry: (id: string) => answer(client.api.migrations[':id'].retry.$post(at(id))).then((a) => a.migration),
};
