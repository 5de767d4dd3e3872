// setCustomFields / getCustomFields through the real authing-node-sdk 4.0.1. The SDK's own tests only use
// setCustomFields as setup and never read getCustomFields; here both are checked field by field. Keys are random
// (definitions persist across runs), so each test sees only its own fields.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomUserInfo } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError, assertIsoDate } from '../lib/expect.mjs';

const client = createManagementClient();
const newKey = (prefix = 'cf') => `${prefix}_${randomString(12).toLowerCase()}`;
const defined = async (targetType, key) => expectOk(await call(() => client.getCustomFields({ targetType }))).find((f) => f.key === key);

describe('setCustomFields', () => {
  test('creates a definition with every SetCustomFieldDto field and answers CustomFieldDto', async () => {
    const key = newKey();
    const item = {
      targetType: 'USER', key, dataType: 'ENUM', label: '学校', description: '就读学校', encrypted: false, isUnique: true,
      userEditable: true, visibleInAdminConsole: true, visibleInUserCenter: true,
      options: [{ label: '北京大学', value: 'pku' }, { label: '清华大学', value: 'tsinghua' }],
      i18n: { label: { 'zh-CN': { enabled: true, value: '学校' }, 'en-US': { enabled: true, value: 'School' }, 'zh-TW': { enabled: false, value: '' }, 'ja-JP': { enabled: false, value: '' } } },
    };
    const data = expectOk(await call(() => client.setCustomFields({ list: [item] })));
    assert.equal(data.length, 1);
    const field = data[0];
    for (const name of ['targetType', 'key', 'dataType', 'label', 'description', 'encrypted', 'isUnique', 'userEditable', 'visibleInAdminConsole', 'visibleInUserCenter']) {
      assert.equal(field[name], item[name], name);
    }
    assert.deepEqual(field.options, item.options);
    assert.deepEqual(field.i18n, item.i18n);
    assertIsoDate(field.createdAt, 'createdAt');
  });

  test('fills the required CustomFieldDto fields the request leaves out (label, isUnique, visibleInAdminConsole)', async () => {
    const key = newKey();
    // As the SDK's createUsersBatch spec defines `school`: dataType SELECT does not exist, so it is left out of the JSON.
    const [field] = expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key, dataType: undefined }] })));
    assert.equal(field.key, key);
    assert.equal(field.dataType, 'STRING');
    assert.equal(field.label, key);
    assert.equal(field.isUnique, false);
    assert.equal(field.visibleInAdminConsole, false);
    assert.equal(field.encrypted, false);
  });

  test('several target types in one call; a second call updates and keeps what it leaves out', async () => {
    const userKey = newKey('u');
    const departmentKey = newKey('d');
    const first = expectOk(await call(() => client.setCustomFields({
      list: [
        { targetType: 'USER', key: userKey, dataType: 'NUMBER', label: 'first', description: 'kept' },
        { targetType: 'DEPARTMENT', key: departmentKey, dataType: 'BOOLEAN', label: 'dept' },
      ],
    })));
    assert.deepEqual(first.map((f) => [f.targetType, f.key, f.dataType]), [['USER', userKey, 'NUMBER'], ['DEPARTMENT', departmentKey, 'BOOLEAN']]);

    const [updated] = expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key: userKey, label: 'second' }] })));
    assert.equal(updated.label, 'second');
    assert.equal(updated.dataType, 'NUMBER');
    assert.equal(updated.description, 'kept');
    assert.equal(updated.createdAt, first[0].createdAt);

    const stored = await defined('USER', userKey);
    assert.equal(stored.label, 'second');
    assert.equal(await defined('USER', departmentKey), undefined, 'a DEPARTMENT field is not a USER field');
    assert.equal((await defined('DEPARTMENT', departmentKey)).dataType, 'BOOLEAN');
  });

  test('a key named twice in one list is defined once, with the later values', async () => {
    const key = newKey();
    const data = expectOk(await call(() => client.setCustomFields({
      list: [{ targetType: 'USER', key, dataType: 'STRING', label: 'first' }, { targetType: 'USER', key, label: 'second' }],
    })));
    assert.deepEqual(data.map((f) => [f.key, f.label]), [[key, 'second']]);
  });

  test('a defined field is what createUser accepts in customData, with its type checked', async () => {
    const key = newKey();
    expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key, dataType: 'NUMBER' }] })));
    const user = expectOk(await call(() => client.createUser(randomUserInfo({ customData: { [key]: 42 } }))));
    assert.deepEqual(user.customData, { [key]: 42 });
    const wrongType = await call(() => client.createUser(randomUserInfo({ customData: { [key]: 'forty-two' } })));
    expectFailure(wrongType, 400, `自定义字段 ${key} 应为 NUMBER`);
    expectFieldError(wrongType, `customData.${key}`, 'custom_field_type');
    const undefinedKey = newKey('undefined');
    const unknown = await call(() => client.createUser(randomUserInfo({ customData: { [undefinedKey]: 1 } })));
    expectFailure(unknown, 400, `自定义字段 ${undefinedKey} 未定义`);
    expectFieldError(unknown, `customData.${undefinedKey}`, 'undefined_custom_field');
  });

  const failures = [
    ['an empty list', { list: [] }, '参数 list 格式错误', 'list'],
    ['no list', { tenantId: randomString(24) }, '参数 list 格式错误', 'list'],
    ['51 items', { list: Array.from({ length: 51 }, (_, i) => ({ targetType: 'USER', key: `k${i}` })) }, '参数 list 格式错误', 'list'],
    ['an unknown targetType', { list: [{ targetType: 'ORG', key: 'k' }] }, '参数 targetType 只能是 USER, ROLE, GROUP, DEPARTMENT', 'list[0].targetType'],
    ['no key', { list: [{ targetType: 'USER' }] }, '参数 key 格式错误', 'list[0].key'],
    ['an unknown dataType', { list: [{ targetType: 'USER', key: 'k', dataType: 'SELECT' }] }, '参数 dataType 只能是 STRING, NUMBER, DATETIME, BOOLEAN, ENUM', 'list[0].dataType'],
  ];
  for (const [label, body, message, field] of failures) {
    test(`refuses ${label} with 400 "${message}"`, async () => {
      const res = await call(() => client.setCustomFields(body));
      expectFailure(res, 400, message);
      expectFieldError(res, field);
    });
  }

  test('refuses a call without an argument (an empty body) with 400', async () => {
    expectFailure(await call(() => client.setCustomFields()), 400, '参数 list 格式错误');
  });

  test('refuses to change a dataType (400) and leaves the definition as it was', async () => {
    const key = newKey();
    expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key, dataType: 'NUMBER', label: 'age' }] })));
    const res = await call(() => client.setCustomFields({ list: [{ targetType: 'USER', key, dataType: 'STRING', label: 'changed' }] }));
    expectFailure(res, 400, `自定义字段 ${key} 的 dataType 不能修改`);
    expectFieldError(res, 'list[0].dataType', 'invalid_value');
    const stored = await defined('USER', key);
    assert.equal(stored.dataType, 'NUMBER');
    assert.equal(stored.label, 'age');
  });
});

describe('getCustomFields', () => {
  test('answers the definitions of one target type, oldest first', async () => {
    const keys = [newKey('a'), newKey('b')];
    expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'ROLE', key: keys[0] }] })));
    expectOk(await call(() => client.setCustomFields({ list: [{ targetType: 'ROLE', key: keys[1], dataType: 'DATETIME' }] })));
    const fields = expectOk(await call(() => client.getCustomFields({ targetType: 'ROLE' })));
    assert.ok(fields.every((f) => f.targetType === 'ROLE'));
    const mine = fields.filter((f) => keys.includes(f.key));
    assert.deepEqual(mine.map((f) => [f.key, f.dataType]), [[keys[0], 'STRING'], [keys[1], 'DATETIME']]);
    for (const f of mine) {
      assert.equal(typeof f.label, 'string');
      assert.equal(typeof f.isUnique, 'boolean');
      assert.equal(typeof f.visibleInAdminConsole, 'boolean');
    }
  });

  test('GROUP has its own (possibly empty) list', async () => {
    const fields = expectOk(await call(() => client.getCustomFields({ targetType: 'GROUP' })));
    assert.ok(Array.isArray(fields));
    assert.ok(fields.every((f) => f.targetType === 'GROUP'));
  });

  test('refuses an unknown targetType with 400 "参数 targetType 格式错误"', async () => {
    expectFailure(await call(() => client.getCustomFields({ targetType: 'ORG' })), 400, '参数 targetType 格式错误');
  });
});
