// createPublicAccountsBatch / createPublicAccount through the real authing-node-sdk 4.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomEmail } from '../lib/client.mjs';
import { passwordHashOf } from '../lib/database.mjs';
import bcrypt from 'bcryptjs';

const client = createManagementClient();

/** The seed's sample item (shared/seeds/000…), made unique per run. */
function seedItem() {
  const tag = randomString(10).toLowerCase();
  return {
    status: 'Activated', email: `test.${tag}@example.com`, username: `bob${tag}`, name: 'xxxx', nickname: 'xxxx', password: 'passw0rd',
    photo: 'https://files.authing.co/authing-console/default-user-avatar.png', gender: 'M', birthdate: '2022-06-03', country: 'CN',
    province: 'BJ', city: 'BJ', address: 'xxxxxxx', streetAddress: 'xxx street', postalCode: '438100', company: 'steamory',
    browser: 'Mozilla/5.0 (Linux; Android 10; V2001A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/87.0.4280.141 Mobile Safari/537.36 VivoBrowser/10.2.10.0',
    device: 'iOS', givenName: 'xx', familyName: 'xx', middleName: 'James', profile: 'alice', preferredUsername: 'alice',
    website: 'https://my-website.com', zoneinfo: 'GMT-08:00', locale: 'af', formatted: '132, My Street, Kingston, New York 12401.',
    region: 'Xinjiang Uyghur Autonomous Region',
  };
}

test('createPublicAccountsBatch stores and answers every field of the seed sample', async () => {
  const items = [seedItem(), seedItem()];
  const res = await call(() =>
    client.createPublicAccountsBatch({ list: items, options: { autoGeneratePassword: true, resetPasswordOnFirstLogin: true, passwordEncryptType: 'none' } }),
  );
  assert.equal(res.statusCode, 200, JSON.stringify(res).slice(0, 500));
  assert.equal(res.data.length, 2);
  for (let i = 0; i < items.length; i++) {
    const { password, ...fields } = items[i];
    for (const [field, value] of Object.entries(fields)) assert.equal(res.data[i][field], value, field);
    assert.equal(res.data[i].resetPasswordOnNextLogin, true);
    assert.equal('identities' in res.data[i], false);
    assert.ok(bcrypt.compareSync(password, await passwordHashOf(res.data[i].userId)));
  }
});

test('createPublicAccount with its own options answers the public account', async () => {
  const item = seedItem();
  const res = await call(() => client.createPublicAccount({ ...item, options: { resetPasswordOnFirstLogin: true } }));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.data.company, 'steamory');
  assert.equal(res.data.username, item.username);
  assert.equal(res.data.resetPasswordOnNextLogin, true);
});

test('a public account cannot take a user\'s e-mail (409, 2200, naming the user)', async () => {
  const email = randomEmail();
  const user = await call(() => client.createUser({ email }));
  assert.equal(user.statusCode, 200);
  const res = await call(() => client.createPublicAccountsBatch({ list: [{ email }] }));
  assert.equal(res.statusCode, 409);
  assert.equal(res.apiCode, 2200);
  assert.equal(res.errors[0].conflict.accountKind, 'user');
  assert.equal(res.errors[0].conflict.accountId, user.data.userId);
});
