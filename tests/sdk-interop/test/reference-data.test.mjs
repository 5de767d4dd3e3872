// Organizations, departments and tenants as the real authing-node-sdk 4.0.1 creates them,
// following the SDK's own specs (test/organizations, test/department, test/tenant).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString } from '../lib/client.mjs';

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

test('createOrganization with a code in use is 409', async () => {
  const client = createManagementClient();
  const org = await createOrganization(client);
  const res = await call(() => client.createOrganization({ organizationCode: org.organizationCode, organizationName }));
  assert.equal(res.statusCode, 409, JSON.stringify(res));
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

test('createDepartment with a code in use is 409', async () => {
  const client = createManagementClient();
  const org = await createOrganization(client);
  const body = { parentDepartmentId: 'root', organizationCode: org.organizationCode, name: 'n', code: randomString() };
  assert.equal((await call(() => client.createDepartment(body))).statusCode, 200);
  const res = await call(() => client.createDepartment(body));
  assert.equal(res.statusCode, 409, JSON.stringify(res));
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

test('createTenant({}) is 400', async () => {
  const client = createManagementClient();
  const res = await call(() => client.createTenant({}));
  assert.equal(res.statusCode, 400, JSON.stringify(res));
  assert.equal(typeof res.message, 'string');
});
