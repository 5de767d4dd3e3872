// deleteUsersBatch, deletePublicAccountsBatch, getUserBatch and isUserExists through the real authing-node-sdk 4.0.1,
// with the answers its own tests expect (test/users/deleteUsersBatch.spec.ts, getUsersBatch.spec.ts,
// isUserExists.spec.ts) and the failures a migration script meets. Data is random, so reruns on one database work.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomUserInfo } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError } from '../lib/expect.mjs';

const client = createManagementClient();

async function createUsers(list) {
  return expectOk(await call(() => client.createUsersBatch({ list })));
}

async function createPublicAccounts(list) {
  return expectOk(await call(() => client.createPublicAccountsBatch({ list })));
}

async function userExists(userId) {
  const res = await call(() => client.getUserBatch({ userIds: [userId] }));
  return expectOk(res).length === 1;
}

describe('deleteUsersBatch', () => {
  test('deletes the users named and answers success, and frees their keys', async () => {
    const infos = [randomUserInfo(), randomUserInfo()];
    const users = await createUsers(infos);
    const res = await call(() => client.deleteUsersBatch({ userIds: users.map((u) => u.userId) }));
    assert.deepEqual(expectOk(res), { success: true });
    for (const user of users) assert.equal(await userExists(user.userId), false);
    await createUsers(infos);
  });

  test('deletes by e-mail with options.userIdType', async () => {
    const info = randomUserInfo();
    const [user] = await createUsers([info]);
    const res = await call(() => client.deleteUsersBatch({ userIds: [info.email.toUpperCase()], options: { userIdType: 'email' } }));
    expectOk(res);
    assert.equal(await userExists(user.userId), false);
  });

  test('an empty list is the format error the SDK\'s own test pins', async () => {
    const res = await call(() => client.deleteUsersBatch({ userIds: [] }));
    expectFailure(res, 400, '参数 userIds 格式错误');
  });

  test('an id that names no user fails the whole batch (404, 2004), listing it, and deletes nothing', async () => {
    const [user] = await createUsers([randomUserInfo()]);
    const [account] = await createPublicAccounts([randomUserInfo()]);
    const res = await call(() => client.deleteUsersBatch({ userIds: [user.userId, account.userId, `missing${randomString(8)}`] }));
    expectFailure(res, 404, /^userIds\[1\]: 用户不存在/, { apiCode: 2004 });
    assert.equal(expectFieldError(res, 'userIds[1]', 'not_found').index, 1);
    expectFieldError(res, 'userIds[2]', 'not_found');
    assert.equal(await userExists(user.userId), true);
  });

  test('sync_relation is refused clearly', async () => {
    const res = await call(() => client.deleteUsersBatch({ userIds: ['lark:ou_1'], options: { userIdType: 'sync_relation' } }));
    expectFailure(res, 400, '暂不支持 userIdType 为 sync_relation');
    expectFieldError(res, 'options.userIdType', 'not_supported');
  });
});

describe('deletePublicAccountsBatch', () => {
  test('deletes the public accounts named and answers success', async () => {
    const accounts = await createPublicAccounts([randomUserInfo(), randomUserInfo()]);
    const res = await call(() => client.deletePublicAccountsBatch({ userIds: accounts.map((a) => a.userId) }));
    assert.deepEqual(expectOk(res), { success: true });
    const after = expectOk(await call(() => client.getPublicAccountBatch({ userIds: accounts.map((a) => a.userId) })));
    assert.deepEqual(after, []);
  });

  test('a user is not a public account: 404, nothing deleted', async () => {
    const [user] = await createUsers([randomUserInfo()]);
    const res = await call(() => client.deletePublicAccountsBatch({ userIds: [user.userId] }));
    expectFailure(res, 404, 'userIds[0]: 公共账号不存在');
    assert.equal(await userExists(user.userId), true);
  });

  test('by username, upper-cased', async () => {
    const info = randomUserInfo();
    const [account] = await createPublicAccounts([info]);
    expectOk(await call(() => client.deletePublicAccountsBatch({ userIds: [info.username.toUpperCase()], options: { userIdType: 'username' } })));
    const after = expectOk(await call(() => client.getPublicAccountBatch({ userIds: [account.userId] })));
    assert.deepEqual(after, []);
  });
});

describe('getUserBatch', () => {
  test('answers the users asked for with the collections the SDK\'s test expects', async () => {
    const users = await createUsers([
      randomUserInfo({ identities: [{ extIdpId: `idp-${randomString(8)}`, provider: 'github', type: 'generic', userIdInIdp: randomString(12) }] }),
      randomUserInfo(),
    ]);
    const res = await call(() => client.getUserBatch({
      userIds: [users[1].userId, users[0].userId], withCustomData: true, withIdentities: true, withDepartmentIds: true,
    }));
    const data = expectOk(res);
    assert.deepEqual(data.map((u) => u.userId), [users[1].userId, users[0].userId]);
    assert.ok(data[0].customData);
    assert.ok(data[0].departmentIds);
    assert.ok(data[0].identities);
    assert.equal(data[1].identities.length, 1);
  });

  test('by phone, leaving out what names no user', async () => {
    const info = randomUserInfo();
    const [user] = await createUsers([info]);
    const data = expectOk(await call(() => client.getUserBatch({ userIds: [info.phone, '13000000000'], userIdType: 'phone' })));
    assert.deepEqual(data.map((u) => u.userId), [user.userId]);
    assert.ok(!data[0].customData, 'withCustomData false leaves customData out');
  });

  test('an empty list is the format error the SDK\'s own test pins', async () => {
    expectFailure(await call(() => client.getUserBatch({ userIds: [] })), 400, '参数 userIds 格式错误');
  });

  test('custom_field is refused clearly', async () => {
    expectFailure(await call(() => client.getUserBatch({ userIds: ['x'], userIdType: 'custom_field' })), 400, '暂不支持 userIdType 为 custom_field');
  });
});

describe('isUserExists', () => {
  test('true for a user\'s username, e-mail (any case), phone or externalId; false otherwise', async () => {
    const info = randomUserInfo();
    await createUsers([info]);
    for (const query of [{ username: info.username }, { email: info.email.toUpperCase() }, { phone: info.phone }, { externalId: info.externalId }]) {
      assert.deepEqual(expectOk(await call(() => client.isUserExists(query))), { exists: true }, JSON.stringify(query));
    }
    const res = await call(() => client.isUserExists({ username: `username${Math.random()}` }));
    assert.equal(expectOk(res).exists, false);
  });

  test('a public account is not a user', async () => {
    const info = randomUserInfo();
    await createPublicAccounts([info]);
    assert.equal(expectOk(await call(() => client.isUserExists({ username: info.username }))).exists, false);
  });

  test('no field at all is the format error the SDK\'s own test pins', async () => {
    expectFailure(await call(() => client.isUserExists({})), 400, '参数 username, email, phone, externalId 格式错误');
  });

  test('a malformed e-mail is a 400 naming it', async () => {
    const res = await call(() => client.isUserExists({ email: 'not an e-mail' }));
    expectFailure(res, 400, '参数 email 格式错误');
    expectFieldError(res, 'email', 'invalid_format');
  });
});
