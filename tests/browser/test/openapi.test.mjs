// The served OpenAPI document: valid OpenAPI 3, every operation described, the contract's DTO names,
// and request examples that the server accepts as they are pre-filled in Swagger UI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';

import { callApi, fetchDocument, getManagementToken, uniqueAccount, uniqueBatch } from '../lib/server.mjs';

const refName = (schema) => schema?.$ref?.split('/').pop();

function operations(document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
}

test('the served document validates as OpenAPI 3', async () => {
  const document = await fetchDocument();
  const api = await SwaggerParser.validate(structuredClone(document));
  assert.match(api.openapi, /^3\./);
  assert.ok(Object.keys(api.paths).length >= 17, 'every endpoint is in the document');
});

test('the validator refuses a document that breaks OpenAPI 3 (so the check above means something)', async () => {
  const document = await fetchDocument();
  const broken = structuredClone(document);
  broken.paths['/api/v3/create-users-batch'].post.responses = { 200: { content: {} } }; // a response without description
  await assert.rejects(SwaggerParser.validate(broken));
});

test('every operation has an operation id, a summary, a description and JSON schemas', async () => {
  const document = await fetchDocument();
  const ids = new Set();
  for (const { path, method, operation } of operations(document)) {
    const where = `${method.toUpperCase()} ${path}`;
    assert.ok(operation.operationId, `${where}: operationId`);
    assert.ok(!ids.has(operation.operationId), `${where}: operationId ${operation.operationId} is unique`);
    ids.add(operation.operationId);
    assert.ok(operation.summary?.trim(), `${where}: summary`);
    assert.ok(operation.description?.trim(), `${where}: description`);
    if (operation.requestBody) {
      const name = refName(operation.requestBody.content?.['application/json']?.schema);
      assert.ok(document.components.schemas[name], `${where}: request schema ${name}`);
    }
    const answer = refName(operation.responses['200']?.content?.['application/json']?.schema);
    assert.ok(document.components.schemas[answer], `${where}: answer schema ${answer}`);
  }
});

test('account operations take and answer the contract DTOs of their kind', async () => {
  const document = await fetchDocument();
  const byId = Object.fromEntries(operations(document).map(({ operation }) => [operation.operationId, operation]));
  const expected = {
    createUsersBatch: ['CreateUserBatchReqDto', 'UserListRespDto'],
    createUser: ['CreateUserReqDto', 'UserSingleRespDto'],
    createPublicAccountsBatch: ['CreatePublicAccountBatchReqDto', 'PublicAccountListRespDto'],
    createPublicAccount: ['CreatePublicAccountReqDto', 'PublicAccountSingleRespDto'],
    listUsers: ['ListUsersRequestDto', 'UserPaginatedRespDto'],
    listPublicAccounts: ['ListPublicAccountsRequestDto', 'PublicAccountPaginatedRespDto'],
    getManagementToken: ['GetManagementAccessTokenDto', 'GetManagementTokenRespDto'],
    setCustomFields: ['SetCustomFieldsReqDto', 'CustomFieldListRespDto'],
    deleteUsersBatch: ['DeleteUsersBatchDto', 'IsSuccessRespDto'],
    deletePublicAccountsBatch: ['DeletePublicAccountsBatchDto', 'IsSuccessRespDto'],
    isUserExists: ['IsUserExistsReqDto', 'IsUserExistsRespDto'],

    updateUser: ['UpdateUserReqDto', 'UserSingleRespDto'],
    updateUserBatch: ['UpdateUserBatchReqDto', 'UserListRespDto'],
    updatePublicAccount: ['UpdatePublicAccountReqDto', 'PublicAccountSingleRespDto'],
    updatePublicAccountBatch: ['UpdatePublicAccountBatchReqDto', 'PublicAccountListRespDto'],
  };
  for (const [id, [request, answer]] of Object.entries(expected)) {
    assert.equal(refName(byId[id].requestBody.content['application/json'].schema), request, `${id} request`);
    assert.equal(refName(byId[id].responses['200'].content['application/json'].schema), answer, `${id} answer`);
  }
  assert.equal(refName(byId.getUserBatch.responses['200'].content['application/json'].schema), 'UserListRespDto');
  const schemas = document.components.schemas;
  assert.equal(refName(schemas.DeletePublicAccountsBatchDto.properties.options), 'DeletePublicAccountsBatchOptionsDto');
  assert.equal(refName(schemas.IsSuccessRespDto.properties.data), 'IsSuccessDto');
  assert.equal(refName(schemas.CreateUserBatchReqDto.properties.list.items), 'CreateUserInfoDto');
  assert.equal(refName(schemas.CreatePublicAccountBatchReqDto.properties.list.items), 'CreatePublicAccountReqDto');
  assert.equal(refName(schemas.CreatePublicAccountBatchReqDto.properties.options), 'CreatePublicAccountOptionsDto');
  assert.equal(refName(schemas.UpdateUserBatchReqDto.properties.list.items), 'UpdateUserInfoDto');
  assert.equal(refName(schemas.UpdateUserBatchReqDto.properties.options), 'UpdateUserBatchOptionsDto');
  assert.equal(refName(schemas.UpdatePublicAccountBatchReqDto.properties.list.items), 'UpdatePublicAccountInfoDto');
  assert.equal(refName(schemas.UpdatePublicAccountReqDto.properties.options), 'UpdatePublicAccountOptionsDto');
  for (const field of ['tenantIds', 'metadataSource', 'identities']) {
    assert.ok(schemas.CreateUserInfoDto.properties[field], `CreateUserInfoDto.${field}`);
    assert.equal(schemas.CreatePublicAccountReqDto.properties[field], undefined, `CreatePublicAccountReqDto has no ${field}`);
  }
  for (const field of ['identities', 'metadataSource', 'postIdList', 'signedUp']) {
    assert.ok(schemas.UserDto.properties[field], `UserDto.${field}`);
    assert.equal(schemas.PublicAccountDto.properties[field], undefined, `PublicAccountDto has no ${field}`);
  }
});

// The token example holds placeholders for the reader's own key; every other body is meant to run as shown.
const PLACEHOLDER_EXAMPLES = new Set(['getManagementToken']);
// Reference data the account examples name; a rerun on the same database finds it there already (409).
const CREATED_ONCE = new Set(['createOrganization', 'createDepartment']);
const ORDER = ['setCustomFields', 'createOrganization', 'createDepartment'];

test('every request example is accepted by the server (accounts with fresh unique fields)', async () => {
  const document = await fetchDocument();
  const auth = await getManagementToken();
  const withExamples = operations(document)
    .filter(({ operation }) => operation.requestBody?.content?.['application/json']?.examples)
    .filter(({ operation }) => !PLACEHOLDER_EXAMPLES.has(operation.operationId))
    .sort((a, b) => rank(a) - rank(b));
  assert.ok(withExamples.length >= 10, `examples on the POST operations (found ${withExamples.length})`);
  for (const { path, operation } of withExamples) {
    for (const [name, example] of Object.entries(operation.requestBody.content['application/json'].examples)) {
      const body = /-batch$/.test(path) && path.includes('/create-') ? uniqueBatch(example.value)
        : /\/create-(user|public-account)$/.test(path) ? uniqueAccount(example.value) : example.value;
      const answer = await callApi('POST', path, body, auth);
      const accepted = answer.statusCode === 200 || (CREATED_ONCE.has(operation.operationId) && answer.statusCode === 409);
      assert.ok(accepted, `${operation.operationId} example ${name}: ${JSON.stringify(answer)}`);
    }
  }
});

function rank({ operation }) {
  const index = ORDER.indexOf(operation.operationId);
  return index === -1 ? ORDER.length : index;
}
