// The security headers as a browser meets them: present on every kind of answer, and Swagger UI still runs under
// its Content-Security-Policy in Chromium with no violation reported, while no page may frame it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { getConfig } from '../lib/server.mjs';

function assertSecurityHeaders(response, where) {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', where);
  assert.equal(response.headers.get('x-frame-options'), 'DENY', where);
  const policy = response.headers.get('content-security-policy') ?? '';
  assert.match(policy, /frame-ancestors 'none'/, where);
  assert.match(policy, /default-src 'none'/, where);
  return policy;
}

test('every kind of answer carries the security headers', async () => {
  const { host } = getConfig();
  for (const [method, path] of [
    ['GET', '/swagger/index.html'],
    ['GET', '/swagger/v1/swagger.json'],
    ['GET', '/health/live'],
    ['GET', '/api/v3/get-custom-fields?targetType=USER'], // 401 envelope
    ['POST', '/api/v3/get-management-token'],               // 401 envelope (no body)
    ['GET', '/no-such-page'],                               // 404 envelope
  ]) {
    const response = await fetch(`${host}${path}`, { method });
    assertSecurityHeaders(response, `${method} ${path}`);
  }
  const policy = assertSecurityHeaders(await fetch(`${host}/swagger/index.html`), 'Swagger UI');
  assert.doesNotMatch(policy, /unsafe-eval/);
  assert.match(policy, /script-src 'self'/);
});

test('Swagger UI runs under its Content-Security-Policy with no violation', { timeout: 180_000 }, async () => {
  const { host, accessKeyId, accessKeySecret } = getConfig();
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  try {
    await page.goto(`${host}/swagger`, { waitUntil: 'load' });
    await page.locator('.swagger-ui .information-container').waitFor({ state: 'visible' });

    // A call from the page itself: connect-src must allow the same origin.
    const block = page.locator('#operations-Authentication-getManagementToken');
    await block.locator('.opblock-summary').first().click();
    await block.locator('button.try-out__btn').click();
    await block.locator('textarea.body-param__text').fill(JSON.stringify({ accessKeyId, accessKeySecret }));
    await block.locator('button.execute').click();
    const status = block.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ state: 'visible', timeout: 90_000 });
    assert.equal((await status.innerText()).trim(), '200');

    assert.deepEqual(violations, [], 'no Content-Security-Policy violation while Swagger UI loads and calls the API');
  } finally {
    await browser.close();
  }
});

test('no page can frame Swagger UI', { timeout: 120_000 }, async () => {
  const { host } = getConfig();
  const browser = await launch();
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  try {
    await page.setContent(`<iframe id="victim" src="${host}/swagger/index.html" width="800" height="600"></iframe>`);
    await page.waitForTimeout(3_000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const framedUi = frame ? await frame.locator('#swagger-ui').count().catch(() => 0) : 0;
    assert.equal(framedUi, 0, 'the framed page must not render');
  } finally {
    await browser.close();
  }
});
