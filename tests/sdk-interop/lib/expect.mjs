// Assertions on the answers the SDK resolves to. Every business answer arrives as HTTP 200 with the envelope
// {statusCode, message, apiCode?, requestId?, data}; call() (lib/client.mjs) already fails a test on a non-2xx.
import assert from 'node:assert/strict';

/** statusCode 200 and message "" (the SDK's tests assert both on success); returns data. */
export function expectOk(res) {
  assert.equal(res?.statusCode, 200, `expected statusCode 200, got ${JSON.stringify(res).slice(0, 800)}`);
  assert.equal(res.message, '', 'a success answers message ""');
  return res.data;
}

/**
 * A failure envelope: the statusCode, the exact message (a string) or a pattern (a RegExp), and data null.
 * `apiCode` is checked when given (null = must be absent).
 */
export function expectFailure(res, statusCode, message, { apiCode } = {}) {
  assert.equal(res?.statusCode, statusCode, `expected statusCode ${statusCode}, got ${JSON.stringify(res).slice(0, 800)}`);
  if (message instanceof RegExp) assert.match(res.message, message);
  else if (message !== undefined) assert.equal(res.message, message);
  assert.equal(typeof res.requestId, 'string', 'a failure carries requestId');
  assert.equal(res.data ?? null, null, 'a failure carries no data');
  if (apiCode === null) assert.equal(res.apiCode, undefined, 'no apiCode expected');
  else if (apiCode !== undefined) assert.equal(res.apiCode, apiCode);
  return res;
}

/** The failure of one field in `errors` (the server lists every failing field). */
export function expectFieldError(res, field, code) {
  assert.ok(Array.isArray(res.errors), `expected errors[], got ${JSON.stringify(res)}`);
  const error = res.errors.find((e) => e.field === field);
  assert.ok(error, `no error for ${field} in ${JSON.stringify(res.errors)}`);
  if (code !== undefined) assert.equal(error.code, code);
  return error;
}

/** An ISO 8601 UTC timestamp with milliseconds, as the server writes dates. */
export function assertIsoDate(value, label = 'date') {
  assert.match(String(value), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, `${label}: ${value}`);
}

/** A 24-hex-character object id. */
export function assertObjectId(value, label = 'id') {
  assert.match(String(value), /^[0-9a-f]{24}$/, `${label}: ${value}`);
}
