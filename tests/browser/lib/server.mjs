// The running UserPool server the tests talk to, and small HTTP helpers.
//
// Environment (run.sh sets all of them):
//   USERPOOL_HOST               base URL with scheme, e.g. http://127.0.0.1:5085
//   USERPOOL_ACCESS_KEY_ID      access key id of the pool (run.sh fixes it with Bootstrap__AccessKeyId)
//   USERPOOL_ACCESS_KEY_SECRET  its secret
//   USERPOOL_TEST_OUTPUT        optional, where screenshots go (default ../test-output)

import { randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIRED = ['USERPOOL_HOST', 'USERPOOL_ACCESS_KEY_ID', 'USERPOOL_ACCESS_KEY_SECRET'];

export function getConfig(env = process.env) {
  const missing = REQUIRED.filter((k) => !env[k] || !String(env[k]).trim());
  if (missing.length > 0) {
    throw new Error(`browser tests: missing environment variable(s): ${missing.join(', ')} (run.sh sets them)`);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  return {
    host: String(env.USERPOOL_HOST).trim().replace(/\/+$/, ''),
    accessKeyId: String(env.USERPOOL_ACCESS_KEY_ID).trim(),
    accessKeySecret: String(env.USERPOOL_ACCESS_KEY_SECRET),
    output: env.USERPOOL_TEST_OUTPUT || path.resolve(here, '..', 'test-output'),
  };
}

/** The OpenAPI document as served. */
export async function fetchDocument() {
  const { host } = getConfig();
  const response = await fetch(`${host}/swagger/v1/swagger.json`);
  if (!response.ok) throw new Error(`GET /swagger/v1/swagger.json answered HTTP ${response.status}`);
  return response.json();
}

/** A management token and the pool id it is scoped to (its scoped_userpool_id claim). */
export async function getManagementToken() {
  const { accessKeyId, accessKeySecret } = getConfig();
  const body = await callApi('POST', '/api/v3/get-management-token', { accessKeyId, accessKeySecret });
  if (body.statusCode !== 200) throw new Error(`get-management-token failed: ${JSON.stringify(body)}`);
  const token = body.data.access_token;
  return { token, poolId: poolIdOf(token) };
}

export function poolIdOf(jwt) {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  return payload.scoped_userpool_id;
}

/** Calls the API (with a token when given) and answers the parsed envelope; any HTTP status but 200 fails. */
export async function callApi(method, apiPath, body, auth) {
  const { host } = getConfig();
  const headers = { 'content-type': 'application/json', 'x-authing-lang': 'en-US' };
  if (auth) {
    headers.authorization = `Bearer ${auth.token}`;
    headers['x-authing-userpool-id'] = auth.poolId;
  }
  const response = await fetch(`${host}${apiPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${method} ${apiPath} answered HTTP ${response.status}: ${text}`);
  return JSON.parse(text);
}

/**
 * A copy of an account example whose unique fields (email, phone, username, externalId, identities'
 * userIdInIdp) are new, so it can run again on the same pool.
 */
export function uniqueAccount(item) {
  const copy = structuredClone(item);
  const tag = randomUUID().slice(0, 8);
  if (copy.email) copy.email = copy.email.replace('@', `+${tag}@`);
  if (copy.username) copy.username = `${copy.username}-${tag}`;
  if (copy.phone) copy.phone = `176${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  if (copy.externalId) copy.externalId = `${copy.externalId}-${tag}`;
  for (const identity of copy.identities ?? []) identity.userIdInIdp = `${identity.userIdInIdp}-${tag}`;
  return copy;
}

/** The same for a batch body. */
export function uniqueBatch(body) {
  return { ...structuredClone(body), list: body.list.map(uniqueAccount) };
}
