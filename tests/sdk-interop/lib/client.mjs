// Factories for the unchanged official Authing Node SDK (authing-node-sdk 4.0.1),
// pointed at a running UserPool server, plus small random-data helpers modelled
// on the SDK's own test utilities (src/utils/index.ts in the package).
//
// Environment:
//   USERPOOL_HOST               base URL of the server, with scheme, e.g. http://127.0.0.1:5080
//   USERPOOL_ACCESS_KEY_ID      access key id (= userpool id for the Node SDK's signature scheme)
//   USERPOOL_ACCESS_KEY_SECRET  access key secret
//   USERPOOL_TIMEOUT_MS         optional, per-request timeout (SDK default 10000)
//   USERPOOL_APP_ID             optional, sent by AuthenticationClient as x-authing-app-id

import { randomInt } from 'node:crypto';
import sdk from 'authing-node-sdk';

// The package is CommonJS; take the named classes off the default export.
export const { ManagementClient, AuthenticationClient, Models } = sdk;

const REQUIRED = ['USERPOOL_HOST', 'USERPOOL_ACCESS_KEY_ID', 'USERPOOL_ACCESS_KEY_SECRET'];

/** Reads and checks the environment; throws one clear error naming everything missing. */
export function getConfig(env = process.env) {
  const missing = REQUIRED.filter((k) => !env[k] || !String(env[k]).trim());
  if (missing.length > 0) {
    throw new Error(
      `sdk-interop: missing environment variable(s): ${missing.join(', ')}. ` +
        'Set USERPOOL_HOST (e.g. http://127.0.0.1:5080), USERPOOL_ACCESS_KEY_ID and ' +
        'USERPOOL_ACCESS_KEY_SECRET to point the tests at a running UserPool server.',
    );
  }
  const host = String(env.USERPOOL_HOST).trim().replace(/\/+$/, '');
  // The SDK's domainC14n() silently turns a scheme-less host into https://host,
  // so insist on an explicit scheme here.
  if (!/^https?:\/\//i.test(host)) {
    throw new Error(
      `sdk-interop: USERPOOL_HOST must start with http:// or https:// (got "${env.USERPOOL_HOST}")`,
    );
  }
  const timeout = env.USERPOOL_TIMEOUT_MS ? Number(env.USERPOOL_TIMEOUT_MS) : 10000;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new Error(`sdk-interop: USERPOOL_TIMEOUT_MS must be a positive number (got "${env.USERPOOL_TIMEOUT_MS}")`);
  }
  return {
    host,
    accessKeyId: String(env.USERPOOL_ACCESS_KEY_ID).trim(),
    accessKeySecret: String(env.USERPOOL_ACCESS_KEY_SECRET),
    timeout,
    appId: env.USERPOOL_APP_ID || 'userpool-sdk-interop',
  };
}

/**
 * A ManagementClient for the configured server. `overrides` are passed to the
 * SDK constructor on top of the configuration (e.g. { accessKeySecret: 'wrong' },
 * { tenantId }, { lang: 'en-US' }).
 */
export function createManagementClient(overrides = {}) {
  const cfg = getConfig();
  return new ManagementClient({
    accessKeyId: cfg.accessKeyId,
    accessKeySecret: cfg.accessKeySecret,
    host: cfg.host,
    timeout: cfg.timeout,
    ...overrides,
  });
}

/**
 * An AuthenticationClient for the configured server, for the unauthenticated
 * endpoints such as getSystemInfo() (GET /api/v3/system). The SDK requires
 * appId, appHost and (unless tokenEndPointAuthMethod is 'none') appSecret.
 */
export function createAuthenticationClient(overrides = {}) {
  const cfg = getConfig();
  return new AuthenticationClient({
    appId: cfg.appId,
    appSecret: 'sdk-interop-unused',
    appHost: cfg.host,
    timeout: cfg.timeout,
    ...overrides,
  });
}

/**
 * Awaits an SDK call and turns the SDK's thrown errors into short, readable ones.
 * The SDK (axios with default validateStatus) throws on any non-2xx HTTP status
 * and on transport errors; the raw AxiosError is very verbose in test output.
 */
export async function call(fnOrPromise) {
  try {
    return await (typeof fnOrPromise === 'function' ? fnOrPromise() : fnOrPromise);
  } catch (err) {
    throw describeSdkError(err);
  }
}

export function describeSdkError(err) {
  if (!err || !err.isAxiosError) return err;
  const req = err.config ? `${String(err.config.method || '').toUpperCase()} ${err.config.baseURL || ''}${err.config.url || ''}` : '';
  if (err.response) {
    let body = err.response.data;
    try {
      body = typeof body === 'string' ? body : JSON.stringify(body);
    } catch {
      /* keep as is */
    }
    const e = new Error(
      `server answered HTTP ${err.response.status} to ${req}; the SDK throws on non-2xx ` +
        `(business errors must be HTTP 200 with statusCode in the body). Body: ${String(body).slice(0, 500)}`,
    );
    e.httpStatus = err.response.status;
    e.responseBody = err.response.data;
    return e;
  }
  const e = new Error(`cannot reach the UserPool server (${req}): ${err.code || ''} ${err.message}`.trim());
  e.code = err.code;
  return e;
}

// ---- random test data (modelled on authing-node-sdk src/utils/index.ts) ----

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random [A-Za-z0-9] string, default length 30 (as SDK generateRandomString). */
export function randomString(length = 30, alphabet = ALNUM) {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** Unique username; lowercase letters/digits, starts with a letter. */
export function randomUsername(prefix = 'u') {
  return `${prefix}${randomString(20, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
}

/** Lowercase random local part @example.com (as SDK generateRandomEmail). */
export function randomEmail(length = 30) {
  return `${randomString(length).toLowerCase()}@example.com`;
}

// The mainland-China mobile prefixes listed by the SDK's generateRandomPhone.
const PHONE_PREFIXES = [
  '139', '138', '137', '136', '135', '134', '159', '158', '157', '150', '151', '152',
  '188', '187', '182', '183', '184', '178', '130', '131', '132', '156', '155', '186',
  '185', '176', '133', '153', '189', '180', '181', '177',
];

/**
 * Random 11-digit mainland mobile number (prefix + 8 digits). Unlike the SDK's
 * generateRandomPhone this always has exactly 11 digits and uses every prefix.
 */
export function randomPhone() {
  const prefix = PHONE_PREFIXES[randomInt(PHONE_PREFIXES.length)];
  return prefix + String(randomInt(100_000_000)).padStart(8, '0');
}

/** A basic CreateUserInfoDto / CreatePublicAccountReqDto like the SDK's tests build. */
export function randomUserInfo(extra = {}) {
  return {
    username: randomUsername(),
    email: randomEmail(),
    phone: randomPhone(),
    phoneCountryCode: '+86',
    externalId: randomString(),
    name: randomString(),
    nickname: randomString(),
    gender: 'M',
    emailVerified: true,
    phoneVerified: true,
    ...extra,
  };
}

/**
 * Records the requests a client sends (method, url, headers as put on the wire), without changing them:
 * an axios response hook on the SDK's own http client. Returns the array it fills.
 */
export function recordRequests(client) {
  const seen = [];
  const record = (config) => {
    if (config) seen.push({ method: String(config.method).toUpperCase(), url: config.url, params: config.params, headers: { ...config.headers } });
  };
  client.httpClient.axios.interceptors.response.use(
    (res) => { record(res.config); return res; },
    (err) => { record(err.config); return Promise.reject(err); },
  );
  return seen;
}
