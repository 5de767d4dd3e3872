// Organizations, departments and tenants as the real authing-node-sdk 4.0.1 creates them,
// following the SDK's own specs (test/organizations, test/department, test/tenant).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, getConfig } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError, assertIsoDate, assertObjectId } from '../lib/expect.mjs';

const organizationName = '组织节点名称';
const hundredChars =
  '1234567891123456789112345678911234567891123456789112345678911234567891123456789112345678911234567891';

async function createOrganization(client, organizationCode = randomString()) {
  const res = await call(() => client.createOrganization({ organizationCode, organizationName }));
  assert.equal(res.statusCode, 200, `createOrganization failed: ${JSON.stringify(res)}`);
  return res.data;
}

test('createOrganization answers 200, message "" and the organization with its root department', async () => {
  const client = createManagementClient();
  const organizationCode = randomString();
  const res = await call(() => client.createOrganization({ organizationCode, organizationName }));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.message, '');
  const org = res.data;
  assert.equal(org.organizationCode, organizationCode);
  assert.equal(org.organizationName, organizationName);
  assert.match(org.departmentId, /^[0-9a-f]{24}$/);
  assert.equal(org.hasChildren, false);
  assert.equal(org.membersCount, 0);
  assert.equal(org.isVirtualNode, false);
});

test('createOrganization with code "" succeeds (the SDK test expects 200) and gets a generated code', async () => {
  const client = createManagementClient();
  const res = await call(() => client.createOrganization({ organizationCode: '', organizationName }));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.message, '');
  assert.ok(res.data.organizationCode.length > 0);
});

for (const organizationCode of ['额！ ', ' ']) {
  test(`createOrganization with code ${JSON.stringify(organizationCode)} is 400 "invalid organization code: <code>"`, async () => {
    const client = createManagementClient();
    const res = await call(() => client.createOrganization({ organizationCode, organizationName }));
    assert.equal(res.statusCode, 400, JSON.stringify(res));
    assert.equal(res.message, `invalid organization code: ${organizationCode}`);
  });
}

test('createOrganization with a 100-character code is 400 "参数 organizationCode 格式错误"', async () => {
  const client = createManagementClient();
  const res = await call(() => client.createOrganization({ organizationCode: hundredChars, organizationName }));
  assert.equal(res.statusCode, 400, JSON.stringify(res));
  assert.equal(res.message, '参数 organizationCode 格式错误');
});

test('createDepartment under the root of a new organization answers 200, message "" and the department', async () => {
  const client = createManagementClient();
  const org = await createOrganization(client);
  const name = randomString(10);
  const code = randomString();
  // As test/department/createDepartment.spec.ts sends it: no metadata.
  const res = await call(() =>
    client.createDepartment({
      parentDepartmentId: org.departmentId,
      organizationCode: org.organizationCode,
      name,
      code,
      isVirtualNode: false,
    }),
  );
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.message, '');
  const dept = res.data;
  assert.equal(dept.organizationCode, org.organizationCode);
  assert.equal(dept.name, name);
  assert.equal(dept.code, code);
  assert.match(dept.departmentId, /^[0-9a-f]{24}$/);
  assert.equal(dept.parentDepartmentId, org.departmentId);
  assert.equal(dept.parentDepartmentCode, org.organizationCode);
  assert.equal(dept.membersCount, 0);
  assert.equal(dept.hasChildren, false);
  assert.equal(dept.isVirtualNode, false);
  assert.equal(typeof dept.createdAt, 'string');
});

test('createDepartment with parentDepartmentId "root" and a tenantId hangs below the root', async () => {
  const client = createManagementClient();
  const org = await createOrganization(client);
  const tenant = await call(() => client.createTenant({ name: randomString(10) }));
  assert.equal(tenant.statusCode, 200, JSON.stringify(tenant));
  const res = await call(() =>
    client.createDepartment({
      parentDepartmentId: 'root',
      organizationCode: org.organizationCode,
      name: randomString(10),
      tenantId: tenant.data.tenantId,
    }),
  );
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.data.parentDepartmentId, org.departmentId);
});

test('createDepartment in an unknown organization is 404 "organization not found for code: <code>"', async () => {
  const client = createManagementClient();
  for (const organizationCode of [randomString(), '']) {
    const res = await call(() =>
      client.createDepartment({ parentDepartmentId: 'root', organizationCode, name: 'n', code: randomString(), isVirtualNode: false }),
    );
    assert.equal(res.statusCode, 404, JSON.stringify(res));
    assert.equal(res.message, `organization not found for code: ${organizationCode}`);
  }
});

test('createDepartment with organization code " " is 400 "invalid organization code  " (no colon)', async () => {
  const client = createManagementClient();
  const res = await call(() =>
    client.createDepartment({ parentDepartmentId: 'root', organizationCode: ' ', name: 'n', isVirtualNode: false }),
  );
  assert.equal(res.statusCode, 400, JSON.stringify(res));
  assert.equal(res.message, 'invalid organization code  ');
});

test('createDepartment with a 100-character organization code is 400 "参数 organizationCode 格式错误"', async () => {
  const client = createManagementClient();
  const res = await call(() =>
    client.createDepartment({ parentDepartmentId: 'root', organizationCode: hundredChars, name: 'n', isVirtualNode: false }),
  );
  assert.equal(res.statusCode, 400, JSON.stringify(res));
  assert.equal(res.message, '参数 organizationCode 格式错误');
});

test('createTenant({name}) answers 200, message "" and the tenant', async () => {
  const client = createManagementClient();
  const name = randomString(10);
  const res = await call(() => client.createTenant({ name }));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.message, '');
  const tenant = res.data;
  assert.equal(tenant.name, name);
  assert.match(tenant.tenantId, /^[0-9a-f]{24}$/);
  assert.equal(typeof tenant.userPoolId, 'string');
  assert.equal(typeof tenant.code, 'string');
  assert.ok(tenant.code.length > 0);
  assert.equal(tenant.logo, '');
  assert.deepEqual(tenant.appIds, []);
  assert.deepEqual(tenant.enterpriseDomains, []);
  for (const field of ['creator', 'sourceAppId', 'source', 'host']) {
    assert.equal(typeof tenant[field], 'string', `${field} must be a string`);
  }
});

test('createTenant with logo as the SDK request type (string[]) answers logo as a string', async () => {
  const client = createManagementClient();
  const logo = 'https://cdn.example.com/logo.png';
  const res = await call(() => client.createTenant({ name: randomString(10), appIds: [], logo: [logo] }));
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.equal(res.data.logo, logo);
});

describe('createOrganization: every field, and further failures', () => {
  test('answers description, openDepartmentId, i18n and tenantId as sent', async () => {
    const client = createManagementClient();
    const tenant = expectOk(await call(() => client.createTenant({ name: randomString(10) })));
    const body = {
      organizationCode: randomString(), organizationName, description: '销售部门', openDepartmentId: `open-${randomString(12)}`,
      i18n: { organizationName: { 'zh-CN': { enabled: true, value: '销售' }, 'en-US': { enabled: true, value: 'Sales' }, 'zh-TW': { enabled: false, value: '' }, 'ja-JP': { enabled: false, value: '' } } },
      tenantId: tenant.tenantId, metadata: { source: 'interop' },
    };
    const org = expectOk(await call(() => client.createOrganization(body)));
    for (const field of ['organizationCode', 'organizationName', 'description', 'openDepartmentId', 'tenantId']) assert.equal(org[field], body[field], field);
    assert.deepEqual(org.i18n, body.i18n);
    assert.deepEqual(org.leaderUserIds, []);
    assertIsoDate(org.createdAt, 'createdAt');
    assert.equal(org.updatedAt, org.createdAt);
    assertObjectId(org.departmentId, 'departmentId');
  });

  test('a code in use by an organization or a department, or an open id in use, is 409 naming the field', async () => {
    const client = createManagementClient();
    const org = await createOrganization(client);
    const department = expectOk(await call(() => client.createDepartment({
      organizationCode: org.organizationCode, parentDepartmentId: 'root', name: 'd', code: randomString(), openDepartmentId: `open-${randomString(12)}`,
    })));
    const cases = [
      [{ organizationCode: org.organizationCode }, `组织 code ${org.organizationCode} 已存在`, 'organizationCode'],
      [{ organizationCode: department.code }, `code ${department.code} 已被部门使用`, 'organizationCode'],
      [{ organizationCode: randomString(), openDepartmentId: department.openDepartmentId }, `openDepartmentId ${department.openDepartmentId} 已被部门使用`, 'openDepartmentId'],
    ];
    for (const [body, message, field] of cases) {
      const res = await call(() => client.createOrganization({ organizationName, ...body }));
      expectFailure(res, 409, message);
      expectFieldError(res, field, 'already_exists');
    }
  });

  const failures = [
    ['no name', { organizationCode: randomString() }, 400, '参数 organizationName 格式错误'],
    ['no code', { organizationName }, 400, '参数 organizationCode 格式错误'],
    ['postIdList', { organizationCode: randomString(), organizationName, postIdList: ['p1'] }, 400, '暂不支持参数 postIdList'],
    ['an unknown tenant', { organizationCode: randomString(), organizationName, tenantId: 'no-such-tenant' }, 404, '租户 no-such-tenant 不存在'],
  ];
  for (const [label, body, statusCode, message] of failures) {
    test(`${label}: ${statusCode} "${message}"`, async () => {
      expectFailure(await call(() => createManagementClient().createOrganization(body)), statusCode, message);
    });
  }

  test('a call without an argument (an empty body) is 400, not a binding error', async () => {
    expectFailure(await call(() => createManagementClient().createOrganization()), 400, '参数 organizationCode 格式错误');
  });
});

describe('createDepartment: every field, parents by each id type, and further failures', () => {
  test('answers every CreateDepartmentReqDto field as sent', async () => {
    const client = createManagementClient();
    const org = await createOrganization(client);
    const tenant = expectOk(await call(() => client.createTenant({ name: randomString(10) })));
    const body = {
      organizationCode: org.organizationCode, parentDepartmentId: 'root', name: '研发部', code: randomString(), openDepartmentId: `open-${randomString(12)}`,
      description: '研发', isVirtualNode: true, metadata: { a: 1 }, tenantId: tenant.tenantId,
      i18n: { name: { 'zh-CN': { enabled: true, value: '研发部' }, 'en-US': { enabled: true, value: 'R&D' }, 'zh-TW': { enabled: false, value: '' }, 'ja-JP': { enabled: false, value: '' } } },
      customData: { level: 3, label: 'x' },
    };
    const dept = expectOk(await call(() => client.createDepartment(body)));
    for (const field of ['organizationCode', 'name', 'code', 'openDepartmentId', 'description', 'isVirtualNode']) assert.equal(dept[field], body[field], field);
    assert.deepEqual(dept.i18n, body.i18n);
    assert.deepEqual(dept.customData, body.customData);
    assert.equal(dept.parentDepartmentId, org.departmentId);
    assert.equal(dept.parentDepartmentCode, org.organizationCode);
    assert.deepEqual(dept.leaderUserIds, []);
    assertIsoDate(dept.createdAt, 'createdAt');
  });

  test('a parent named by department_id, code or open_department_id', async () => {
    const client = createManagementClient();
    const org = await createOrganization(client);
    const parent = expectOk(await call(() => client.createDepartment({
      organizationCode: org.organizationCode, parentDepartmentId: 'root', name: 'parent', code: randomString(), openDepartmentId: `open-${randomString(12)}`,
    })));
    const references = [[parent.departmentId, undefined], [parent.departmentId, 'department_id'], [parent.code, 'code'], [parent.openDepartmentId, 'open_department_id']];
    for (const [parentDepartmentId, departmentIdType] of references) {
      const child = expectOk(await call(() => client.createDepartment({ organizationCode: org.organizationCode, parentDepartmentId, departmentIdType, name: 'child' })));
      assert.equal(child.parentDepartmentId, parent.departmentId, `${departmentIdType}`);
      assert.equal(child.parentDepartmentCode, parent.code, `${departmentIdType}`);
    }
  });

  test('an open id in use is 409 naming openDepartmentId; a code in use says so', async () => {
    const client = createManagementClient();
    const org = await createOrganization(client);
    const openDepartmentId = `open-${randomString(12)}`;
    const code = randomString();
    expectOk(await call(() => client.createDepartment({ organizationCode: org.organizationCode, parentDepartmentId: 'root', name: 'a', openDepartmentId, code })));
    const openClash = await call(() => client.createDepartment({ organizationCode: org.organizationCode, parentDepartmentId: 'root', name: 'b', openDepartmentId }));
    expectFailure(openClash, 409, `openDepartmentId ${openDepartmentId} 已被部门使用`);
    expectFieldError(openClash, 'openDepartmentId', 'already_exists');
    const codeClash = await call(() => client.createDepartment({ organizationCode: org.organizationCode, parentDepartmentId: 'root', name: 'c', code }));
    expectFailure(codeClash, 409, `部门 code ${code} 已存在`);
    expectFieldError(codeClash, 'code', 'already_exists');
  });

  test('a parent that is not in the organization is 404 naming both', async () => {
    const client = createManagementClient();
    const org = await createOrganization(client);
    const other = await createOrganization(client);
    for (const parent of ['no-such-department', other.departmentId]) {
      const res = await call(() => client.createDepartment({ organizationCode: org.organizationCode, parentDepartmentId: parent, name: 'n' }));
      expectFailure(res, 404, `组织 ${org.organizationCode} 中不存在父部门 ${parent}`);
    }
  });

  test('further 400s: no name, no parent, an unsupported departmentIdType, postIdList, customData over 1024 characters; unknown tenant 404', async () => {
    const client = createManagementClient();
    const org = await createOrganization(client);
    const base = { organizationCode: org.organizationCode, parentDepartmentId: 'root', name: 'n' };
    const cases = [
      [{ ...base, name: undefined }, 400, '参数 name 格式错误'],
      [{ ...base, parentDepartmentId: undefined }, 400, '参数 parentDepartmentId 格式错误'],
      [{ ...base, departmentIdType: 'sync_relation' }, 400, 'departmentIdType 暂不支持 sync_relation'],
      [{ ...base, postIdList: ['p1'] }, 400, '暂不支持参数 postIdList'],
      [{ ...base, customData: { intro: 'hello'.repeat(205) } }, 400, 'customData must be less than 1024 characters'],
      [{ ...base, tenantId: 'no-such-tenant' }, 404, '租户 no-such-tenant 不存在'],
    ];
    for (const [body, statusCode, message] of cases) {
      expectFailure(await call(() => client.createDepartment(body)), statusCode, message);
    }
  });

  test('a call without an argument (an empty body) is 400, not a binding error', async () => {
    expectFailure(await call(() => createManagementClient().createDepartment()), 400, '参数 organizationCode 格式错误');
  });
});

describe('createTenant: every field, and further failures', () => {
  test('answers every TenantDto field from a full CreateTenantDto', async () => {
    const client = createManagementClient();
    const body = {
      name: randomString(10), appIds: ['app-1', 'app-2'], logo: ['https://cdn.example.com/a.png', 'https://cdn.example.com/b.png'], description: 'SaaS 客户',
      rejectHint: '请联系管理员', sourceAppId: 'app-1', enterpriseDomains: ['example.com', 'mail.example.cn'], expireTime: '2030-01-31', mauAmount: 1000, memberAmount: 200, adminAmount: 5,
    };
    const tenant = expectOk(await call(() => client.createTenant(body)));
    for (const field of ['name', 'description', 'rejectHint', 'sourceAppId']) assert.equal(tenant[field], body[field], field);
    assert.deepEqual(tenant.appIds, body.appIds);
    assert.deepEqual(tenant.enterpriseDomains, body.enterpriseDomains);
    assert.equal(tenant.logo, body.logo[0]);
    assert.equal(tenant.source, 'APPLICATION');
    assert.equal(tenant.creator, getConfig().accessKeyId);
    assert.match(tenant.code, /^[a-z0-9]{10}$/);
    assertObjectId(tenant.tenantId, 'tenantId');
    assertObjectId(tenant.userPoolId, 'userPoolId');
  });

  test('two tenants with one name get distinct ids and codes', async () => {
    const client = createManagementClient();
    const name = randomString(10);
    const first = expectOk(await call(() => client.createTenant({ name })));
    const second = expectOk(await call(() => client.createTenant({ name })));
    assert.notEqual(first.tenantId, second.tenantId);
    assert.notEqual(first.code, second.code);
    assert.equal(first.userPoolId, second.userPoolId);
  });

  const failures = [
    ['no name ({})', {}, '参数 name 格式错误', 'name'],
    ['a name over 64 characters', { name: 'x'.repeat(65) }, '参数 name 长度不能超过 64', 'name'],
    ['a logo that is not a URL', { name: 'n', logo: ['not a url'] }, '参数 logo 格式错误', 'logo'],
    ['an enterprise domain that is not a domain', { name: 'n', enterpriseDomains: ['not a domain'] }, '参数 enterpriseDomains 格式错误', 'enterpriseDomains[0]'],
    ['a negative mauAmount', { name: 'n', mauAmount: -1 }, '参数 mauAmount 格式错误', 'mauAmount'],
    ['an expireTime that is not a date', { name: 'n', expireTime: 'soon' }, '参数 expireTime 格式错误', 'expireTime'],
  ];
  for (const [label, body, message, field] of failures) {
    test(`${label}: 400 "${message}"`, async () => {
      const res = await call(() => createManagementClient().createTenant(body));
      expectFailure(res, 400, message);
      expectFieldError(res, field);
    });
  }

  test('a call without an argument (an empty body) is 400, not a binding error', async () => {
    expectFailure(await call(() => createManagementClient().createTenant()), 400, '参数 name 格式错误');
  });
});
