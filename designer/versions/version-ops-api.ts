/** The designer's calls for a version's status: submit, publish, pause, resume, retire; typed from the server's route schemas. */
import { answer, client } from '../api/client.js';

export type VersionOperation = 'submit' | 'publish' | 'pause' | 'resume' | 'retire';

/** `hc` puts path parameters into the URL as they are: encode them, so an id can never change the path. */
const at = (id: string) => ({ param: { id: encodeURIComponent(id) } });

const versionsApi = client.api.versions[':id'];

export function runVersionOperation(versionId: string, operation: VersionOperation) {
  switch (operation) {
    case 'submit':
      return answer(versionsApi.submit.$post(at(versionId)));
    case 'publish':
      return answer(versionsApi.publish.$post(at(versionId)));
    case 'pause':
      return answer(versionsApi.pause.$post(at(versionId)));
    case 'resume':
      return answer(versionsApi.resume.$post(at(versionId)));
    case 'retire':
      return answer(versionsApi.retire.$post(at(versionId)));
  }
}
