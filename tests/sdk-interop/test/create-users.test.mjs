// createUsersBatch / createUser through the real authing-node-sdk 4.0.1, as the SDK's own tests call them
// (test/users/createUsersBatch.spec.ts, createUser.spec.ts), but with assertions that can fail.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomUserInfo, randomEmail, randomString, randomUsername, randomPhone } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError, assertIsoDate, assertObjectId } from '../lib/expect.mjs';

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
  assert.deepEqual(res.data.map((u) => u.username), list.map((u) => u.username), 'answered in the order sent');
  for (const input of list) {
    const user = res.data.find((u) => u.username === input.username);
    assert.ok(user, `no user ${input.username} in the answer`);
    assert.equal(user.email.toLowerCase(), input.email.toLowerCase());
    for (const field of ['phone', 'phoneCountryCode', 'externalId', 'name', 'nickname', 'gender', 'emailVerified', 'phoneVerified']) {
      assert.equal(user[field], input[field], field);
    }
    assert.equal(user.customData.age, input.customData.age);
    assert.match(user.userId, /^[0-9a-f]{24}$/);
    assert.equal(user.status, 'Activated');
    assert.ok(user.photo);
    assert.equal(user.loginsCount, 0);
    assert.equal(user.lastLogin, null);
    assert.equal(user.lastIp, null);
    assert.equal(user.userSourceType, 'adminCreated');
  }
  assert.equal(new Set(res.data.map((u) => u.userId)).size, 50);
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

/** Every scalar of CreateUserInfoDto, unique where the pool requires it. */
function fullProfile() {
  return {
    ...randomUserInfo(),
    status: 'Suspended', photo: 'https://cdn.example.com/avatar.png', gender: 'F', birthdate: '1990-02-03', country: 'CN',
    province: 'BJ', city: 'Beijing', address: '海淀区', streetAddress: '1 Zhongguancun St', postalCode: '100080', company: 'Uthing',
    browser: 'Mozilla/5.0', device: 'iOS', givenName: 'San', familyName: 'Zhang', middleName: 'M', profile: 'https://example.com/p',
    preferredUsername: 'zhangsan', website: 'https://example.com', zoneinfo: 'Asia/Shanghai', locale: 'zh-CN',
    formatted: '1 Zhongguancun St, Beijing', region: 'CN-BJ', identityNumber: randomString(18, '0123456789'),
  };
}

test('createUser stores and answers every field of CreateUserInfoDto, and the server-filled UserDto fields', async () => {
  const input = fullProfile();
  const before = Date.now();
  const user = expectOk(await call(() => client.createUser({ ...input, password: 'passw0rd!' })));
  for (const [field, value] of Object.entries(input)) assert.equal(user[field], value, field);
  assertObjectId(user.userId, 'userId');
  for (const field of ['createdAt', 'updatedAt', 'statusChangedAt', 'passwordLastSetAt']) {
    assertIsoDate(user[field], field);
    assert.ok(Math.abs(Date.parse(user[field]) - before) < 120_000, field);
  }
  assert.equal(user.workStatus, 'Active');
  assert.equal(user.userSourceType, 'adminCreated');
  assert.equal(user.loginsCount, 0);
  assert.equal(user.lastLogin, null);
  assert.equal(user.lastIp, null);
  assert.equal(user.resetPasswordOnNextLogin, false);
  assert.deepEqual(user.registerSource, []);
  assert.deepEqual(user.identities, []);
  assert.deepEqual(user.departmentIds, []);
  assert.deepEqual(user.postIdList, []);
  assert.deepEqual(user.customData, {});
  assert.equal('password' in user, false, 'the password is never answered');

  // Read back as stored.
  const read = expectOk(await call(() => client.getUser({ userId: user.userId })));
  for (const [field, value] of Object.entries(input)) assert.equal(read[field], value, `getUser ${field}`);
  assert.equal(read.createdAt, user.createdAt);
});

test('createUser without a password leaves passwordLastSetAt null and takes the seed gender W as F', async () => {
  const user = expectOk(await call(() => client.createUser({ username: randomUsername(), gender: 'W' })));
  assert.equal(user.passwordLastSetAt, null);
  assert.equal(user.gender, 'F');
  assert.equal(user.status, 'Activated');
});

describe('conflicts with an existing account: 409, the apiCode of the field, errors naming the holder', () => {
  let existing;
  let info;
  before(async () => {
    info = randomUserInfo({ identities: [{ extIdpId: `idp${randomString(8)}`, provider: 'github', type: 'generic', userIdInIdp: randomString(12) }] });
    existing = expectOk(await call(() => client.createUser(info)));
  });
  const cases = [
    ['e-mail in another case', () => ({ email: info.email.toUpperCase() }), 'email', 2200],
    ['phone', () => ({ phone: info.phone, phoneCountryCode: '+86' }), 'phone', 2035],
    ['username in another case', () => ({ username: info.username.toUpperCase() }), 'username', 2034],
    ['externalId', () => ({ username: randomUsername(), externalId: info.externalId }), 'externalId', 2026],
    ['identity', () => ({ username: randomUsername(), identities: info.identities }), 'identities[0]', 2026],
  ];
  for (const [label, body, field, apiCode] of cases) {
    test(label, async () => {
      const res = await call(() => client.createUser(body()));
      expectFailure(res, 409, new RegExp(`^${field.replace(/[[\]]/g, '\\$&')} .+ 已被用户 ${existing.userId} 使用$`), { apiCode });
      const error = expectFieldError(res, field, 'already_exists');
      assert.deepEqual(error.conflict, { with: 'existing', accountId: existing.userId, accountKind: 'user' });
    });
  }
});

describe('createUsersBatch refusals', () => {
  for (const [label, body] of [['an empty list', { list: [] }], ['no list', {}], ['51 items', { list: Array.from({ length: 51 }, () => ({ username: randomUsername() })) }]]) {
    test(`${label}: 400 "参数 list 必须包含 1 到 50 项"`, async () => {
      const res = await call(() => client.createUsersBatch(body));
      expectFailure(res, 400, '参数 list 必须包含 1 到 50 项');
      expectFieldError(res, 'list', 'invalid_value');
    });
  }

  test('one invalid item: 400 naming it, and none of the batch is written', async () => {
    const good = { username: randomUsername() };
    const res = await call(() => client.createUsersBatch({ list: [good, { email: 'test1@qqq' }] }));
    expectFailure(res, 400, 'list[1]: 参数 email 格式错误');
    const error = expectFieldError(res, 'list[1].email', 'invalid_format');
    assert.equal(error.index, 1);
    expectFailure(await call(() => client.getUser({ userId: good.username, userIdType: 'username' })), 404, '用户不存在');
  });

  test('several failing items: the first in the message, all of them in errors', async () => {
    const taken = expectOk(await call(() => client.createUser({ username: randomUsername() })));
    const res = await call(() => client.createUsersBatch({ list: [{ email: 'bad' }, { username: taken.username }, { phone: 'abc' }] }));
    expectFailure(res, 400, 'list[0]: 参数 email 格式错误（另有 2 个错误，见 errors）');
    assert.deepEqual(res.errors.map((e) => [e.field, e.code]), [
      ['list[0].email', 'invalid_format'], ['list[1].username', 'already_exists'], ['list[2].phone', 'invalid_format'],
    ]);
  });

  test('two items with one username (in two cases): 400 duplicate_in_batch pointing at the first', async () => {
    const username = randomUsername();
    const res = await call(() => client.createUsersBatch({ list: [{ username }, { username: username.toUpperCase() }] }));
    expectFailure(res, 400, `list[1]: username ${username.toUpperCase()} 与 list[0] 重复`);
    const error = expectFieldError(res, 'list[1].username', 'duplicate_in_batch');
    assert.deepEqual(error.conflict, { with: 'item', index: 0 });
  });

  test('the SDK createUser failures hold for a batch item too (phone cannot be empty, customData 1025 characters)', async () => {
    const noPhone = await call(() => client.createUsersBatch({ list: [{ phoneCountryCode: '+86', email: randomEmail() }] }));
    expectFailure(noPhone, 400, 'list[0]: phone cannot be empty');
    const long = await call(() => client.createUsersBatch({ list: [{ email: randomEmail(), customData: { intro: 'hello'.repeat(205) } }] }));
    expectFailure(long, 400, 'list[0]: customData must be less than 1024 characters');
  });
});

describe('references to tenants and departments', () => {
  let tenant;
  let organization;
  let department;
  before(async () => {
    tenant = expectOk(await call(() => client.createTenant({ name: randomString(10) })));
    organization = expectOk(await call(() => client.createOrganization({ organizationCode: randomString(), organizationName: 'refs' })));
    department = expectOk(await call(() => client.createDepartment({
      organizationCode: organization.organizationCode, parentDepartmentId: 'root', name: 'refs', code: randomString(),
    })));
  });

  test('tenantIds naming a tenant of the pool are accepted', async () => {
    expectOk(await call(() => client.createUser({ username: randomUsername(), tenantIds: [tenant.tenantId] })));
  });

  test('departmentIds by department_id (default) and by code put the user in the department', async () => {
    const byId = expectOk(await call(() => client.createUser({ username: randomUsername(), departmentIds: [department.departmentId] })));
    assert.deepEqual(byId.departmentIds, [department.departmentId]);
    const byCode = expectOk(await call(() => client.createUsersBatch({
      list: [{ username: randomUsername(), departmentIds: [department.code, organization.organizationCode] }],
      options: { departmentIdType: 'code' },
    })));
    assert.deepEqual(byCode[0].departmentIds.sort(), [department.departmentId, organization.departmentId].sort());
    const read = expectOk(await call(() => client.getUser({ userId: byId.userId, withDepartmentIds: true })));
    assert.deepEqual(read.departmentIds, [department.departmentId]);
  });

  test('an unknown tenant or department is a 400 naming it', async () => {
    const missing = randomString(24);
    const tenantRes = await call(() => client.createUser({ username: randomUsername(), tenantIds: [missing] }));
    expectFailure(tenantRes, 400, `租户 ${missing} 不存在`);
    expectFieldError(tenantRes, 'tenantIds[0]', 'not_found');
    const departmentRes = await call(() => client.createUser({ username: randomUsername(), departmentIds: [missing] }));
    expectFailure(departmentRes, 400, `部门 ${missing} 不存在`);
    expectFieldError(departmentRes, 'departmentIds[0]', 'not_found');
  });
});

test('the same phone digits under another country code are another number', async () => {
  const phone = randomPhone();
  expectOk(await call(() => client.createUser({ phone, phoneCountryCode: '+86' })));
  // The same digits under another country code are another number.
  expectOk(await call(() => client.createUser({ phone, phoneCountryCode: '+1' })));
});
