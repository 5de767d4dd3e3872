// createUsersBatch / createUser through the real authing-node-sdk 4.0.1, as the SDK's own tests call them
// (test/users/createUsersBatch.spec.ts, createUser.spec.ts), but with assertions that can fail.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomUserInfo, randomEmail, randomString } from '../lib/client.mjs';

const client = createManagementClient();

before(async () => {
  // As the SDK's beforeAll: `school` is defined with SetCustomFieldDto.dataType.SELECT, which does not
  // exist, so dataType is left out of the JSON.
  const res = await call(() =>
    client.setCustomFields({
      list: [
        { targetType: 'USER', key: 'intro', dataType: 'STRING', label: '自我介绍' },
        { targetType: 'USER', key: 'school', label: '学校', options: [{ label: '北京大学', value: 'pku' }, { label: 'mit', value: '麻省理工' }] },
        { targetType: 'USER', key: 'age', dataType: 'NUMBER', label: '年龄' },
        { targetType: 'USER', key: 'graduted', dataType: 'BOOLEAN', label: '是否毕业' },
        { targetType: 'USER', key: 'graduted_at', dataType: 'DATETIME', label: '毕业时间' },
        { targetType: 'USER', key: 'id_card', dataType: 'STRING', label: '身份证', encrypted: true },
      ],
    }),
  );
  assert.equal(res.statusCode, 200, JSON.stringify(res));
});

test('createUsersBatch creates 50 users with custom data and answers each field', async () => {
  const list = Array.from({ length: 50 }, () => randomUserInfo({ customData: { age: 1 + Math.floor(Math.random() * 100) } }));
  const res = await call(() => client.createUsersBatch({ list }));
  assert.equal(res.statusCode, 200, JSON.stringify(res).slice(0, 500));
  assert.equal(res.message, '');
  assert.ok(Array.isArray(res.data));
  assert.equal(res.data.length, 50);
  for (const input of list) {
    const user = res.data.find((u) => u.username === input.username);
    assert.ok(user, `no user ${input.username} in the answer`);
    assert.equal(user.email.toLowerCase(), input.email.toLowerCase());
    for (const field of ['phone', 'phoneCountryCode', 'externalId', 'name', 'nickname', 'gender', 'emailVerified', 'phoneVerified']) {
      assert.equal(user[field], input[field], field);
    }
    assert.equal(user.customData.age, input.customData.age);
    assert.match(user.userId, /^[0-9a-f]{24}$/);
  }
});

test('createUser answers a new user as the SDK expects (status, photo, logins, null lastLogin/lastIp)', async () => {
  const input = randomUserInfo({ customData: { school: 'mit' } });
  const res = await call(() => client.createUser(input));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  const user = res.data;
  assert.equal(user.status, 'Activated');
  for (const field of ['email', 'phone', 'phoneCountryCode', 'username', 'name', 'nickname', 'gender', 'emailVerified', 'phoneVerified', 'externalId']) {
    assert.equal(user[field], input[field], field);
  }
  assert.ok(user.photo);
  assert.equal(user.loginsCount, 0);
  assert.equal(user.lastLogin, null);
  assert.equal(user.lastIp, null);
});

test('createUser keeps the JSON types of custom data', async () => {
  const customData = { intro: '自我介绍', school: 'pku', age: 30, graduted: true };
  const res = await call(() => client.createUser(randomUserInfo({ customData })));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.deepEqual(res.data.customData, customData);
});

test('createUser failures answer the texts the SDK tests expect, with HTTP 200', async () => {
  const cases = [
    [{}, 'Must contain one of the following fields: username, phone, email'],
    [{ email: 'test1@qqq' }, '参数 email 格式错误'],
    [{ email: randomEmail(), customData: { intro: 'hello'.repeat(205) } }, 'customData must be less than 1024 characters'],
    [{ phoneCountryCode: '+86', email: randomEmail() }, 'phone cannot be empty'],
  ];
  for (const [input, message] of cases) {
    const res = await call(() => client.createUser(input));
    assert.equal(res.statusCode, 400, JSON.stringify(res));
    assert.equal(res.message, message);
  }
});

test('createUsersBatch refuses an e-mail taken in another case with 409 / 2200 and writes nothing', async () => {
  const email = randomEmail();
  const first = await call(() => client.createUser({ email }));
  assert.equal(first.statusCode, 200);
  const fresh = randomUserInfo();
  const res = await call(() => client.createUsersBatch({ list: [fresh, { email: email.toUpperCase() }] }));
  assert.equal(res.statusCode, 409, JSON.stringify(res));
  assert.equal(res.apiCode, 2200);
  assert.equal(res.errors[0].field, 'list[1].email');
  assert.equal(res.errors[0].conflict.accountId, first.data.userId);
  const again = await call(() => client.createUser({ username: fresh.username }));
  assert.equal(again.statusCode, 200, 'the first item of the refused batch must not have been written');
});

test('createUser with the seed-form options (identities, departmentIdType, sendNotification) succeeds', async () => {
  const res = await call(() =>
    client.createUser({
      username: `seed${randomString(10)}`,
      identities: [{ extIdpId: randomString(24), provider: 'wechat', type: 'openid', userIdInIdp: randomString(20) }],
      options: { resetPasswordOnFirstLogin: true, departmentIdType: 'department_id', sendNotification: { sendEmailNotification: false, appId: 'appid1' } },
    }),
  );
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.data.resetPasswordOnNextLogin, true);
  assert.equal(res.data.identities.length, 1);
});
