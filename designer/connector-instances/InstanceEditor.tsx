/**
 * One connector instance: its id and type (fixed once saved), name, and settings in a form generated from the
 * connector's settings schema by the inspector's SchemaForm. Instances from the code or the configuration are read-only.
 */
import { useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useSubmit } from '../app/useSubmit.js';
import { SchemaForm } from '../forms/SchemaForm.js';
import { toObjectSpec, type JsonSchema } from '../forms/form-spec.js';
import type { Problem } from '../../schema/index.js';
import { secretWidgets } from './secret-widgets.js';
import type { ConnectorInstance, ConnectorType } from './connectors-api.js';

export interface InstanceDraft {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
}

interface Props {
  /** Absent when creating one. */
  instance?: ConnectorInstance;
  types: ConnectorType[];
  onSave: (draft: InstanceDraft) => Promise<void>;
  onDelete?: () => Promise<void>;
}

const SOURCE_NOTE = {
  'built-in': 'Built into Carepath; nothing to configure here.',
  configuration: 'From configuration (CAREPATH_CONNECTORS or its file): change it there. Read-only here.',
  database: '',
};

export function InstanceEditor({ instance, types, onSave, onDelete }: Props) {
  const [id, setId] = useState(instance?.id ?? '');
  const [type, setType] = useState(instance?.type ?? types[0]?.id ?? '');
  const [name, setName] = useState(instance?.name ?? '');
  const [settings, setSettings] = useState<Record<string, unknown>>(instance?.settings ?? {});
  const [problems, setProblems] = useState<Problem[]>([]);
  const editable = !instance || instance.editable;
  const connectorType = types.find((t) => t.id === type);
  const schema = connectorType?.settingsSchema as JsonSchema | undefined;
  const spec = useMemo(() => (schema ? toObjectSpec(schema) : undefined), [schema]);
  const widgets = useMemo(
    () =>
      secretWidgets(
        connectorType?.secretFields ?? [],
        instance?.secrets ?? {},
        Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([k, p]) => [k, p.description])),
      ),
    [connectorType, instance, schema],
  );
  const { submit, busy, error } = useSubmit(async () => {
    setProblems([]);
    try {
      await onSave({ id, type, name, settings });
    } catch (err) {
      if (err instanceof ApiError) setProblems(err.problems);
      throw err;
    }
  });
  const remove = useSubmit(async () => {
    if (onDelete && window.confirm(`Delete connector "${instance?.id}"? Journeys naming it can no longer send.`))
      await onDelete();
  });

  return (
    <form className="card connector-editor" onSubmit={submit} data-testid="connector-editor">
      <h2>{instance ? instance.name : 'New connector'}</h2>
      {instance && !instance.editable && (
        <p className="muted" data-testid="connector-source-note">
          {SOURCE_NOTE[instance.source]}
        </p>
      )}
      {instance?.problem && (
        <p className="error-text" role="alert" data-testid="connector-problem">
          Not in use: {instance.problem}
        </p>
      )}
      <label className="field">
        Connector type
        <select
          value={type}
          disabled={!!instance}
          onChange={(e) => {
            setType(e.target.value);
            setSettings({});
          }}
          data-testid="connector-type"
        >
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.channels.join(', ')})
            </option>
          ))}
          {instance && !connectorType && <option value={instance.type}>{instance.type}</option>}
        </select>
      </label>
      <label className="field">
        Id
        <input
          required
          value={id}
          disabled={!!instance}
          pattern="[a-z][a-z0-9\-]{1,62}"
          placeholder="clinic-sms"
          onChange={(e) => setId(e.target.value)}
          data-testid="connector-id"
        />
        <small className="muted" data-testid="connector-webhook">
          What journeys name in a step&apos;s connector. The provider posts replies and delivery reports to{' '}
          <code>
            {window.location.origin}/webhooks/{id || '<id>'}
          </code>{' '}
          (under CAREPATH_PUBLIC_URL when set).
        </small>
      </label>
      <label className="field">
        Name
        <input
          required
          value={name}
          disabled={!editable}
          onChange={(e) => setName(e.target.value)}
          data-testid="connector-name"
        />
      </label>
      {spec && (
        // A disabled fieldset makes every generated control read-only, for instances this screen does not own.
        <fieldset disabled={!editable} className="connector-settings">
          <legend>Settings</legend>
          <SchemaForm
            spec={spec}
            value={settings}
            base="/settings"
            problems={problems}
            testIdPrefix="connector-setting"
            onChange={(next) => setSettings(next)}
            widgets={widgets}
          />
        </fieldset>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="connector-error">
          {error}
        </p>
      )}
      {remove.error && (
        <p className="error-text" role="alert" data-testid="connector-delete-error">
          {remove.error}
        </p>
      )}
      {editable && (
        <div className="dialog-actions">
          {onDelete && (
            <button type="button" onClick={() => remove.submit()} disabled={remove.busy} data-testid="connector-delete">
              Delete
            </button>
          )}
          <button type="submit" className="primary" disabled={busy} data-testid="connector-save">
            {instance ? 'Save' : 'Create connector'}
          </button>
        </div>
      )}
    </form>
  );
}
