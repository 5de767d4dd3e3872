// AuthenticationClient.getSystemInfo (GET /api/v3/system): unauthenticated, answered bare (SystemInfoResp, no
// envelope) with a `data` copy for the clients whose READMEs read res.data.data (docs/contract.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, publicEncrypt, constants } from 'node:crypto';

import { call, createAuthenticationClient, getConfig } from '../lib/client.mjs';

test('getSystemInfo answers SystemInfoResp field by field', async () => {
  const info = await call(() => createAuthenticationClient().getSystemInfo());
  assert.deepEqual(Object.keys(info).sort(), ['data', 'publicIps', 'rsa', 'sm2', 'version']);
  assert.equal(info.statusCode, undefined, 'bare, not an envelope');

  // rsa.publicKey: a PEM SPKI 1024-bit RSA key that Node can encrypt to with PKCS#1 v1.5.
  assert.deepEqual(Object.keys(info.rsa), ['publicKey']);
  assert.match(info.rsa.publicKey, /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n?$/);
  const key = createPublicKey(info.rsa.publicKey);
  assert.equal(key.asymmetricKeyType, 'rsa');
  assert.equal(key.asymmetricKeyDetails.modulusLength, 1024);
  const ciphertext = publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('passw0rd'));
  assert.equal(ciphertext.length, 128);

  // sm2.publicKey: 130 lowercase hex characters, uncompressed 04‖X‖Y.
  assert.deepEqual(Object.keys(info.sm2), ['publicKey']);
  assert.match(info.sm2.publicKey, /^04[0-9a-f]{128}$/);

  assert.deepEqual(Object.keys(info.version).sort(), ['console', 'login', 'server']);
  for (const part of ['server', 'console', 'login']) {
    assert.match(info.version[part], /^\d+\.\d+\.\d+/, `version.${part}`);
  }
  assert.ok(Array.isArray(info.publicIps));
  assert.ok(info.publicIps.every((ip) => typeof ip === 'string'));

  const { data, ...bare } = info;
  const { data: nested, ...copy } = data;
  assert.deepEqual(copy, bare, 'data is a copy of the bare object');
  assert.equal(nested ?? null, null, 'the copy does not nest further');
});

test('getSystemInfo needs no credentials and answers the same keys to every client', async () => {
  const first = await call(() => createAuthenticationClient().getSystemInfo());
  const other = await call(() => createAuthenticationClient({ appId: 'another-app', appSecret: 'wrong-secret' }).getSystemInfo());
  assert.equal(other.rsa.publicKey, first.rsa.publicKey);
  assert.equal(other.sm2.publicKey, first.sm2.publicKey);

  // The SDK sends it unsigned: no authorization header at all.
  const res = await fetch(`${getConfig().host}/api/v3/system`);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).rsa.publicKey, first.rsa.publicKey);
});
