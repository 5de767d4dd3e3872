// Request-signature authentication as seen by the real authing-node-sdk 4.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient } from '../lib/client.mjs';

test('a request signed by the real SDK is accepted (getCustomFields USER -> 200)', async () => {
  const client = createManagementClient();
  const res = await call(() => client.getCustomFields({ targetType: 'USER' }));
  assert.equal(res.statusCode, 200, `expected statusCode 200, got ${JSON.stringify(res)}`);
  assert.ok(Array.isArray(res.data), `expected data to be an array (CustomFieldListRespDto), got ${JSON.stringify(res.data)}`);
});

test('a client with a wrong secret gets statusCode 401 in an HTTP 200 body', async () => {
  const client = createManagementClient({ accessKeySecret: 'definitely-not-the-secret' });
  // call() turns a non-2xx HTTP answer into a clear failure: the SDK throws on
  // non-2xx, so the server must answer HTTP 200 with statusCode 401 in the body.
  const res = await call(() => client.getCustomFields({ targetType: 'USER' }));
  assert.equal(res.statusCode, 401, `expected statusCode 401, got ${JSON.stringify(res)}`);
  assert.equal(typeof res.message, 'string');
});
