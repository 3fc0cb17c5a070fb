/** Inspector fields of a message step: channel, connector, subject (email), template, the await-reply settings, and the preview. */
import { Channel, describeDuration, isDuration, type JourneyDocument, type MessageStep } from '../../schema/index.js';
import type { Connector } from '../api/types.js';
import { setAwaitReply } from '../model/reply-classes.js';
import { Field } from './Field.js';
import { ReplyClassesEditor } from './ReplyClassesEditor.js';
import { MessagePreview } from '../preview/MessagePreview.js';

interface Props {
  document: JourneyDocument;
  stepId: string;
  step: MessageStep;
  connectors: Connector[];
  onChange: (step: MessageStep, field: string) => void;
}

export function MessageFields({ document, stepId, step, connectors, onChange }: Props) {
  const connectorIds = connectors.some((c) => c.id === step.connector)
    ? connectors
    : [...connectors, { id: step.connector, name: step.connector, channels: [] }];
  return (
    <>
      <Field label="Channel">
        <select
          value={step.channel}
          onChange={(e) => onChange({ ...step, channel: e.target.value as MessageStep['channel'] }, 'channel')}
          data-testid="inspector-channel"
        >
          {Channel.options.map((channel) => (
            <option key={channel} value={channel}>
              {channel.toUpperCase()}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Connector">
        <select
          value={step.connector}
          onChange={(e) => onChange({ ...step, connector: e.target.value }, 'connector')}
          data-testid="inspector-connector"
        >
          {connectorIds.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id}
            </option>
          ))}
        </select>
      </Field>
      {step.channel === 'email' && (
        <Field label="Subject">
          <input
            value={step.subject ?? ''}
            onChange={(e) => onChange({ ...step, subject: e.target.value || undefined }, 'subject')}
            data-testid="inspector-subject"
          />
        </Field>
      )}
      <Field
        label="Message template"
        hint={
          <>
            Liquid, e.g. <code>{'{{ patient.firstName }}'}</code>
          </>
        }
      >
        <textarea
          rows={5}
          value={step.template}
          onChange={(e) => onChange({ ...step, template: e.target.value }, 'template')}
          data-testid="inspector-template"
        />
      </Field>
      <label className="toggle">
        <input
          type="checkbox"
          checked={step.await !== undefined}
          onChange={(e) => onChange(setAwaitReply(step, e.target.checked), 'await')}
          data-testid="inspector-await-reply"
        />
        <span>Await reply</span>
      </label>
      {step.await && (
        <>
          <Field
            label="Reply timeout"
            hint={
              isDuration(step.await.timeout)
                ? `Takes the timeout output after ${describeDuration(step.await.timeout)}`
                : 'An ISO 8601 duration such as P2D or PT4H'
            }
          >
            <input
              value={step.await.timeout}
              onChange={(e) => onChange({ ...step, await: { ...step.await!, timeout: e.target.value } }, 'timeout')}
              data-testid="inspector-timeout"
            />
          </Field>
          <ReplyClassesEditor step={step} onChange={onChange} />
        </>
      )}
      <MessagePreview document={document} stepId={stepId} step={step} />
    </>
  );
}
