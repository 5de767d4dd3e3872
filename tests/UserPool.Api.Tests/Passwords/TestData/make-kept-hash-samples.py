#!/usr/bin/env python3
"""Writes kept-hash-samples.json: one valid kept hash per format, made by real tools where there is one.

Tools: the argon2 reference CLI (Debian package argon2), openssl (passwd -1/-5/-6, enc -aes-256-ctr),
python's crypt (glibc/libxcrypt: bcrypt, sha-crypt, md5-crypt) and hashlib (pbkdf2_hmac, scrypt, digests).
phpass has no tool on the machine: it is computed here from its published definition (iterated MD5 and
phpass's own base64). The Firebase sample is checked against the vector Firebase publishes with its scrypt
(password user1password) before it is written. Run: python3 make-kept-hash-samples.py > kept-hash-samples.json
"""
import base64, crypt, hashlib, json, subprocess, warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
PASSWORD = "hunter2 密码"
samples = []


def add(algorithm, value, password=PASSWORD, tool=""):
    samples.append({"algorithm": algorithm, "value": value, "password": password, "tool": tool})


def run(args, data=None):
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout


def b64(data, pad=True):
    text = base64.b64encode(data).decode()
    return text if pad else text.rstrip("=")


# bcrypt, sha-crypt and md5-crypt through the system's crypt(3).
for prefix in ("$2b$", "$2a$", "$2y$"):
    add("bcrypt", crypt.crypt(PASSWORD, prefix + "05$" + "abcdefghijklmnopqrstuu"), tool="crypt(3)")
add("sha256-crypt", run(["openssl", "passwd", "-5", "-salt", "saltsalt", PASSWORD]).decode().strip(), tool="openssl passwd -5")
add("sha256-crypt", crypt.crypt(PASSWORD, "$5$rounds=12000$q3hvJE5mn5jKRsW."), tool="crypt(3)")
add("sha512-crypt", run(["openssl", "passwd", "-6", "-salt", "saltsalt", PASSWORD]).decode().strip(), tool="openssl passwd -6")
add("sha512-crypt", crypt.crypt(PASSWORD, "$6$rounds=5000$abcdefgh"), tool="crypt(3)")
add("md5-crypt", run(["openssl", "passwd", "-1", "-salt", "saltsalt", PASSWORD]).decode().strip(), tool="openssl passwd -1")

# argon2 through its reference implementation.
for variant, flag in (("argon2id", "-id"), ("argon2i", "-i")):
    add(variant, run(["argon2", "saltsaltsalt", flag, "-m", "12", "-t", "2", "-p", "2", "-e"], PASSWORD.encode()).decode().strip(), tool="argon2 CLI")

# pbkdf2: PHC as Kratos writes it, as passlib writes it (adapted base64, iterations bare), and Django's form.
salt = bytes(range(16))
for digest in ("sha256", "sha512"):
    key = hashlib.pbkdf2_hmac(digest, PASSWORD.encode(), salt, 10000)
    add("pbkdf2-" + digest, f"$pbkdf2-{digest}$i=10000,l={len(key)}${b64(salt, False)}${b64(key, False)}", tool="hashlib (Kratos form)")
    add("pbkdf2-" + digest, f"$pbkdf2-{digest}$10000${b64(salt, False).replace('+', '.')}${b64(key, False).replace('+', '.')}", tool="hashlib (passlib form)")
django = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), b"Zm9vYmFyYmF6", 870000)
add("pbkdf2-sha256", f"pbkdf2_sha256$870000$Zm9vYmFyYmF6${b64(django)}", tool="hashlib (Django form)")

# scrypt: PHC as passlib and Kratos write it.
key = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=1 << 14, r=8, p=1, dklen=32)
add("scrypt", f"$scrypt$ln=14,r=8,p=1${b64(salt)}${b64(key)}", tool="hashlib (Kratos form)")
add("scrypt", f"$scrypt$ln=14,r=8,p=1${b64(salt, False)}${b64(key, False)}", tool="hashlib (passlib form)")


# Firebase's scrypt: AES-256-CTR (zero IV) of the signer key under scrypt(password, salt + separator).
def firebase(password, salt, separator, signer, rounds, mem_cost):
    derived = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt) + base64.b64decode(separator),
                             n=1 << mem_cost, r=rounds, p=1, dklen=32, maxmem=1 << 30)
    return b64(run(["openssl", "enc", "-aes-256-ctr", "-K", derived.hex(), "-iv", "0" * 32, "-nosalt"], base64.b64decode(signer)))


signer = "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA=="
published = firebase("user1password", "42xEC+ixf3L2lw==", "Bw==", signer, 8, 14)
assert published == "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==", published
add("firebase-scrypt", f"$firescrypt$ln=14,r=8,p=1$42xEC+ixf3L2lw==${published}$Bw==${signer}", "user1password", "hashlib + openssl enc")

# phpass (WordPress $P$, phpBB $H$).
ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def phpass(prefix, cost, salt, password):
    digest = hashlib.md5(salt.encode() + password.encode()).digest()
    for _ in range(1 << cost):
        digest = hashlib.md5(digest + password.encode()).digest()
    out, i = "", 0
    while i < 16:
        value = digest[i]; i += 1
        out += ITOA64[value & 0x3F]
        if i < 16: value |= digest[i] << 8
        out += ITOA64[(value >> 6) & 0x3F]
        if i >= 16: break
        i += 1
        if i < 16: value |= digest[i] << 16
        out += ITOA64[(value >> 12) & 0x3F]
        if i >= 16: break
        i += 1
        out += ITOA64[(value >> 18) & 0x3F]
    return prefix + ITOA64[cost] + salt + out


add("phpass", phpass("$P$", 13, "abcdefgh", PASSWORD), tool="computed (phpass definition)")
add("phpass", phpass("$H$", 11, "12345678", PASSWORD), tool="computed (phpass definition)")

# LDAP: base64(digest || salt) for the salted schemes.
ldap_salt = b"\x01\x02\x03\x04"
for scheme, digest in (("SSHA", "sha1"), ("SSHA256", "sha256"), ("SSHA512", "sha512"), ("SMD5", "md5")):
    add("ldap-" + scheme.lower(), "{" + scheme + "}" + b64(hashlib.new(digest, PASSWORD.encode() + ldap_salt).digest() + ldap_salt), tool="hashlib")
for scheme, digest in (("SHA", "sha1"), ("SHA256", "sha256"), ("SHA512", "sha512"), ("MD5", "md5")):
    add("ldap-" + scheme.lower(), "{" + scheme + "}" + b64(hashlib.new(digest, PASSWORD.encode()).digest()), tool="hashlib")

# Self-describing digests: $<digest>$pf=<base64 template>$<base64 salt>$<digest in base64 or hex>, or unsalted.
digest_salt = b"pepper-and-salt"
for digest in ("md5", "sha1", "sha256", "sha512"):
    plain = hashlib.new(digest, PASSWORD.encode()).digest()
    add(digest, f"${digest}${b64(plain)}", tool="hashlib")
    add(digest, f"${digest}${plain.hex()}", tool="hashlib")
    add(digest, plain.hex(), tool="hashlib (bare hex, unsalted)")
    for template in ("{SALT}{PASSWORD}", "{PASSWORD}{SALT}", "{SALT}{PASSWORD}{SALT}"):
        raw = template.replace("{SALT}", digest_salt.decode()).replace("{PASSWORD}", PASSWORD).encode()
        salted = hashlib.new(digest, raw).digest()
        add(digest, f"${digest}$pf={b64(template.encode())}${b64(digest_salt)}${b64(salted)}", tool="hashlib")
    raw = (digest_salt.decode() + PASSWORD).encode()
    add(digest, f"${digest}$pf={b64(b'{SALT}{PASSWORD}')}${b64(digest_salt)}${hashlib.new(digest, raw).hexdigest().upper()}", tool="hashlib")

print(json.dumps(samples, ensure_ascii=False, indent=1))
