/** The connector instances, each with where it comes from and whether its secrets are set; one click opens it. */
import type { ConnectorInstance } from './connectors-api.js';

const SOURCE_LABEL = { 'built-in': 'built in', configuration: 'from configuration', database: 'saved here' };

export function InstanceList({
  instances,
  open,
  onOpen,
}: {
  instances: ConnectorInstance[];
  open?: string;
  onOpen: (id: string) => void;
}) {
  return (
    <table className="table connectors-list" data-testid="connector-list">
      <thead>
        <tr>
          <th>Connector</th>
          <th>Type</th>
          <th>Source</th>
          <th>Secrets</th>
        </tr>
      </thead>
      <tbody>
        {instances.map((instance) => {
          const secrets = Object.values(instance.secrets);
          return (
            <tr
              key={`${instance.source}:${instance.id}`}
              aria-selected={open === instance.id}
              data-testid={`connector-row-${instance.id}`}
            >
              <td>
                <button type="button" className="link" onClick={() => onOpen(instance.id)}>
                  {instance.name}
                </button>{' '}
                <code>{instance.id}</code>
                {instance.problem && <span className="error-text"> · not in use</span>}
              </td>
              <td>{instance.type}</td>
              <td>{SOURCE_LABEL[instance.source]}</td>
              <td>
                {secrets.length === 0 ? '—' : `${secrets.filter((s) => s === 'set').length} of ${secrets.length} set`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
