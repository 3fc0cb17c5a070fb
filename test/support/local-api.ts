/** API calls from a test, outside the browser, as the local login: logs in once, then sends its session cookie. */
import { TEST_PASSWORD, type TestCarepath } from './carepath.js';

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary answers

/**
 * `carepath` is read when a call is made, so the helper can be made before `beforeAll` starts Carepath.
 * `as` logs in as another user (one the test created) instead of the local login.
 */
export function localLoginApi(carepath: () => TestCarepath, as?: { email: string; password: string }): ApiCall {
  let cookie = '';
  return async (method, path, body) => {
    const { url, login } = carepath();
    if (!cookie) {
      const answer = await fetch(`${url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(as ?? { email: login.email, password: TEST_PASSWORD }),
      });
      cookie = answer.headers.get('set-cookie')!.split(';')[0];
    }
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}
