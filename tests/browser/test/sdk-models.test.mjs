// The document's schemas against the official Node SDK's models of the same name (authing-node-sdk 4.0.1,
// the contract's source for §4): same fields, requiredness, enums and JSON types, except where this server
// deliberately differs; each such difference is listed here with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { fetchDocument } from '../lib/server.mjs';
import { jsonTypeOf, sdkModel } from '../lib/sdk-models.mjs';

const SEED_FORMS = { passwordEncryptType: 'older docs put it on each item; accepted', resetPasswordOnFisrtLogin: 'older docs (misspelt); accepted' };

/** Fields documented here that the SDK's model lacks. */
const EXTRA = {
  CreateUserOptionsDto: { dryRun: 'extension: every check, nothing written' },
  CreatePublicAccountOptionsDto: { dryRun: 'extension: every check, nothing written' },
  DeleteUsersBatchOptionsDto: { dryRun: 'extension: every check, nothing deleted' },
  DeletePublicAccountsBatchOptionsDto: { dryRun: 'extension: every check, nothing deleted' },
  IsUserExistsReqDto: { phoneCountryCode: "extension: the SDK's description of phone refers to it, its model lacks it" },
  CreateUserInfoDto: SEED_FORMS,
  CreateUserReqDto: SEED_FORMS,
  CreatePublicAccountReqDto: SEED_FORMS,
  UpdateUserOptionsDto: { dryRun: 'extension: every check, nothing written' },
  UpdateUserBatchOptionsDto: { dryRun: 'extension: every check, nothing written' },
  UpdatePublicAccountOptionsDto: { dryRun: 'extension: every check, nothing written' },
  UpdatePublicAccountBatchOptionsDto: { dryRun: 'extension: every check, nothing written' },
  SystemInfoResp: { data: 'a copy for clients that read res.data.data (docs/contract.md §5)' },
};

/** SDK fields this server never answers. */
const NOT_ANSWERED = {
  IdentityDto: { accessToken: 'provider tokens are never answered', refreshToken: 'provider tokens are never answered' },
  DepartmentDto: { posts: 'posts are not kept', postIdList: 'posts are not kept', status: 'not kept', allow: 'not kept' },
  OrganizationDto: { customData: 'not kept', postIdList: 'posts are not kept', status: 'not kept', allow: 'not kept' },
};

/** Fields the SDK's type requires and this server does not insist on. */
const OPTIONAL_HERE = {
  CreateIdentityDto: { userInfoInIdp: 'Node callers omit it, Go sends null (docs/contract.md §7)', originConnIds: 'the same' },
  CreateOrganizationReqDto: { metadata: "the SDK's own tests never send it" },
  CreateDepartmentReqDto: { metadata: "the SDK's own tests never send it" },
  CreateTenantDto: { appIds: "the SDK's own tests leave it out (docs/contract.md §1)" },
  CustomFieldSelectOption: { label: 'an option may come without a label' },
};

/** Enum values accepted beyond the SDK's. */
const MORE_VALUES = {
  CreateUserInfoDto: { gender: ['W'] },
  CreateUserReqDto: { gender: ['W'] },
  CreatePublicAccountReqDto: { gender: ['W'] },
  UpdateUserReqDto: { gender: ['W'] },
  UpdateUserInfoDto: { gender: ['W'] },
  UpdatePublicAccountReqDto: { gender: ['W'] },
  UpdatePublicAccountInfoDto: { gender: ['W'] },
};

/** Types the SDK's model states narrower than the server accepts. */
const WIDER_TYPES = { CreateTenantDto: { logo: 'a URL or an array of URLs (the SDK answers a string, asks an array)' } };

/** Schemas of this server with no SDK model: its failure envelope and the notification status. */
const OWN_SCHEMAS = ['ErrorRespDto', 'ItemErrorDto', 'ItemConflictDto', 'NotificationStatus', 'ChannelStatus', 'NotificationCounters', 'OutboxCounts'];

async function pairs() {
  const document = await fetchDocument();
  const result = [];
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    result.push({ name, schema, model: await sdkModel(name) });
  }
  return result;
}

test('every schema is named after an SDK model, except the server\'s own failure and status shapes', async () => {
  const withoutModel = (await pairs()).filter((p) => !p.model).map((p) => p.name).sort();
  assert.deepEqual(withoutModel, [...OWN_SCHEMAS].sort());
});

test('schemas have the SDK models\' fields, with the listed exceptions', async () => {
  for (const { name, schema, model } of await pairs()) {
    if (!model) continue;
    const documented = Object.keys(schema.properties ?? {});
    const sdk = Object.keys(model.properties);
    const missing = sdk.filter((p) => !documented.includes(p) && !NOT_ANSWERED[name]?.[p]);
    const extra = documented.filter((p) => !sdk.includes(p) && !EXTRA[name]?.[p]);
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, name);
  }
});

test('required fields are the SDK models\' required fields, with the listed exceptions', async () => {
  for (const { name, schema, model } of await pairs()) {
    if (!model) continue;
    const expected = Object.entries(model.properties)
      .filter(([p, { required }]) => required && !OPTIONAL_HERE[name]?.[p] && !NOT_ANSWERED[name]?.[p])
      .map(([p]) => p).sort();
    assert.deepEqual([...(schema.required ?? [])].sort(), expected, name);
  }
});

test('enum fields declare the SDK models\' values, with the listed additions', async () => {
  for (const { name, schema, model } of await pairs()) {
    if (!model) continue;
    for (const [property, values] of Object.entries(model.enums)) {
      const field = schema.properties?.[property];
      const documented = field?.enum ?? field?.items?.enum;
      assert.ok(documented, `${name}.${property} declares its enum`);
      assert.deepEqual([...documented].sort(), [...values, ...(MORE_VALUES[name]?.[property] ?? [])].sort(), `${name}.${property}`);
    }
  }
});

test('field types agree with the SDK models\' (string, number, boolean, array)', async () => {
  for (const { name, schema, model } of await pairs()) {
    if (!model) continue;
    for (const [property, { type }] of Object.entries(model.properties)) {
      const field = schema.properties?.[property];
      const expected = jsonTypeOf(type);
      if (!field || !expected || WIDER_TYPES[name]?.[property]) continue;
      const actual = field.type === 'integer' ? 'number' : field.type;
      assert.equal(actual, expected, `${name}.${property} (${type})`);
    }
  }
});
