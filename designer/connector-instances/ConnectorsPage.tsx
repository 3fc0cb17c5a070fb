/** The Connectors screen for engineers and admins: every connector instance, a form per instance generated from its settings schema, and a test send. */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { InstanceEditor, type InstanceDraft } from './InstanceEditor.js';
import { InstanceList } from './InstanceList.js';
import { TestMessagePanel } from './TestMessagePanel.js';
import { connectorsApi, type ConnectorInstance, type ConnectorType } from './connectors-api.js';
import './connectors.css';

export function ConnectorsPage() {
  const [instances, setInstances] = useState<ConnectorInstance[]>([]);
  const [types, setTypes] = useState<ConnectorType[]>([]);
  /** The open instance's id, `new` for the creation form, or nothing. */
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [list, catalogue] = await Promise.all([connectorsApi.instances(), connectorsApi.types()]);
      setInstances(list.instances);
      setTypes(catalogue.types);
      setError(undefined);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const selected = instances.find((i) => i.id === open);

  async function save(draft: InstanceDraft) {
    if (selected) await connectorsApi.update(selected.id, { name: draft.name, settings: draft.settings });
    else await connectorsApi.create(draft);
    await load();
    setOpen(draft.id);
  }

  async function remove(id: string) {
    await connectorsApi.remove(id);
    setOpen(undefined);
    await load();
  }

  return (
    <main className="page connectors-page" data-testid="connectors-page">
      <div className="page-head">
        <h1>Connectors</h1>
        <button type="button" className="primary" onClick={() => setOpen('new')} data-testid="connector-new">
          New connector
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="connectors-layout">
        <InstanceList instances={instances} open={open} onOpen={setOpen} />
        <div className="connectors-detail">
          {open === 'new' && <InstanceEditor key="new" types={types} onSave={save} />}
          {selected && (
            <>
              <InstanceEditor
                key={`${selected.id}:${selected.updatedAt}`}
                instance={selected}
                types={types}
                onSave={save}
                onDelete={selected.editable ? () => remove(selected.id) : undefined}
              />
              <TestMessagePanel key={selected.id} instance={selected} />
            </>
          )}
        </div>
      </div>
    </main>
  );
}
