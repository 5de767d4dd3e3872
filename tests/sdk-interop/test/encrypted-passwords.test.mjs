// passwordEncryptType rsa and sm2, encrypted in Node as Authing's clients do, after fetching /api/v3/system.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { publicEncrypt, constants } from 'node:crypto';
import smCrypto from 'sm-crypto';
import bcrypt from 'bcryptjs';

import { call, createManagementClient, createAuthenticationClient, randomUsername } from '../lib/client.mjs';
import { passwordHashOf } from '../lib/database.mjs';

const client = createManagementClient();
let keys;

before(async () => {
  keys = await call(() => createAuthenticationClient().getSystemInfo());
  assert.match(keys.rsa.publicKey, /^-----BEGIN PUBLIC KEY-----/);
  assert.match(keys.sm2.publicKey, /^04[0-9a-f]{128}$/);
});

const rsa = (password) => publicEncrypt({ key: keys.rsa.publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password, 'utf8')).toString('base64');
const sm2 = (password) => smCrypto.sm2.doEncrypt(password, keys.sm2.publicKey, 1);

for (const [type, encrypt] of [['rsa', rsa], ['sm2', sm2]]) {
  test(`createUsersBatch with passwordEncryptType ${type} stores a hash of the original password`, async () => {
    const passwords = ['passw0rd', '中文密码🙂', 'x'.repeat(72)];
    const list = passwords.map((p) => ({ username: randomUsername(type), password: encrypt(p) }));
    const res = await call(() => client.createUsersBatch({ list, options: { passwordEncryptType: type } }));
    assert.equal(res.statusCode, 200, JSON.stringify(res));
    for (let i = 0; i < passwords.length; i++) {
      assert.ok(bcrypt.compareSync(passwords[i], await passwordHashOf(res.data[i].userId)), `${type} #${i}`);
    }
  });

  test(`createUser with passwordEncryptType ${type} and keepPassword keeps the decrypted value`, async () => {
    const legacy = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';
    const res = await call(() =>
      client.createUser({ username: randomUsername(type), password: encrypt(legacy), options: { passwordEncryptType: type, keepPassword: true } }),
    );
    assert.equal(res.statusCode, 200, JSON.stringify(res));
    assert.equal(await passwordHashOf(res.data.userId), legacy);
  });

  test(`a ${type} ciphertext that does not decrypt is a per-item 400`, async () => {
    const res = await call(() =>
      client.createUsersBatch({ list: [{ username: randomUsername(), password: 'AAAA' + encrypt('secret').slice(4) }], options: { passwordEncryptType: type } }),
    );
    assert.equal(res.statusCode, 400, JSON.stringify(res));
    assert.equal(res.errors[0].field, 'list[0].password');
  });
}

test('the sm2: prefix of the Authing password-encryption demo is accepted', async () => {
  const res = await call(() =>
    client.createUser({ username: randomUsername('p'), password: `sm2:${sm2('prefixed')}`, options: { passwordEncryptType: 'sm2' } }),
  );
  assert.equal(res.statusCode, 200, JSON.stringify(res));
  assert.ok(bcrypt.compareSync('prefixed', await passwordHashOf(res.data.userId)));
});
