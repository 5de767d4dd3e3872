// Account reads as the real authing-node-sdk 4.0.1 calls them: getUser, listUsers, listUsersLegacy,
// getPublicAccount, getPublicAccountBatch, listPublicAccounts. Expectations follow the SDK's own
// test/users/getUser.spec.ts and listUsers.spec.ts; the data is random, so reruns on the same database work.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomUserInfo } from '../lib/client.mjs';

const client = createManagementClient();
const ok = (res) => assert.equal(res.statusCode, 200, `expected statusCode 200, got ${JSON.stringify(res)}`);
const fails = (res, message) => {
  assert.notEqual(res.statusCode, 200, `expected a failure, got ${JSON.stringify(res)}`);
  assert.match(res.message, new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
};

let user;
let userInfo;
const publicAccounts = [];
const publicInfos = [];

before(async () => {
  ok(await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key: 'age', dataType: 'NUMBER', label: 'age' }] })));
  userInfo = randomUserInfo({
    customData: { age: 30 },
    identities: [{ extIdpId: `idp-${randomString(8)}`, provider: 'github', type: 'generic', userIdInIdp: randomString(12) }],
  });
  const created = await call(() => client.createUsersBatch({ list: [userInfo] }));
  ok(created);
  user = created.data[0];

  publicInfos.push(randomUserInfo({ nickname: `shared-${randomString(12)}` }), randomUserInfo());
  const accounts = await call(() => client.createPublicAccountsBatch({ list: publicInfos }));
  ok(accounts);
  publicAccounts.push(...accounts.data);
});

describe('getUser', () => {
  const lookups = [
    ['user_id', () => user.userId],
    ['username', () => userInfo.username],
    ['email', () => userInfo.email],
    ['email (upper-cased)', () => userInfo.email.toUpperCase()],
    ['phone', () => userInfo.phone],
    ['external_id', () => userInfo.externalId],
  ];
  for (const [label, userId] of lookups) {
    test(`finds the user by ${label}`, async () => {
      const userIdType = label.split(' ')[0];
      const res = await call(() => client.getUser({ userId: userId(), userIdType }));
      ok(res);
      assert.equal(res.data.userId, user.userId);
      assert.equal(res.data.status, 'Activated');
      assert.ok(res.data.photo);
      assert.ok(res.data.externalId);
      assert.equal(res.data.email, userInfo.email);
    });
  }

  test('finds the user by identity', async () => {
    const [identity] = userInfo.identities;
    const res = await call(() => client.getUser({ userId: `${identity.extIdpId}:${identity.userIdInIdp}`, userIdType: 'identity' }));
    ok(res);
    assert.equal(res.data.userId, user.userId);
  });

  test('with… flags true answer the collections', async () => {
    const res = await call(() => client.getUser({ userId: user.userId, withCustomData: true, withIdentities: true, withDepartmentIds: true, withPost: true }));
    ok(res);
    assert.deepEqual(res.data.customData, { age: 30 });
    assert.equal(res.data.identities.length, 1);
    assert.equal(res.data.identities[0].userIdInIdp, userInfo.identities[0].userIdInIdp);
    assert.deepEqual(res.data.departmentIds, []);
    assert.deepEqual(res.data.postIdList, []);
  });

  test('with… flags false leave the collections out', async () => {
    const res = await call(() => client.getUser({ userId: user.userId }));
    ok(res);
    assert.ok(!res.data.customData);
    assert.ok(!res.data.identities);
    assert.ok(!res.data.departmentIds);
  });

  test('flatCustomData copies custom data to the top level', async () => {
    const res = await call(() => client.getUser({ userId: user.userId, flatCustomData: true }));
    ok(res);
    assert.equal(res.data.age, 30);
  });

  test('a public account is not a user', async () => {
    fails(await call(() => client.getUser({ userId: publicAccounts[0].userId })), '用户不存在');
  });

  const failures = [
    ['an unknown id', { userId: 'test' }, '用户不存在'],
    ['a malformed email', { userId: 'test#x.com', userIdType: 'email' }, '参数 userId 格式错误'],
    ['a phone with dashes nobody has', { userId: '212-456-1111', userIdType: 'phone' }, '用户不存在'],
    ['a malformed phone', { userId: '1234567890#', userIdType: 'phone' }, '参数 userId 格式错误'],
  ];
  for (const [label, args, message] of failures) {
    test(`answers "${message}" for ${label}`, async () => {
      fails(await call(() => client.getUser(args)), message);
    });
  }
});

describe('listUsers', () => {
  test('answers the asked-for collections on every user (SDK listUsers.spec)', async () => {
    const res = await call(() => client.listUsers({ options: { withCustomData: true, withIdentities: true, withDepartmentIds: true } }));
    ok(res);
    assert.ok(res.data.totalCount > 0);
    assert.notEqual(res.data.list[0].customData, undefined);
    assert.notEqual(res.data.list[0].departmentIds, undefined);
    assert.notEqual(res.data.list[0].identities, undefined);
  });

  test('keywords, advancedFilter, sort and pagination', async () => {
    const res = await call(() => client.listUsers({
      keywords: userInfo.username.toUpperCase(),
      advancedFilter: [{ field: 'status', operator: 'EQUAL', value: 'Activated' }],
      options: { pagination: { page: 1, limit: 5 }, sort: [{ field: 'createdAt', order: 'desc' }], withCustomData: true },
    }));
    ok(res);
    assert.equal(res.data.totalCount, 1);
    assert.equal(res.data.list[0].userId, user.userId);
    assert.deepEqual(res.data.list[0].customData, { age: 30 });
  });

  const failures = [
    ['page 0', { options: { pagination: { page: 0 } } }, '参数 page 格式错误'],
    ['limit 0', { options: { pagination: { limit: 0 } } }, '参数 limit 格式错误'],
    ['limit 220', { options: { pagination: { limit: 220 } } }, 'limit must less than 50'],
    ['an invalid status', { advancedFilter: [{ field: 'status', operator: 'EQUAL', value: 'invalid' }] }, '参数 status 格式错误'],
  ];
  for (const [label, body, message] of failures) {
    test(`answers 400 "${message}" for ${label}`, async () => {
      const res = await call(() => client.listUsers(body));
      assert.equal(res.statusCode, 400, JSON.stringify(res));
      assert.equal(res.message, message);
    });
  }
});

describe('listUsersLegacy', () => {
  test('lists users with the SDK defaults', async () => {
    const res = await call(() => client.listUsersLegacy({}));
    ok(res);
    assert.ok(res.data.totalCount > 0);
    assert.ok(res.data.list.length > 0 && res.data.list.length <= 10);
    assert.ok(res.data.list.every((u) => !publicAccounts.some((p) => p.userId === u.userId)));
  });

  test('filters by status and answers the flags', async () => {
    const res = await call(() => client.listUsersLegacy({ page: 1, limit: 50, status: 'Activated', withCustomData: true }));
    ok(res);
    assert.ok(res.data.list.every((u) => u.status === 'Activated' && u.customData));
  });

  test('answers "limit must less than 50" for limit 220', async () => {
    const res = await call(() => client.listUsersLegacy({ limit: 220 }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.message, 'limit must less than 50');
  });
});

describe('public accounts', () => {
  test('getPublicAccount finds one by id and by upper-cased email', async () => {
    const byId = await call(() => client.getPublicAccount({ userId: publicAccounts[0].userId, withCustomData: true, withDepartmentIds: true }));
    ok(byId);
    assert.equal(byId.data.username, publicInfos[0].username);
    assert.deepEqual(byId.data.customData, {});
    assert.deepEqual(byId.data.departmentIds, []);
    assert.equal(byId.data.identities, undefined);
    const byEmail = await call(() => client.getPublicAccount({ userId: publicInfos[1].email.toUpperCase(), userIdType: 'email' }));
    ok(byEmail);
    assert.equal(byEmail.data.userId, publicAccounts[1].userId);
  });

  test('getPublicAccount does not answer a user', async () => {
    const res = await call(() => client.getPublicAccount({ userId: user.userId }));
    assert.equal(res.statusCode, 404, JSON.stringify(res));
  });

  test('getPublicAccountBatch answers in the order asked', async () => {
    const ids = [publicAccounts[1].userId, 'unknown', publicAccounts[0].userId];
    const res = await call(() => client.getPublicAccountBatch({ userIds: ids }));
    ok(res);
    assert.deepEqual(res.data.map((a) => a.userId), [publicAccounts[1].userId, publicAccounts[0].userId]);
  });

  test('listPublicAccounts() with no argument (an empty POST body)', async () => {
    const res = await call(() => client.listPublicAccounts());
    ok(res);
    assert.ok(res.data.totalCount >= 2);
    assert.ok(res.data.list.every((a) => a.userId !== user.userId));
  });

  test('listPublicAccounts searches like listUsers', async () => {
    const res = await call(() => client.listPublicAccounts({ keywords: publicInfos[0].nickname, options: { withCustomData: true } }));
    ok(res);
    assert.equal(res.data.totalCount, 1);
    assert.equal(res.data.list[0].userId, publicAccounts[0].userId);
  });
});

describe('getUser: further failures', () => {
  test('an unknown id is 404 with apiCode 2004', async () => {
    const res = await call(() => client.getUser({ userId: randomString(24) }));
    assert.equal(res.statusCode, 404);
    assert.equal(res.message, '用户不存在');
    assert.equal(res.apiCode, 2004);
    assert.equal(res.data, null);
  });

  const cases = [
    ['an empty userId', { userId: '' }, '参数 userId 不能为空'],
    ['an unknown userIdType', { userId: 'x', userIdType: 'nickname' }, '参数 userIdType 只能是 user_id, external_id, phone, email, username, identity'],
    ['userIdType sync_relation (in the SDK enum, not kept here)', { userId: 'wechat:x', userIdType: 'sync_relation' }, '暂不支持 userIdType 为 sync_relation'],
    ['userIdType custom_field', { userId: 'x', userIdType: 'custom_field' }, '暂不支持 userIdType 为 custom_field'],
    ['an identity without its extIdpId', { userId: 'no-colon', userIdType: 'identity' }, '参数 userId 格式错误'],
  ];
  for (const [label, args, message] of cases) {
    test(`${label} is 400 "${message}"`, async () => {
      const res = await call(() => client.getUser(args));
      assert.equal(res.statusCode, 400, JSON.stringify(res));
      assert.equal(res.message, message);
    });
  }
});

describe('listUsers: further failures', () => {
  const cases = [
    ['a filter on an unknown field', { advancedFilter: [{ field: 'nosuch', operator: 'EQUAL', value: 'x' }] }, '不支持按字段 nosuch 筛选'],
    ['a sort on an unknown field', { options: { sort: [{ field: 'nosuch', order: 'asc' }] } }, '不支持按字段 nosuch 排序'],
    ['searchQuery', { searchQuery: { status: 'Activated' } }, '暂不支持参数 searchQuery'],
  ];
  for (const [label, body, message] of cases) {
    test(`${label} is 400 "${message}"`, async () => {
      const res = await call(() => client.listUsers(body));
      assert.equal(res.statusCode, 400, JSON.stringify(res));
      assert.equal(res.message, message);
    });
  }

  test('pages do not overlap and totalCount is the same on every page', async () => {
    const body = (page) => ({ options: { pagination: { page, limit: 2 }, sort: [{ field: 'createdAt', order: 'asc' }] } });
    const first = await call(() => client.listUsers(body(1)));
    const second = await call(() => client.listUsers(body(2)));
    ok(first);
    ok(second);
    assert.equal(first.data.list.length, 2);
    assert.equal(second.data.totalCount, first.data.totalCount);
    assert.ok(second.data.list.every((u) => !first.data.list.some((f) => f.userId === u.userId)));
  });
});

describe('listUsersLegacy: the SDK pagination and status failures, and the updatedAt window', () => {
  const cases = [
    ['page 0', { page: 0 }, '参数 page 格式错误'],
    ['limit 0', { limit: 0 }, '参数 limit 格式错误'],
    ['an invalid status', { status: 'invalid' }, '参数 status 格式错误'],
  ];
  for (const [label, args, message] of cases) {
    test(`${label} is 400 "${message}"`, async () => {
      const res = await call(() => client.listUsersLegacy(args));
      assert.equal(res.statusCode, 400, JSON.stringify(res));
      assert.equal(res.message, message);
    });
  }

  test('updatedAtStart/updatedAtEnd (unix seconds, bounds included) find the user and only users of the window', async () => {
    const at = Math.floor(Date.parse(user.updatedAt) / 1000);
    const window = { updatedAtStart: at - 1, updatedAtEnd: at + 1 };
    let found = false;
    for (let page = 1; page <= 20 && !found; page++) {
      const res = await call(() => client.listUsersLegacy({ ...window, page, limit: 50 }));
      ok(res);
      for (const u of res.data.list) {
        const seconds = Date.parse(u.updatedAt) / 1000;
        assert.ok(seconds >= window.updatedAtStart && seconds < window.updatedAtEnd + 1, `${u.updatedAt} outside the window`);
      }
      found = res.data.list.some((u) => u.userId === user.userId);
      if (res.data.list.length < 50) break;
    }
    assert.ok(found, 'the user updated in the window is listed');
    const future = await call(() => client.listUsersLegacy({ updatedAtStart: at + 3600 * 24 * 365 }));
    ok(future);
    assert.equal(future.data.totalCount, 0);
  });
});

describe('public accounts: reads field by field and their failures', () => {
  test('getPublicAccount answers the stored fields, by id, username, phone and external id', async () => {
    const [info, created] = [publicInfos[0], publicAccounts[0]];
    for (const [userIdType, userId] of [['user_id', created.userId], ['username', info.username], ['phone', info.phone], ['external_id', info.externalId]]) {
      const res = await call(() => client.getPublicAccount({ userId, userIdType }));
      ok(res);
      for (const field of ['userId', 'username', 'email', 'phone', 'phoneCountryCode', 'externalId', 'name', 'nickname', 'createdAt', 'status']) {
        assert.equal(res.data[field], created[field], `${userIdType}: ${field}`);
      }
      assert.equal(res.data.customData, null, 'withCustomData false');
      assert.equal(res.data.departmentIds, null, 'withDepartmentIds false');
    }
  });

  const failures = [
    ['an unknown id', { userId: 'nosuch' }, 404, '公共账号不存在'],
    ['a malformed email', { userId: 'test#x.com', userIdType: 'email' }, 400, '参数 userId 格式错误'],
    ['a malformed phone', { userId: '1234567890#', userIdType: 'phone' }, 400, '参数 userId 格式错误'],
    ['an empty userId', { userId: '' }, 400, '参数 userId 不能为空'],
  ];
  for (const [label, args, statusCode, message] of failures) {
    test(`getPublicAccount: ${label} is ${statusCode} "${message}"`, async () => {
      const res = await call(() => client.getPublicAccount(args));
      assert.equal(res.statusCode, statusCode, JSON.stringify(res));
      assert.equal(res.message, message);
      if (statusCode === 404) assert.equal(res.apiCode, 2004);
    });
  }

  test('getPublicAccountBatch by email with the collections, leaving out users', async () => {
    const res = await call(() => client.getPublicAccountBatch({
      userIds: [publicInfos[0].email.toUpperCase(), userInfo.email, publicInfos[1].email], userIdType: 'email', withCustomData: true, withDepartmentIds: true,
    }));
    ok(res);
    assert.deepEqual(res.data.map((a) => a.userId), [publicAccounts[0].userId, publicAccounts[1].userId]);
    assert.ok(res.data.every((a) => a.customData && Array.isArray(a.departmentIds)));
  });

  test('getPublicAccountBatch with 51 ids is 400 "参数 userIds 最多 50 项"', async () => {
    const res = await call(() => client.getPublicAccountBatch({ userIds: Array.from({ length: 51 }, (_, i) => `id${i}`) }));
    assert.equal(res.statusCode, 400, JSON.stringify(res));
    assert.equal(res.message, '参数 userIds 最多 50 项');
  });

  test('getPublicAccountBatch with no ids is refused in an HTTP 200 body', async () => {
    // axios puts nothing of an empty array on the wire but the SDK signs it as userIds=[], so the server cannot
    // rebuild the signed string: the answer is 401 Invalid signature rather than 400 "参数 userIds 不能为空".
    const res = await call(() => client.getPublicAccountBatch({ userIds: [] }));
    assert.notEqual(res.statusCode, 200, JSON.stringify(res));
    assert.equal(res.data, null);
  });

  const listFailures = [
    ['page 0', { options: { pagination: { page: 0 } } }, '参数 page 格式错误'],
    ['limit 0', { options: { pagination: { limit: 0 } } }, '参数 limit 格式错误'],
    ['limit 220', { options: { pagination: { limit: 220 } } }, 'limit must less than 50'],
    ['an invalid status', { advancedFilter: [{ field: 'status', operator: 'EQUAL', value: 'invalid' }] }, '参数 status 格式错误'],
  ];
  for (const [label, body, message] of listFailures) {
    test(`listPublicAccounts: ${label} is 400 "${message}"`, async () => {
      const res = await call(() => client.listPublicAccounts(body));
      assert.equal(res.statusCode, 400, JSON.stringify(res));
      assert.equal(res.message, message);
    });
  }

  test('listPublicAccounts with advancedFilter IN and the collections', async () => {
    const res = await call(() => client.listPublicAccounts({
      advancedFilter: [{ field: 'username', operator: 'IN', value: [publicInfos[0].username, publicInfos[1].username, userInfo.username] }],
      options: { withCustomData: true, withDepartmentIds: true, sort: [{ field: 'username', order: 'asc' }] },
    }));
    ok(res);
    assert.equal(res.data.totalCount, 2);
    assert.deepEqual(res.data.list.map((a) => a.username), [publicInfos[0].username, publicInfos[1].username].sort());
    assert.ok(res.data.list.every((a) => a.customData && Array.isArray(a.departmentIds) && !('identities' in a)));
  });
});
