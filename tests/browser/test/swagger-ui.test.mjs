// A person in Swagger UI: get a management token from the page, authorize with it and the pool id, and
// create users with the pre-filled seed example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { launch } from '../lib/browser.mjs';
import { callApi, fetchDocument, getConfig, poolIdOf, uniqueBatch } from '../lib/server.mjs';

/** An operation block of Swagger UI, expanded and in "Try it out" mode. */
async function tryItOut(page, tag, operationId) {
  const block = page.locator(`#operations-${tag}-${operationId}`);
  await block.waitFor({ state: 'visible' });
  await block.locator('.opblock-summary').first().click();
  await block.locator('button.try-out__btn').click();
  await block.locator('textarea.body-param__text').waitFor({ state: 'visible' });
  return block;
}

/** Executes the operation and answers the live response's HTTP status and parsed body. */
async function execute(block) {
  await block.locator('button.execute').click();
  const status = block.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ state: 'visible', timeout: 90_000 });
  const body = block.locator('.live-responses-table .response-col_description .highlight-code pre').first();
  await body.waitFor({ state: 'visible' });
  return { status: (await status.innerText()).trim(), body: JSON.parse(await body.innerText()) };
}

async function setBody(block, body) {
  await block.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
}

async function authorize(page, token, poolId) {
  await page.locator('.auth-wrapper button.authorize').click();
  const modal = page.locator('.modal-ux');
  await modal.waitFor({ state: 'visible' });
  for (const [scheme, value] of [['ManagementToken', `Bearer ${token}`], ['UserPoolId', poolId]]) {
    const container = modal.locator('.auth-container').filter({ has: page.locator('h4', { hasText: scheme }) });
    await container.locator('input').fill(value);
    await container.locator('button.authorize').click();
    await container.locator('h6', { hasText: 'Authorized' }).waitFor({ state: 'visible' });
  }
  await modal.locator('button.close-modal').click();
  await modal.waitFor({ state: 'hidden' });
}

test('Swagger UI: get a token, authorize, and create users from the seed example', { timeout: 300_000 }, async () => {
  const { host, accessKeyId, accessKeySecret, output } = getConfig();
  await mkdir(output, { recursive: true });
  const document = await fetchDocument();
  const seed = document.paths['/api/v3/create-users-batch'].post.requestBody.content['application/json'].examples.seed.value;

  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  try {
    await page.goto(`${host}/swagger`, { waitUntil: 'domcontentloaded' });
    await page.locator('.swagger-ui .information-container').waitFor({ state: 'visible' });

    // The sections come in the order an administrator uses them (the document's `tags`), not alphabetically.
    await page.locator('h3.opblock-tag').first().waitFor({ state: 'visible' });
    const sections = await page.locator('h3.opblock-tag').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-tag')));
    assert.deepEqual(sections, ['Authentication', 'Users', 'Public accounts', 'Custom fields', 'Organizations', 'Departments', 'Tenants', 'System', 'Health']);

    // 1. POST /api/v3/get-management-token from the page.
    const tokenBlock = await tryItOut(page, 'Authentication', 'getManagementToken');
    await setBody(tokenBlock, { accessKeyId, accessKeySecret });
    const tokenAnswer = await execute(tokenBlock);
    assert.equal(tokenAnswer.status, '200', JSON.stringify(tokenAnswer.body));
    assert.equal(tokenAnswer.body.statusCode, 200, JSON.stringify(tokenAnswer.body));
    const token = tokenAnswer.body.data.access_token;
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);

    // 2. Authorize with the token and the pool id it is scoped to.
    const poolId = poolIdOf(token);
    assert.ok(poolId, 'the token carries scoped_userpool_id');
    await authorize(page, token, poolId);

    // 3. POST /api/v3/create-users-batch, pre-filled with the seed example; identifiers made unique for this run.
    const usersBlock = await tryItOut(page, 'Users', 'createUsersBatch');
    const prefilled = JSON.parse(await usersBlock.locator('textarea.body-param__text').inputValue());
    assert.deepEqual(prefilled, seed, 'Try it out starts from the seed example');
    const body = uniqueBatch(prefilled);
    await setBody(usersBlock, body);
    const created = await execute(usersBlock);
    await usersBlock.screenshot({ path: path.join(output, 'swagger-ui-create-users-batch.png') });
    await usersBlock.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(output, 'swagger-ui-response.png') });

    assert.equal(created.status, '200', JSON.stringify(created.body));
    assert.equal(created.body.statusCode, 200, JSON.stringify(created.body));
    assert.equal(created.body.data.length, 1);
    const [user] = created.body.data;
    const [sent] = body.list;
    assert.equal(user.username, sent.username);
    assert.equal(user.email, sent.email);
    assert.equal(user.phone, sent.phone);
    assert.equal(user.status, 'Activated');
    assert.equal(user.identities[0].userIdInIdp, sent.identities[0].userIdInIdp);

    // The user is really stored: read it back outside the browser.
    const stored = await callApi('GET', `/api/v3/get-user?userId=${encodeURIComponent(user.userId)}`, undefined, { token, poolId });
    assert.equal(stored.statusCode, 200, JSON.stringify(stored));
    assert.equal(stored.data.username, sent.username);
  } catch (error) {
    await page.screenshot({ path: path.join(output, 'swagger-ui-failure.png'), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
