/** Connectors configured by the environment: settings checked at start, secrets read from named variables. */
import { expect, it } from 'vitest';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { registerConfiguredConnectors } from './configured.js';

const twilio = {
  accountSid: `AC${'0'.repeat(32)}`,
  authToken: 'env:TWILIO_AUTH_TOKEN',
  from: '+15017122661',
  webhookUrl: 'https://carepath.example.org/webhooks/twilio-sms',
};

it('registers the configured connectors, reading secrets from the variables they name', () => {
  const registry = new ConnectorRegistry();
  const ids = registerConfiguredConnectors(registry, {
    CAREPATH_CONNECTORS: JSON.stringify({ 'twilio-sms': twilio }),
    TWILIO_AUTH_TOKEN: 'a'.repeat(32),
  });
  expect(ids).toEqual(['twilio-sms']);
  expect(registry.get('twilio-sms')?.settings).toMatchObject({
    authToken: 'a'.repeat(32),
    baseUrl: 'https://api.twilio.com',
  });
});

it('refuses at start, with the reason, a missing secret, an unknown connector or bad settings', () => {
  const register = (env: Record<string, string>) => () => registerConfiguredConnectors(new ConnectorRegistry(), env);
  expect(register({ CAREPATH_CONNECTORS: JSON.stringify({ 'twilio-sms': twilio }) })).toThrow(
    'names the environment variable TWILIO_AUTH_TOKEN, which is not set',
  );
  expect(register({ CAREPATH_CONNECTORS: JSON.stringify({ pager: {} }) })).toThrow(
    'known connectors: twilio-sms, smtp-email, twilio-voice',
  );
  expect(
    register({
      CAREPATH_CONNECTORS: JSON.stringify({ 'twilio-sms': { ...twilio, authToken: 'x'.repeat(32), from: '12' } }),
    }),
  ).toThrow('from');
  expect(register({ CAREPATH_CONNECTORS: '{not json' })).toThrow('CAREPATH_CONNECTORS is not valid JSON');
  expect(registerConfiguredConnectors(new ConnectorRegistry(), {})).toEqual([]);
});
