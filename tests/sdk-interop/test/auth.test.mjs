// Request-signature authentication as seen by the real authing-node-sdk 4.0.1: a good signature on every
// endpoint, a wrong secret or unknown key on every endpoint (401 in an HTTP 200 body, nothing written), and the
// client options that add signed headers (tenantId -> x-authing-app-id, lang -> x-authing-lang).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomUsername, randomEmail, recordRequests } from '../lib/client.mjs';
import { expectOk, expectFailure } from '../lib/expect.mjs';

const client = createManagementClient();

/** One call of every signed endpoint, through the SDK method that reaches it. */
const everyEndpoint = [
  ['createUsersBatch', (c) => c.createUsersBatch({ list: [{ username: randomUsername('auth') }] })],
  ['createUser', (c) => c.createUser({ username: randomUsername('auth') })],
  ['getUser', (c) => c.getUser({ userId: randomString(24) })],
  ['listUsers', (c) => c.listUsers({ options: { pagination: { page: 1, limit: 1 } } })],
  ['listUsersLegacy', (c) => c.listUsersLegacy({ page: 1, limit: 1 })],
  ['createPublicAccountsBatch', (c) => c.createPublicAccountsBatch({ list: [{ username: randomUsername('auth') }] })],
  ['createPublicAccount', (c) => c.createPublicAccount({ username: randomUsername('auth') })],
  ['getPublicAccount', (c) => c.getPublicAccount({ userId: randomString(24) })],
  ['getPublicAccountBatch', (c) => c.getPublicAccountBatch({ userIds: [randomString(24)] })],
  ['listPublicAccounts', (c) => c.listPublicAccounts()],
  // A fixed key: set-custom-fields creates or updates, so reruns do not pile up definitions.
  ['setCustomFields', (c) => c.setCustomFields({ list: [{ targetType: 'USER', key: 'interop_auth_probe', dataType: 'STRING' }] })],
  ['getCustomFields', (c) => c.getCustomFields({ targetType: 'USER' })],
  ['createOrganization', (c) => c.createOrganization({ organizationCode: randomString(), organizationName: 'auth' })],
  ['createDepartment', (c) => c.createDepartment({ organizationCode: randomString(), parentDepartmentId: 'root', name: 'auth' })],
  ['createTenant', (c) => c.createTenant({ name: randomString(10) })],
];

describe('a client with a wrong secret gets statusCode 401 / apiCode 1300 in an HTTP 200 body', () => {
  const wrongSecret = createManagementClient({ accessKeySecret: 'definitely-not-the-secret' });
  for (const [method, invoke] of everyEndpoint) {
    test(method, async () => {
      // call() fails the test on a non-2xx answer: the SDK would throw instead of resolving.
      expectFailure(await call(() => invoke(wrongSecret)), 401, 'Invalid signature', { apiCode: 1300 });
    });
  }
});

test('an unknown access key id reads exactly like a wrong secret (createUser, listUsers, createTenant)', async () => {
  const unknownKey = createManagementClient({ accessKeyId: `unknown-${randomString(10)}` });
  for (const [, invoke] of everyEndpoint.filter(([m]) => ['createUser', 'listUsers', 'createTenant'].includes(m))) {
    expectFailure(await call(() => invoke(unknownKey)), 401, 'Invalid signature', { apiCode: 1300 });
  }
});

test('a refused request writes nothing (createUser with a wrong secret, then getUser with the right one)', async () => {
  const username = randomUsername('refused');
  const email = randomEmail();
  const wrongSecret = createManagementClient({ accessKeySecret: 'definitely-not-the-secret', lang: 'en-US' });
  expectFailure(await call(() => wrongSecret.createUser({ username, email })), 401, 'Invalid signature', { apiCode: 1300 });
  expectFailure(await call(() => client.getUser({ userId: username, userIdType: 'username' })), 404, '用户不存在');
  // The e-mail is still free.
  expectOk(await call(() => client.createUser({ email })));
});

describe('every endpoint accepts the real SDK signature', () => {
  for (const [method, invoke] of everyEndpoint) {
    test(method, async () => {
      const res = await call(() => invoke(client));
      // Some of these calls name things that do not exist: what matters is that the signature was accepted.
      assert.notEqual(res.statusCode, 401, `${method}: ${JSON.stringify(res)}`);
      assert.ok([200, 404].includes(res.statusCode), `${method}: ${JSON.stringify(res)}`);
    });
  }
});

describe('the tenantId option (the SDK then signs and sends x-authing-app-id)', () => {
  test('GET and POST calls of a tenant client are accepted and the header is on the wire', async () => {
    const tenant = expectOk(await call(() => client.createTenant({ name: randomString(10) })));
    const tenantClient = createManagementClient({ tenantId: tenant.tenantId });
    const sent = recordRequests(tenantClient);

    const fields = expectOk(await call(() => tenantClient.getCustomFields({ targetType: 'USER' })));
    assert.ok(Array.isArray(fields));
    const username = randomUsername('tenant');
    const user = expectOk(await call(() => tenantClient.createUser({ username })));
    assert.equal(user.username, username);
    const read = expectOk(await call(() => tenantClient.getUser({ userId: user.userId })));
    assert.equal(read.userId, user.userId);

    assert.equal(sent.length, 3);
    for (const request of sent) {
      assert.equal(request.headers['x-authing-app-id'], tenant.tenantId, `${request.method} ${request.url}`);
      assert.match(request.headers.authorization, /^authing [^:]+:[A-Za-z0-9+/]+=*$/);
    }
  });

  test('a tenant client with a wrong secret is still refused', async () => {
    const tenantClient = createManagementClient({ tenantId: randomString(24), accessKeySecret: 'definitely-not-the-secret' });
    expectFailure(await call(() => tenantClient.listUsersLegacy({})), 401, 'Invalid signature', { apiCode: 1300 });
  });
});

test('the lang option is signed and sent as x-authing-lang (default zh-CN)', async () => {
  const english = createManagementClient({ lang: 'en-US' });
  const sentEnglish = recordRequests(english);
  const sentDefault = recordRequests(client);
  expectOk(await call(() => english.getCustomFields({ targetType: 'USER' })));
  expectOk(await call(() => client.getCustomFields({ targetType: 'USER' })));
  assert.equal(sentEnglish[0].headers['x-authing-lang'], 'en-US');
  assert.equal(sentDefault.at(-1).headers['x-authing-lang'], 'zh-CN');
});
