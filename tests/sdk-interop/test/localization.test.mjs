// The `lang` option of the real SDK (x-authing-lang): every failure the server words itself comes back in English
// for an en-US client and in Chinese for the default zh-CN one. The texts the SDK's own tests pin (docs/contract.md §3)
// are the same in both languages, as Authing words them.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomUsername, randomEmail } from '../lib/client.mjs';
import { expectOk } from '../lib/expect.mjs';

const zh = createManagementClient();
const en = createManagementClient({ lang: 'en-US' });

/** Made once: things some failures need to exist. */
const f = {};

before(async () => {
  f.user = expectOk(await call(() => zh.createUser({ username: randomUsername('lang'), email: randomEmail() })));
  f.org = expectOk(await call(() => zh.createOrganization({ organizationCode: randomString(), organizationName: 'lang' })));
  f.dept = expectOk(await call(() => zh.createDepartment({ organizationCode: f.org.organizationCode, parentDepartmentId: 'root', name: 'lang', code: randomString() })));
  f.fieldKey = `lang_${randomString(10).toLowerCase()}`;
  expectOk(await call(() => zh.setCustomFields({ list: [{ targetType: 'USER', key: f.fieldKey, dataType: 'NUMBER' }] })));
  f.missing = randomString(24);
});

const hundred = 'x'.repeat(100);
const sameInBoth = (text) => [text, text];

/** [method, case, statusCode, (client) => call, () => [zh text, en text]] */
const cases = [
  // Texts pinned by the SDK's tests: identical in both languages.
  ['createUser', '{}', 400, (c) => c.createUser({}), () => sameInBoth('Must contain one of the following fields: username, phone, email')],
  ['createUser', 'customData 1025 characters', 400, (c) => c.createUser({ email: randomEmail(), customData: { intro: 'hello'.repeat(205) } }), () => sameInBoth('customData must be less than 1024 characters')],
  ['createUser', 'country code without phone', 400, (c) => c.createUser({ phoneCountryCode: '+86', email: randomEmail() }), () => sameInBoth('phone cannot be empty')],
  ['listUsers', 'limit 220', 400, (c) => c.listUsers({ options: { pagination: { limit: 220 } } }), () => sameInBoth('limit must less than 50')],
  ['createOrganization', 'code " "', 400, (c) => c.createOrganization({ organizationCode: ' ', organizationName: 'n' }), () => sameInBoth('invalid organization code:  ')],
  ['createDepartment', 'unknown organization', 404, (c) => c.createDepartment({ organizationCode: f.missing, parentDepartmentId: 'root', name: 'n' }), () => sameInBoth(`organization not found for code: ${f.missing}`)],
  ['createDepartment', 'organization code " "', 400, (c) => c.createDepartment({ organizationCode: ' ', parentDepartmentId: 'root', name: 'n' }), () => sameInBoth('invalid organization code  ')],

  // Texts the server words: localized.
  ['createUser', 'bad email', 400, (c) => c.createUser({ email: 'test1@qqq' }), () => ['参数 email 格式错误', 'Parameter email has an invalid format']],
  ['createUser', 'username in use', 409, (c) => c.createUser({ username: f.user.username }),
    () => [`username ${f.user.username} 已被用户 ${f.user.userId} 使用`, `username ${f.user.username} is already used by user ${f.user.userId}`]],
  ['createUser', 'undefined custom field', 400, (c) => c.createUser({ username: randomUsername(), customData: { nosuch_lang_field: 1 } }),
    () => ['自定义字段 nosuch_lang_field 未定义', 'Custom field nosuch_lang_field is not defined for users (see set-custom-fields)']],
  ['createUser', 'custom field of another type', 400, (c) => c.createUser({ username: randomUsername(), customData: { [f.fieldKey]: 'text' } }),
    () => [`自定义字段 ${f.fieldKey} 应为 NUMBER`, `Custom field ${f.fieldKey} must be a NUMBER`]],
  ['createUser', 'unknown tenant', 400, (c) => c.createUser({ username: randomUsername(), tenantIds: [f.missing] }), () => [`租户 ${f.missing} 不存在`, `Tenant ${f.missing} does not exist`]],
  ['createUser', 'unknown department', 400, (c) => c.createUser({ username: randomUsername(), departmentIds: [f.missing] }), () => [`部门 ${f.missing} 不存在`, `Department ${f.missing} does not exist`]],
  ['createUsersBatch', 'empty list', 400, (c) => c.createUsersBatch({ list: [] }), () => ['参数 list 必须包含 1 到 50 项', 'list must hold 1 to 50 items']],
  ['createUsersBatch', 'second item invalid', 400, (c) => c.createUsersBatch({ list: [{ username: randomUsername() }, { email: 'bad@x' }] }),
    () => ['list[1]: 参数 email 格式错误', 'list[1]: Parameter email has an invalid format']],
  ['createUsersBatch', 'two failing items', 400, (c) => c.createUsersBatch({ list: [{ email: 'bad' }, { phone: 'abc' }] }),
    () => ['list[0]: 参数 email 格式错误（另有 1 个错误，见 errors）', 'list[0]: Parameter email has an invalid format (1 more in errors)']],
  ['createPublicAccount', 'tenantIds', 400, (c) => c.createPublicAccount({ username: randomUsername(), tenantIds: ['t'] }),
    () => ['公共账号不支持参数 tenantIds', 'Parameter tenantIds is not accepted for public accounts']],
  ['createPublicAccountsBatch', 'empty list', 400, (c) => c.createPublicAccountsBatch({ list: [] }), () => ['参数 list 必须包含 1 到 50 项', 'list must hold 1 to 50 items']],
  ['getUser', 'unknown id', 404, (c) => c.getUser({ userId: f.missing }), () => ['用户不存在', 'User does not exist']],
  ['getUser', 'malformed email', 400, (c) => c.getUser({ userId: 'test#x.com', userIdType: 'email' }), () => ['参数 userId 格式错误', 'Parameter userId has an invalid format']],
  ['getUser', 'empty userId', 400, (c) => c.getUser({ userId: '' }), () => ['参数 userId 不能为空', 'Parameter userId is required']],
  ['getUser', 'userIdType sync_relation', 400, (c) => c.getUser({ userId: 'a:b', userIdType: 'sync_relation' }), () => ['暂不支持 userIdType 为 sync_relation', 'userIdType sync_relation is not supported']],
  ['listUsers', 'page 0', 400, (c) => c.listUsers({ options: { pagination: { page: 0 } } }), () => ['参数 page 格式错误', 'Parameter page has an invalid format']],
  ['listUsers', 'limit 0', 400, (c) => c.listUsers({ options: { pagination: { limit: 0 } } }), () => ['参数 limit 格式错误', 'Parameter limit has an invalid format']],
  ['listUsers', 'invalid status', 400, (c) => c.listUsers({ advancedFilter: [{ field: 'status', operator: 'EQUAL', value: 'invalid' }] }), () => ['参数 status 格式错误', 'Parameter status has an invalid format']],
  ['listUsers', 'unknown filter field', 400, (c) => c.listUsers({ advancedFilter: [{ field: 'nosuch', operator: 'EQUAL', value: 'x' }] }), () => ['不支持按字段 nosuch 筛选', 'Filtering on field nosuch is not supported']],
  ['listUsers', 'unknown sort field', 400, (c) => c.listUsers({ options: { sort: [{ field: 'nosuch', order: 'asc' }] } }), () => ['不支持按字段 nosuch 排序', 'Sorting on field nosuch is not supported']],
  ['listUsers', 'searchQuery', 400, (c) => c.listUsers({ searchQuery: {} }), () => ['暂不支持参数 searchQuery', 'Parameter searchQuery is not supported']],
  ['listUsersLegacy', 'page 0', 400, (c) => c.listUsersLegacy({ page: 0 }), () => ['参数 page 格式错误', 'Parameter page has an invalid format']],
  ['listUsersLegacy', 'invalid status', 400, (c) => c.listUsersLegacy({ status: 'invalid' }), () => ['参数 status 格式错误', 'Parameter status has an invalid format']],
  ['getPublicAccount', 'unknown id', 404, (c) => c.getPublicAccount({ userId: f.missing }), () => ['公共账号不存在', 'Public account does not exist']],
  ['getPublicAccountBatch', '51 ids', 400, (c) => c.getPublicAccountBatch({ userIds: Array.from({ length: 51 }, (_, i) => `id${i}`) }),
    () => ['参数 userIds 最多 50 项', 'Parameter userIds holds at most 50 items']],
  ['listPublicAccounts', 'limit 0', 400, (c) => c.listPublicAccounts({ options: { pagination: { limit: 0 } } }), () => ['参数 limit 格式错误', 'Parameter limit has an invalid format']],
  ['setCustomFields', 'empty list', 400, (c) => c.setCustomFields({ list: [] }), () => ['参数 list 格式错误', 'Parameter list has an invalid format']],
  ['setCustomFields', 'unknown targetType', 400, (c) => c.setCustomFields({ list: [{ targetType: 'ORG', key: 'k' }] }),
    () => ['参数 targetType 只能是 USER, ROLE, GROUP, DEPARTMENT', 'Parameter targetType must be one of USER, ROLE, GROUP, DEPARTMENT']],
  ['setCustomFields', 'dataType change', 400, (c) => c.setCustomFields({ list: [{ targetType: 'USER', key: f.fieldKey, dataType: 'STRING' }] }),
    () => [`自定义字段 ${f.fieldKey} 的 dataType 不能修改`, `The dataType of custom field ${f.fieldKey} cannot change`]],
  ['getCustomFields', 'unknown targetType', 400, (c) => c.getCustomFields({ targetType: 'ORG' }), () => ['参数 targetType 格式错误', 'Parameter targetType has an invalid format']],
  ['createOrganization', 'code in use', 409, (c) => c.createOrganization({ organizationCode: f.org.organizationCode, organizationName: 'n' }),
    () => [`组织 code ${f.org.organizationCode} 已存在`, `An organization with code ${f.org.organizationCode} exists already`]],
  ['createOrganization', 'code used by a department', 409, (c) => c.createOrganization({ organizationCode: f.dept.code, organizationName: 'n' }),
    () => [`code ${f.dept.code} 已被部门使用`, `The code ${f.dept.code} is already used by a department`]],
  ['createOrganization', '100-character code', 400, (c) => c.createOrganization({ organizationCode: hundred, organizationName: 'n' }),
    () => ['参数 organizationCode 格式错误', 'Parameter organizationCode has an invalid format']],
  ['createOrganization', 'no name', 400, (c) => c.createOrganization({ organizationCode: randomString() }), () => ['参数 organizationName 格式错误', 'Parameter organizationName has an invalid format']],
  ['createOrganization', 'unknown tenant', 404, (c) => c.createOrganization({ organizationCode: randomString(), organizationName: 'n', tenantId: f.missing }),
    () => [`租户 ${f.missing} 不存在`, `Tenant ${f.missing} not found`]],
  ['createDepartment', '100-character organization code', 400, (c) => c.createDepartment({ organizationCode: hundred, parentDepartmentId: 'root', name: 'n' }),
    () => ['参数 organizationCode 格式错误', 'Parameter organizationCode has an invalid format']],
  ['createDepartment', 'unknown parent', 404, (c) => c.createDepartment({ organizationCode: f.org.organizationCode, parentDepartmentId: f.missing, name: 'n' }),
    () => [`组织 ${f.org.organizationCode} 中不存在父部门 ${f.missing}`, `parent department ${f.missing} not found in organization ${f.org.organizationCode}`]],
  ['createDepartment', 'code in use', 409, (c) => c.createDepartment({ organizationCode: f.org.organizationCode, parentDepartmentId: 'root', name: 'n', code: f.dept.code }),
    () => [`部门 code ${f.dept.code} 已存在`, `A department with code ${f.dept.code} exists already`]],
  ['createDepartment', 'departmentIdType sync_relation', 400, (c) => c.createDepartment({ organizationCode: f.org.organizationCode, parentDepartmentId: 'root', name: 'n', departmentIdType: 'sync_relation' }),
    () => ['departmentIdType 暂不支持 sync_relation', 'departmentIdType sync_relation is not supported']],
  ['createTenant', '{}', 400, (c) => c.createTenant({}), () => ['参数 name 格式错误', 'Parameter name has an invalid format']],
  ['createTenant', 'name over 64 characters', 400, (c) => c.createTenant({ name: 'x'.repeat(65) }), () => ['参数 name 长度不能超过 64', 'Parameter name must be at most 64 characters long']],
];

for (const method of [...new Set(cases.map(([m]) => m))]) {
  describe(method, () => {
    for (const [, label, statusCode, invoke, texts] of cases.filter(([m]) => m === method)) {
      test(`${label}: ${statusCode} in zh-CN and en-US`, async () => {
        const [zhText, enText] = texts();
        const zhRes = await call(() => invoke(zh));
        const enRes = await call(() => invoke(en));
        assert.equal(zhRes.statusCode, statusCode, `zh-CN: ${JSON.stringify(zhRes)}`);
        assert.equal(enRes.statusCode, statusCode, `en-US: ${JSON.stringify(enRes)}`);
        assert.equal(zhRes.message, zhText, 'zh-CN');
        assert.equal(enRes.message, enText, 'en-US');
        // errors[] carry the same language as the message.
        for (const [res, text] of [[zhRes, zhText], [enRes, enText]]) {
          if (Array.isArray(res.errors)) assert.ok(text.includes(res.errors[0].message), `${res.errors[0].message} in ${text}`);
        }
      });
    }
  });
}

test('authentication failures read the same in both languages (they never say which part was wrong)', async () => {
  for (const lang of ['zh-CN', 'en-US']) {
    const res = await call(() => createManagementClient({ lang, accessKeySecret: 'definitely-not-the-secret' }).getUser({ userId: 'x' }));
    assert.equal(res.statusCode, 401);
    assert.equal(res.message, 'Invalid signature', lang);
  }
});

test('a success is the same in both languages (message "")', async () => {
  const res = await call(() => en.createTenant({ name: randomString(10) }));
  expectOk(res);
});
