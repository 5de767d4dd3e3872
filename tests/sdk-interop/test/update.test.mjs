// updateUser / updateUserBatch / updatePublicAccount / updatePublicAccountBatch through the real authing-node-sdk 4.0.1.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { publicEncrypt, constants } from 'node:crypto';
import bcrypt from 'bcryptjs';

import { call, createManagementClient, createAuthenticationClient, randomEmail, randomUsername } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError } from '../lib/expect.mjs';
import { passwordHashOf } from '../lib/database.mjs';

const client = createManagementClient();
let rsaKey;

before(async () => {
  rsaKey = (await call(() => createAuthenticationClient().getSystemInfo())).rsa.publicKey;
});

async function newUser(fields = {}) {
  return expectOk(await call(() => client.createUser({ username: randomUsername('up'), ...fields })));
}

async function newPublicAccount(fields = {}) {
  return expectOk(await call(() => client.createPublicAccount({ username: randomUsername('pa'), ...fields })));
}

test('updateUser changes the fields sent and keeps the others', async () => {
  const user = await newUser({ name: 'before', city: 'Paris' });
  const email = randomEmail();
  const data = expectOk(await call(() => client.updateUser({ userId: user.userId, name: 'after', email, gender: 'F' })));
  assert.equal(data.userId, user.userId);
  assert.equal(data.name, 'after');
  assert.equal(data.email, email);
  assert.equal(data.city, 'Paris');
  assert.equal(data.username, user.username);
  assert.equal('password' in data, false);
});

test('updateUser by userIdType email finds the user', async () => {
  const email = randomEmail();
  await newUser({ email });
  const data = expectOk(await call(() => client.updateUser({ userId: email.toUpperCase(), nickname: 'found', options: { userIdType: 'email' } })));
  assert.equal(data.nickname, 'found');
});

test('updateUser with an e-mail another account holds answers 409, apiCode 2200, naming the holder', async () => {
  const email = randomEmail();
  const holder = await newPublicAccount({ email });
  const user = await newUser();
  const res = await call(() => client.updateUser({ userId: user.userId, email }));
  expectFailure(res, 409, undefined, { apiCode: 2200 });
  const error = expectFieldError(res, 'email', 'already_exists');
  assert.equal(error.conflict.accountId, holder.userId);
  assert.equal(error.conflict.accountKind, 'publicAccount');
});

test('updateUser of an unknown id answers 404 with apiCode 2004', async () => {
  expectFailure(await call(() => client.updateUser({ userId: '000000000000000000000000', name: 'x' })), 404, undefined, { apiCode: 2004 });
});

test('updateUser with an unsupported userIdType is refused', async () => {
  const user = await newUser();
  expectFailure(await call(() => client.updateUser({ userId: user.userId, name: 'x', options: { userIdType: 'sync_relation' } })), 400, /userIdType/);
});

test('updateUser hashes a new rsa-encrypted password and sets resetPasswordOnNextLogin', async () => {
  const user = await newUser({ password: 'old-secret-1' });
  const encrypted = publicEncrypt({ key: rsaKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('new-secret-2', 'utf8')).toString('base64');
  const data = expectOk(await call(() => client.updateUser({
    userId: user.userId, password: encrypted, options: { passwordEncryptType: 'rsa', resetPasswordOnNextLogin: true },
  })));
  assert.equal(data.resetPasswordOnNextLogin, true);
  assert.ok(bcrypt.compareSync('new-secret-2', await passwordHashOf(user.userId)));
});

test('updateUserBatch changes every item, and refuses a batch with a bad item as a whole', async () => {
  const [a, b] = [await newUser(), await newUser()];
  const data = expectOk(await call(() => client.updateUserBatch({ list: [{ userId: a.userId, name: 'A' }, { userId: b.userId, name: 'B' }] })));
  assert.deepEqual(data.map((u) => u.name), ['A', 'B']);

  const res = await call(() => client.updateUserBatch({ list: [{ userId: a.userId, name: 'never' }, { userId: b.userId, email: 'not-an-email' }] }));
  expectFailure(res, 400);
  expectFieldError(res, 'list[1].email', 'invalid_format');
  const after = expectOk(await call(() => client.getUser({ userId: a.userId })));
  assert.equal(after.name, 'A');
});

test('updateUserBatch swaps two e-mails', async () => {
  const [e1, e2] = [randomEmail(), randomEmail()];
  const [a, b] = [await newUser({ email: e1 }), await newUser({ email: e2 })];
  const data = expectOk(await call(() => client.updateUserBatch({ list: [{ userId: a.userId, email: e2 }, { userId: b.userId, email: e1 }] })));
  assert.deepEqual(data.map((u) => u.email), [e2, e1]);
});

test('updatePublicAccount changes a public account and does not find a user', async () => {
  const account = await newPublicAccount({ name: 'before' });
  const data = expectOk(await call(() => client.updatePublicAccount({ userId: account.userId, name: 'after', company: 'steamory' })));
  assert.equal(data.name, 'after');
  assert.equal(data.company, 'steamory');
  assert.equal('identities' in data, false);

  const user = await newUser();
  expectFailure(await call(() => client.updatePublicAccount({ userId: user.userId, name: 'x' })), 404);
});

test('updatePublicAccountBatch updates all, or reports the conflict naming the holder', async () => {
  const [a, b] = [await newPublicAccount(), await newPublicAccount()];
  const data = expectOk(await call(() => client.updatePublicAccountBatch({ list: [{ userId: a.userId, city: 'X' }, { userId: b.userId, city: 'Y' }] })));
  assert.deepEqual(data.map((p) => p.city), ['X', 'Y']);

  const res = await call(() => client.updatePublicAccountBatch({ list: [{ userId: a.userId, username: b.username }] }));
  expectFailure(res, 409, undefined, { apiCode: 2034 });
  assert.equal(expectFieldError(res, 'list[0].username', 'already_exists').conflict.accountId, b.userId);
});
