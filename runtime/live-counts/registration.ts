/** The search attributes live counts need on the Temporal server: registered when Carepath starts its dev server, checked on a cluster. */
import type { Client } from '@temporalio/client';

/** What `temporal server start-dev --search-attribute` takes; on a cluster, `temporal operator search-attribute create`. */
export const liveCountAttributeTypes = {
  CarepathVersionId: 'Keyword',
  CarepathStep: 'Keyword',
  CarepathPassed: 'KeywordList',
} as const;

/**
 * True when the namespace has every live-count search attribute. Enrollments publish their step only then:
 * upserting an attribute the server does not know fails the workflow task.
 */
export async function liveCountsRegistered(client: Client, namespace: string): Promise<boolean> {
  try {
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({ namespace });
    return Object.keys(liveCountAttributeTypes).every((name) => name in (customAttributes ?? {}));
  } catch {
    // Temporal Cloud answers the operator service only with an API key that may manage the namespace.
    return false;
  }
}
