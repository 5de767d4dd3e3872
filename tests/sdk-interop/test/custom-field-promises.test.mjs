// isUnique and encrypted custom fields through the real authing-node-sdk 4.0.1: a unique value is refused in one
// batch and across requests (users and public accounts alike) with the item and the holder named, dryRun answers
// the same, an encrypted value is stored as ciphertext (read back with SQL) and every read answers it decrypted.
// Keys are random, so reruns on the same database see only their own fields.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';

import { call, createManagementClient, randomString, randomUsername } from '../lib/client.mjs';
import { databaseUrl } from '../lib/database.mjs';
import { expectOk, expectFailure, expectFieldError } from '../lib/expect.mjs';

const client = createManagementClient();
const uniqueKey = `uq_${randomString(10).toLowerCase()}`;
const secretKey = `enc_${randomString(10).toLowerCase()}`;
const bothKey = `both_${randomString(10).toLowerCase()}`;

async function storedCustomData(userId) {
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT custom_data::text AS data FROM accounts WHERE id = $1', [userId]);
    return rows[0]?.data ?? null;
  } finally {
    await db.end();
  }
}

const createUsers = (list, options) => call(() => client.createUsersBatch({ list, options }));

before(async () => {
  expectOk(await call(() => client.setCustomFields({
    list: [
      { targetType: 'USER', key: uniqueKey, dataType: 'STRING', label: 'employee number', isUnique: true },
      { targetType: 'USER', key: secretKey, dataType: 'STRING', label: 'id card', encrypted: true },
      { targetType: 'USER', key: bothKey, dataType: 'STRING', label: 'passport', isUnique: true, encrypted: true },
    ],
  })));
});

describe('isUnique custom field', () => {
  test('two items of one batch with one value: the later is refused naming the first', async () => {
    const value = randomString(12);
    const res = await createUsers([
      { username: randomUsername(), customData: { [uniqueKey]: value } },
      { username: randomUsername(), customData: { [uniqueKey]: ` ${value} ` } },
    ]);
    expectFailure(res, 400);
    const error = expectFieldError(res, `list[1].customData.${uniqueKey}`, 'duplicate_in_batch');
    assert.deepEqual(error.conflict, { with: 'item', index: 0 });
  });

  test('a value a user holds is refused in a later request with 409 / 2026 naming the holder; dryRun answers the same', async () => {
    const value = randomString(12);
    const [holder] = expectOk(await createUsers([{ username: randomUsername(), customData: { [uniqueKey]: value } }]));
    const item = { username: randomUsername(), customData: { [uniqueKey]: value } };

    const dry = await createUsers([item], { dryRun: true });
    const real = await createUsers([item]);

    for (const res of [dry, real]) {
      expectFailure(res, 409, undefined, { apiCode: 2026 });
      const error = expectFieldError(res, `list[0].customData.${uniqueKey}`, 'already_exists');
      assert.equal(error.conflict.accountId, holder.userId);
      assert.equal(error.conflict.accountKind, 'user');
    }
  });

  test('a value a public account holds is refused for a user', async () => {
    const value = randomString(12);
    const [holder] = expectOk(await call(() => client.createPublicAccountsBatch({
      list: [{ username: randomUsername(), customData: { [uniqueKey]: value } }],
    })));
    const res = await createUsers([{ username: randomUsername(), customData: { [uniqueKey]: value } }]);
    expectFailure(res, 409, undefined, { apiCode: 2026 });
    const error = expectFieldError(res, `list[0].customData.${uniqueKey}`, 'already_exists');
    assert.deepEqual([error.conflict.accountId, error.conflict.accountKind], [holder.userId, 'publicAccount']);
  });

  test('turning isUnique on over values two users share is refused, listing both', async () => {
    const key = `late_${randomString(10).toLowerCase()}`;
    expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key, dataType: 'STRING' }] })));
    const users = expectOk(await createUsers([
      { username: randomUsername(), customData: { [key]: 'same' } },
      { username: randomUsername(), customData: { [key]: 'same' } },
    ]));
    const res = await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key, isUnique: true }] }));
    expectFailure(res, 409, undefined, { apiCode: 2026 });
    const error = expectFieldError(res, 'list[0].isUnique', 'already_exists');
    for (const user of users) assert.ok(error.message.includes(user.userId), error.message);
  });
});

describe('encrypted custom field', () => {
  test('is stored as ciphertext and answered decrypted by createUser, getUser, listUsers and getPublicAccount', async () => {
    const secret = `S-${randomString(16)}`;
    const created = expectOk(await call(() => client.createUser({ username: randomUsername(), customData: { [secretKey]: secret } })));
    const stored = await storedCustomData(created.userId);
    const got = expectOk(await call(() => client.getUser({ userId: created.userId, withCustomData: true })));
    const listed = expectOk(await call(() => client.listUsers({
      advancedFilter: [{ field: 'username', operator: 'EQUAL', value: created.username }], options: { withCustomData: true },
    })));
    const [shared] = expectOk(await call(() => client.createPublicAccountsBatch({
      list: [{ username: randomUsername(), customData: { [secretKey]: secret } }],
    })));
    const publicAccount = expectOk(await call(() => client.getPublicAccount({ userId: shared.userId, withCustomData: true })));

    assert.ok(stored.includes('$protected'), stored);
    assert.ok(!stored.includes(secret), 'the value is not stored in plain text');
    assert.ok(!(await storedCustomData(shared.userId)).includes(secret));
    assert.equal(created.customData[secretKey], secret);
    assert.equal(got.customData[secretKey], secret);
    assert.equal(listed.list[0].customData[secretKey], secret);
    assert.equal(publicAccount.customData[secretKey], secret);
  });

  test('with isUnique too: a repeat is refused naming the holder, without repeating the value', async () => {
    const secret = `P-${randomString(16)}`;
    const [holder] = expectOk(await createUsers([{ username: randomUsername(), customData: { [bothKey]: secret } }]));
    const res = await createUsers([{ username: randomUsername(), customData: { [bothKey]: secret } }]);
    expectFailure(res, 409, undefined, { apiCode: 2026 });
    assert.equal(expectFieldError(res, `list[0].customData.${bothKey}`, 'already_exists').conflict.accountId, holder.userId);
    assert.ok(!JSON.stringify(res).includes(secret), JSON.stringify(res));
    assert.ok(!(await storedCustomData(holder.userId)).includes(secret));
  });
});
