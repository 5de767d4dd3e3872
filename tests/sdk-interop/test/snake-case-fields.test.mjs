// The Authing docs' Python sample (批量创建用户, shared/seeds/001) writes the keys of list items, identities and
// options in snake_case, and the SDKs send list items as given. Through the real Node SDK's createUsersBatch: the
// sample, its placeholders made real, creates the user with every field it gives; a misspelt key is refused with
// its path and the nearest field instead of being dropped.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomEmail, randomPhone, randomString, randomUsername } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError } from '../lib/expect.mjs';

const client = createManagementClient();
const en = createManagementClient({ lang: 'en-US' });

let departments;

before(async () => {
  // The sample's customData keys, defined as the SDK's own createUsersBatch test defines them.
  expectOk(await call(() => client.setCustomFields({
    list: [
      { targetType: 'USER', key: 'school', label: '学校' },
      { targetType: 'USER', key: 'age', dataType: 'NUMBER', label: '年龄' },
    ],
  })));
  const organization = expectOk(await call(() => client.createOrganization({ organizationCode: randomString(), organizationName: 'snake' })));
  departments = [];
  for (const name of ['one', 'two']) {
    departments.push(expectOk(await call(() => client.createDepartment({
      organizationCode: organization.organizationCode, parentDepartmentId: 'root', name, code: randomString(),
    }))).departmentId);
  }
});

/** The sample: a real phone, existing departments, a plaintext password, tenant_ids left out; identifiers unique per run. */
function pythonSample() {
  return {
    list: [{
      status: 'Activated',
      email: randomEmail(),
      password_encrypt_type: 'none',
      phone: randomPhone(),
      phone_country_code: '+86',
      username: randomUsername('bob'),
      name: '张三',
      nickname: '张三',
      photo: 'https://files.authing.co/authing-console/default-user-avatar.png',
      gender: 'M',
      email_verified: true,
      phone_verified: true,
      birthdate: '2022-07-08',
      country: 'CN',
      province: 'BJ',
      city: 'BJ',
      address: '北京朝阳',
      street_address: '北京朝阳区 xxx 街道',
      postal_code: '438100',
      external_id: randomString(12),
      department_ids: departments,
      custom_data: { school: '北京大学', age: 22 },
      password: 'oqw5bhVmlDwF5qqe',
      reset_password_on_fisrt_login: false,
      identities: [{ ext_idp_id: '6076bacxxxxxxxxd80d993b5', provider: 'wechat', type: 'openid', user_id_in_idp: randomString(28) }],
    }],
    options: {
      keep_password: false,
      auto_generate_password: false,
      reset_password_on_first_login: false,
      department_id_type: 'department_id',
      send_notification: { send_email_notification: false, send_phone_notification: false, app_id: 'appid1' },
    },
  };
}

test('the seed Python sample in snake_case creates the user with every field it gives', async () => {
  const sample = pythonSample();
  const input = sample.list[0];
  const [created] = expectOk(await call(() => client.createUsersBatch(sample)));
  const user = expectOk(await call(() => client.getUser({
    userId: created.userId, withCustomData: true, withIdentities: true, withDepartmentIds: true,
  })));
  const expected = {
    status: 'Activated', email: input.email, phone: input.phone, phoneCountryCode: '+86', username: input.username,
    name: '张三', nickname: '张三', photo: input.photo, gender: 'M', emailVerified: true, phoneVerified: true,
    birthdate: '2022-07-08', country: 'CN', province: 'BJ', city: 'BJ', address: '北京朝阳', streetAddress: '北京朝阳区 xxx 街道',
    postalCode: '438100', externalId: input.external_id, resetPasswordOnNextLogin: false,
  };
  for (const [field, value] of Object.entries(expected)) assert.equal(user[field], value, field);
  assert.deepEqual([...user.departmentIds].sort(), [...departments].sort());
  assert.deepEqual(user.customData, { school: '北京大学', age: 22 });
  assert.equal(user.identities.length, 1);
  const [identity] = user.identities;
  assert.deepEqual(
    { extIdpId: identity.extIdpId, provider: identity.provider, type: identity.type, userIdInIdp: identity.userIdInIdp },
    { extIdpId: '6076bacxxxxxxxxd80d993b5', provider: 'wechat', type: 'openid', userIdInIdp: input.identities[0].user_id_in_idp },
  );
  assert.ok(user.passwordLastSetAt, 'the password was set');
});

test('the sample with tenant_ids "undefined" is a 400 naming tenant_ids', async () => {
  const sample = pythonSample();
  sample.list[0].tenant_ids = 'undefined';
  expectFailure(await call(() => client.createUsersBatch(sample)), 400, /list\[0\]\.tenant_ids/);
});

test('a misspelt key is refused with its path and the nearest field; both spellings of one field too', async () => {
  const misspelt = pythonSample();
  misspelt.list[0].external_idd = misspelt.list[0].external_id;
  delete misspelt.list[0].external_id;
  const res = expectFailure(await call(() => en.createUsersBatch(misspelt)), 400,
    'Unknown field list[0].external_idd: did you mean external_id?');
  expectFieldError(res, 'list[0].external_idd', 'unknown_field');

  const both = pythonSample();
  both.options.keepPassword = false;
  expectFieldError(expectFailure(await call(() => en.createUsersBatch(both)), 400,
    'options.keepPassword and options.keep_password are the same field: send one of them'), 'options.keepPassword', 'duplicate_field');
});
