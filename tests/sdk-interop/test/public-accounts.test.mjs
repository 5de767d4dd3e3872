// createPublicAccountsBatch / createPublicAccount through the real authing-node-sdk 4.0.1.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomEmail, randomUsername, randomUserInfo } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError, assertIsoDate, assertObjectId } from '../lib/expect.mjs';
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

test('a public account answers PublicAccountDto: the server-filled fields, and none of the user-only ones', async () => {
  const info = randomUserInfo({ customData: {} });
  const account = expectOk(await call(() => client.createPublicAccount(info)));
  assertObjectId(account.userId, 'userId');
  for (const field of ['createdAt', 'updatedAt', 'statusChangedAt']) assertIsoDate(account[field], field);
  for (const field of ['username', 'email', 'phone', 'phoneCountryCode', 'externalId', 'name', 'nickname', 'gender', 'emailVerified', 'phoneVerified']) {
    assert.equal(account[field], info[field], field);
  }
  assert.equal(account.status, 'Activated');
  assert.equal(account.workStatus, 'Active');
  assert.equal(account.userSourceType, 'adminCreated');
  assert.ok(account.photo);
  assert.equal(account.loginsCount, 0);
  assert.equal(account.lastLogin, null);
  assert.equal(account.lastIp, null);
  assert.equal(account.passwordLastSetAt, null);
  assert.deepEqual(account.departmentIds, []);
  assert.deepEqual(account.customData, {});
  for (const userOnly of ['identities', 'metadataSource', 'postIdList', 'signedUp']) {
    assert.equal(userOnly in account, false, `${userOnly} is not a PublicAccountDto field`);
  }
});

test('createPublicAccount failures answer the SDK createUser texts', async () => {
  const cases = [
    [{}, 'Must contain one of the following fields: username, phone, email'],
    [{ email: 'test1@qqq' }, '参数 email 格式错误'],
    [{ email: randomEmail(), customData: { intro: 'hello'.repeat(205) } }, 'customData must be less than 1024 characters'],
    [{ phoneCountryCode: '+86', email: randomEmail() }, 'phone cannot be empty'],
  ];
  for (const [input, message] of cases) {
    expectFailure(await call(() => client.createPublicAccount(input)), 400, message);
  }
});

describe('fields a public account cannot have: 400 unsupported_field', () => {
  const cases = [
    ['tenantIds', { tenantIds: ['t1'] }],
    ['identities', { identities: [{ extIdpId: 'idp', provider: 'github', type: 'generic', userIdInIdp: 'x' }] }],
    ['metadataSource', { metadataSource: { a: 1 } }],
  ];
  for (const [field, extra] of cases) {
    test(field, async () => {
      const res = await call(() => client.createPublicAccount({ username: randomUsername(), ...extra }));
      expectFailure(res, 400, `公共账号不支持参数 ${field}`);
      expectFieldError(res, field, 'unsupported_field');
    });
  }

  test('in a batch, naming the item, and nothing is written', async () => {
    const good = { username: randomUsername() };
    const res = await call(() => client.createPublicAccountsBatch({ list: [good, { username: randomUsername(), identities: [] }] }));
    expectFailure(res, 400, 'list[1]: 公共账号不支持参数 identities');
    expectFieldError(res, 'list[1].identities', 'unsupported_field');
    expectFailure(await call(() => client.getPublicAccount({ userId: good.username, userIdType: 'username' })), 404, '公共账号不存在');
  });
});

test('createPublicAccountsBatch with an empty list or 51 items is 400 "参数 list 必须包含 1 到 50 项"', async () => {
  for (const list of [[], Array.from({ length: 51 }, () => ({ username: randomUsername() }))]) {
    expectFailure(await call(() => client.createPublicAccountsBatch({ list })), 400, '参数 list 必须包含 1 到 50 项');
  }
});

test('keys held by a public account are refused to users and public accounts alike (409, apiCode, accountKind)', async () => {
  const info = randomUserInfo();
  const account = expectOk(await call(() => client.createPublicAccount(info)));
  const cases = [
    [client.createUser.bind(client), { username: info.username }, 'username', 2034],
    [client.createPublicAccount.bind(client), { phone: info.phone, phoneCountryCode: info.phoneCountryCode }, 'phone', 2035],
    [client.createUser.bind(client), { username: randomUsername(), externalId: info.externalId }, 'externalId', 2026],
  ];
  for (const [create, body, field, apiCode] of cases) {
    const res = await call(() => create(body));
    expectFailure(res, 409, new RegExp(`^${field} .+ 已被公共账号 ${account.userId} 使用$`), { apiCode });
    const error = expectFieldError(res, field, 'already_exists');
    assert.deepEqual(error.conflict, { with: 'existing', accountId: account.userId, accountKind: 'publicAccount' });
  }
});
