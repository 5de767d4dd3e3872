// Look-alike e-mails, usernames and phones through the real authing-node-sdk 4.0.1: one key whether they arrive in
// one batch or in two requests (the item named, and across requests the holder's id), invisible characters
// refused, and dryRun answering what the write answers. What counts as the same is in the README ("What counts as
// the same e-mail, phone and username").
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { call, createManagementClient, randomString, randomPhone } from '../lib/client.mjs';
import { expectOk, expectFailure, expectFieldError } from '../lib/expect.mjs';

const client = createManagementClient({ lang: 'en-US' });

/** [label, field, first spelling, second spelling]; each call makes its values unique to the run. */
const pairs = [
  ['precomposed é and e + combining accent (username)', 'username', (t) => `jos\u00e9${t}`, (t) => `jose\u0301${t}`],
  ['full-width and ASCII letters (username)', 'username', (t) => `\uff42\uff4f\uff42${t}`, (t) => `bob${t}`],
  ['a trailing space (username)', 'username', (t) => `bob${t} `, (t) => `bob${t}`],
  ['a leading no-break space (username)', 'username', (t) => `\u00a0bob${t}`, (t) => `bob${t}`],
  ['U+A7CB and its lower case U+0264 (username)', 'username', (t) => `\ua7cb${t}`, (t) => `\u0264${t}`],
  ['precomposed é and e + combining accent (email)', 'email', (t) => `jos\u00e9${t}@example.com`, (t) => `jose\u0301${t}@example.com`],
  ['a Unicode domain and its punycode form (email)', 'email', (t) => `${t}@b\u00fccher.example`, (t) => `${t}@xn--bcher-kva.example`],
  ['+86 and +086 (phone)', 'phone', (p) => ({ phone: p, phoneCountryCode: '+86' }), (p) => ({ phone: p, phoneCountryCode: '+086' })],
  ['+86 and +0086 (phone)', 'phone', (p) => ({ phone: p, phoneCountryCode: '+86' }), (p) => ({ phone: p, phoneCountryCode: '+0086' })],
];

function items(field, first, second) {
  if (field === 'phone') {
    const phone = randomPhone();
    return [first(phone), second(phone)];
  }

  const tag = randomString(10, 'abcdefghijklmnopqrstuvwxyz0123456789');
  return [{ [field]: first(tag) }, { [field]: second(tag) }];
}

describe('look-alike pairs in one batch: the second item is a duplicate of the first', () => {
  for (const [label, field, first, second] of pairs) {
    test(label, async () => {
      const res = await call(() => client.createUsersBatch({ list: items(field, first, second) }));
      expectFailure(res, 400);
      const error = expectFieldError(res, `list[1].${field}`, 'duplicate_in_batch');
      assert.deepEqual(error.conflict, { with: 'item', index: 0 });
    });
  }
});

describe('look-alike pairs across two requests: 409 naming the item and the holder', () => {
  for (const [label, field, first, second] of pairs) {
    test(label, async () => {
      const [held, lookAlike] = items(field, first, second);
      const holder = expectOk(await call(() => client.createUser(held)));
      const res = await call(() => client.createUsersBatch({ list: [{ username: `other${randomString(12).toLowerCase()}` }, lookAlike] }));
      expectFailure(res, 409);
      const error = expectFieldError(res, `list[1].${field}`, 'already_exists');
      assert.equal(error.conflict.accountId, holder.userId);
    });
  }
});

test('a public account cannot take a look-alike of a user\'s username', async () => {
  const tag = randomString(10, 'abcdefghijklmnopqrstuvwxyz');
  const user = expectOk(await call(() => client.createUser({ username: `\uff4a\uff4f\uff53\u00e9${tag}` })));
  const res = await call(() => client.createPublicAccount({ username: `JOSE\u0301${tag.toUpperCase()}` }));
  expectFailure(res, 409, undefined, { apiCode: 2034 });
  assert.equal(expectFieldError(res, 'username', 'already_exists').conflict.accountId, user.userId);
});

describe('invisible and formatting characters are refused, naming the field', () => {
  for (const [label, value] of [['zero-width space', 'bo\u200bb'], ['zero-width joiner', 'bo\u200db'], ['soft hyphen', 'bo\u00adb'], ['right-to-left override', 'bo\u202eb']]) {
    test(label, async () => {
      const res = await call(() => client.createUsersBatch({ list: [{ username: value + randomString(8).toLowerCase() }] }));
      expectFailure(res, 400);
      assert.match(expectFieldError(res, 'list[0].username', 'invisible_character').message, /U\+(200B|200D|00AD|202E)/);
    });
  }
});

test('+0 is not a country code, and a number too short for +86 is not a phone', async () => {
  const res = await call(() => client.createUsersBatch({ list: [{ phone: randomPhone(), phoneCountryCode: '+0' }, { phone: '1359', phoneCountryCode: '+86' }] }));
  expectFailure(res, 400);
  expectFieldError(res, 'list[0].phoneCountryCode', 'invalid_format');
  expectFieldError(res, 'list[1].phone', 'not_possible_phone');
});

test('the phone is stored and answered normalized; e-mail and username as sent, trimmed', async () => {
  const tag = randomString(10, 'abcdefghijklmnopqrstuvwxyz');
  const phone = randomPhone();
  const user = expectOk(await call(() => client.createUser({
    username: ` Jos\u00e9 ${tag}\u00a0`, email: ` ${tag}@B\u00fccher.example `, phone: `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`, phoneCountryCode: '+0086',
  })));
  assert.equal(user.username, `Jos\u00e9 ${tag}`);
  assert.equal(user.email, `${tag}@B\u00fccher.example`);
  assert.equal(user.phone, phone);
  assert.equal(user.phoneCountryCode, '+86');
  const found = expectOk(await call(() => client.getUser({ userId: `${tag.toUpperCase()}@xn--bcher-kva.example`, userIdType: 'email' })));
  assert.equal(found.userId, user.userId);
});

test('Turkish İ and i: dryRun answers exactly what the write answers', async () => {
  const tag = randomString(10, 'abcdefghijklmnopqrstuvwxyz');
  for (const list of [[{ username: `\u0130${tag}` }, { username: `i${tag}` }], [{ username: `\u0130x${tag}` }, { username: `i\u0307x${tag}` }]]) {
    const dryRun = await call(() => client.createUsersBatch({ list, options: { dryRun: true } }));
    const write = await call(() => client.createUsersBatch({ list }));
    assert.equal(dryRun.statusCode, write.statusCode);
    assert.deepEqual(dryRun.errors ?? null, write.errors ?? null);
    for (const error of write.errors ?? []) assert.equal(typeof error.index, 'number');
  }
});

test('confusables are not duplicates: Cyrillic а and Latin a are two usernames', async () => {
  const tag = randomString(10, 'abcdefghijklmnopqrstuvwxyz');
  expectOk(await call(() => client.createUsersBatch({ list: [{ username: `\u0430dmin${tag}` }, { username: `admin${tag}` }] })));
});
