// get-management-token is not in the Node SDK (the spec hides it from SDK generation); the Python, Go and Java
// SDKs use it. This file imitates authing-py-sdk 5.1.0 over fetch (ManagementTokenProvider.py,
// ManagementHttpClient.py): POST {accessKeyId, accessKeySecret}, read the pool id from the JWT payload decoded
// with *standard* base64 (Python's base64.b64decode), then send `Authorization: Bearer <jwt>` and
// `x-authing-userpool-id` on every call.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';

import { getConfig, randomUsername, randomString, randomEmail } from '../lib/client.mjs';
import { expectOk, expectFailure, assertObjectId } from '../lib/expect.mjs';

const cfg = getConfig();

async function postJson(path, body, headers = {}) {
  const res = await fetch(`${cfg.host}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // Like the SDKs that read the body whatever the status, but a business answer must be HTTP 200.
  assert.equal(res.status, 200, `HTTP ${res.status} from ${path}`);
  return res.json();
}

async function getJson(pathAndQuery, headers = {}) {
  const res = await fetch(`${cfg.host}${pathAndQuery}`, { headers });
  assert.equal(res.status, 200, `HTTP ${res.status} from ${pathAndQuery}`);
  return res.json();
}

/** Python's `json.loads(base64.b64decode(seg + '=' * (-len(seg) % 4)))`: standard alphabet only. */
function pythonDecodeSegment(segment) {
  assert.match(segment, /^[A-Za-z0-9+/]+$/, `segment ${segment} is not standard base64 (Python's b64decode would misread - or _)`);
  return JSON.parse(Buffer.from(segment + '='.repeat((4 - (segment.length % 4)) % 4), 'base64').toString('utf8'));
}

/** base64url JSON, as Go's jwt-go and Java's JWT.decode read the header. */
function base64UrlJson(segment) {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

const getToken = (accessKeyId = cfg.accessKeyId, accessKeySecret = cfg.accessKeySecret) =>
  postJson('/api/v3/get-management-token', { accessKeyId, accessKeySecret });

/** The headers authing-py-sdk sends on every management call. */
const pythonHeaders = (token, poolId, lang = '') => ({
  authorization: `Bearer ${token}`,
  'x-authing-userpool-id': poolId,
  'x-authing-sdk-version': 'authing-py-sdk:5.1.0',
  'x-authing-lang': lang,
});

let token;
let poolId;

before(async () => {
  const res = await getToken();
  token = expectOk(res).access_token;
  poolId = pythonDecodeSegment(token.split('.')[1]).scoped_userpool_id;
});

describe('get-management-token', () => {
  test('answers a JWT whose payload decodes with standard base64 and names the pool', async () => {
    const before = Math.floor(Date.now() / 1000);
    const data = expectOk(await getToken());
    assert.deepEqual(Object.keys(data).sort(), ['access_token', 'expires_in']);
    assert.ok(Number.isInteger(data.expires_in) && data.expires_in > 0, `expires_in ${data.expires_in}`);
    assert.equal(data.expires_in, 7200, 'the documented default lifetime');

    const segments = data.access_token.split('.');
    assert.equal(segments.length, 3);
    const header = base64UrlJson(segments[0]);
    assert.equal(header.alg, 'HS256');
    assert.equal(header.typ, 'JWT');
    const payload = pythonDecodeSegment(segments[1]);
    assert.equal(typeof payload.scoped_userpool_id, 'string');
    assertObjectId(payload.scoped_userpool_id, 'scoped_userpool_id');
    assert.equal(payload.scoped_userpool_id, poolId);
    assert.equal(payload.exp - payload.iat, data.expires_in);
    assert.ok(Math.abs(payload.iat - before) < 120, `iat ${payload.iat} vs now ${before}`);
  });

  test('every token is clean for Python, whatever its random parts (10 tokens)', async () => {
    const tokens = new Set();
    for (let i = 0; i < 10; i++) {
      const data = expectOk(await getToken());
      pythonDecodeSegment(data.access_token.split('.')[1]);
      tokens.add(data.access_token);
    }
    assert.equal(tokens.size, 10, 'tokens are distinct');
  });

  const refusals = [
    ['a wrong secret', () => getToken(cfg.accessKeyId, 'definitely-not-the-secret')],
    ['an unknown key id', () => getToken(`unknown-${randomString(10)}`, cfg.accessKeySecret)],
    ['an empty body', () => postJson('/api/v3/get-management-token', {})],
    ['no secret', () => postJson('/api/v3/get-management-token', { accessKeyId: cfg.accessKeyId })],
  ];
  for (const [label, request] of refusals) {
    test(`refuses ${label} with statusCode 401 in an HTTP 200 body`, async () => {
      expectFailure(await request(), 401, 'Invalid accessKeyId or accessKeySecret');
    });
  }
});

describe('calls with the token, as the Python SDK makes them', () => {
  test('create-users-batch (POST), then get-user (GET with Python\'s True/False) and list-users find the user', async () => {
    const username = randomUsername('py');
    const email = randomEmail();
    const created = expectOk(await postJson('/api/v3/create-users-batch',
      { list: [{ username, email, name: '张三', customData: {} }], options: { resetPasswordOnFirstLogin: true } },
      pythonHeaders(token, poolId)));
    assert.equal(created.length, 1);
    assert.equal(created[0].username, username);
    assert.equal(created[0].resetPasswordOnNextLogin, true);

    const query = new URLSearchParams({ userId: email, userIdType: 'email', withCustomData: 'True', withIdentities: 'False', withDepartmentIds: 'True' });
    const read = expectOk(await getJson(`/api/v3/get-user?${query}`, pythonHeaders(token, poolId)));
    assert.equal(read.userId, created[0].userId);
    assert.deepEqual(read.customData, {});
    assert.deepEqual(read.departmentIds, []);
    assert.equal(read.identities, null);

    const page = expectOk(await postJson('/api/v3/list-users', { keywords: username }, pythonHeaders(token, poolId)));
    assert.equal(page.totalCount, 1);
    assert.equal(page.list[0].userId, created[0].userId);
  });

  test('x-authing-lang en-US through the token gets English texts', async () => {
    const res = await getJson(`/api/v3/get-user?userId=${randomString(24)}`, pythonHeaders(token, poolId, 'en-US'));
    expectFailure(res, 404, 'User does not exist', { apiCode: 2004 });
  });

  test('the Java SDK form (the bare token, no "Bearer") is accepted too', async () => {
    const headers = { ...pythonHeaders(token, poolId), authorization: token, 'x-authing-sdk-version': 'authing-java-sdk:3.1.4' };
    expectOk(await getJson('/api/v3/get-custom-fields?targetType=USER', headers));
  });

  const refusals = [
    ['another pool id in x-authing-userpool-id', () => pythonHeaders(token, '0'.repeat(24)), 'x-authing-userpool-id is missing or does not match the token'],
    ['no x-authing-userpool-id', () => { const h = pythonHeaders(token, poolId); delete h['x-authing-userpool-id']; return h; }, 'x-authing-userpool-id is missing or does not match the token'],
    ['a token with a changed payload', () => pythonHeaders(tamper(token), poolId), 'Invalid management token'],
    ['a token with a changed signature', () => pythonHeaders(token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA'), poolId), 'Invalid management token'],
    ['no Authorization header', () => ({ 'x-authing-userpool-id': poolId }), /^Missing credentials/],
  ];
  for (const [label, headers, message] of refusals) {
    test(`refuses ${label} (401 in an HTTP 200 body)`, async () => {
      expectFailure(await postJson('/api/v3/list-users', {}, headers()), 401, message);
    });
  }
});

/** The same token with one claim changed and the original signature. */
function tamper(jwt) {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.exp += 3600;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}
