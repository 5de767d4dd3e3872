using UserPool.Api.Passwords.KeptHashes;

namespace UserPool.Api.Tests.Passwords.KeptHashes;

public sealed class KeptHashRegistryTests
{
    /// <summary>Formats whose verification is implemented (with .NET's own primitives or BCrypt.Net); the others answer NotSupported.</summary>
    private static readonly HashSet<string> Verifiable =
    [
        "bcrypt", "pbkdf2-sha256", "pbkdf2-sha512", "md5", "sha1", "sha256", "sha512",
        "ldap-ssha", "ldap-sha", "ldap-ssha256", "ldap-sha256", "ldap-ssha512", "ldap-sha512", "ldap-smd5", "ldap-md5",
    ];

    [Fact]
    public void Samples_CoverEveryFormatOfTheRegistry()
    {
        var recorded = KeptHashSample.All.Select(s => s.Algorithm).ToHashSet();
        var formats = KeptHashRegistry.Formats.Select(f => f.Name).ToHashSet();

        Assert.Equal(27, KeptHashRegistry.Formats.Count);
        Assert.All(KeptHashRegistry.Formats, f => Assert.Contains(KeptHashSample.All, s => f.Claims(s.Value)));
        Assert.Superset(new HashSet<string> { "bcrypt", "argon2id", "argon2i", "pbkdf2-sha256", "pbkdf2-sha512", "scrypt", "firebase-scrypt", "sha256-crypt",
            "sha512-crypt", "md5-crypt", "phpass", "ldap-ssha", "md5", "sha1", "sha256", "sha512" }, recorded);
        Assert.Contains("Django pbkdf2_sha256", formats);
    }

    [Theory]
    [MemberData(nameof(KeptHashSample.Theory), MemberType = typeof(KeptHashSample))]
    public void ValidSample_IsReadAsItsFormat_WithTheAlgorithmRecorded(string algorithm, string value, string password)
    {
        var reading = KeptHashRegistry.Read(value, hasSeparateSalt: false);

        Assert.False(reading.Refused, reading.Fault);
        Assert.True(reading.Recognised);
        Assert.Equal(algorithm, reading.Algorithm);
        Assert.NotEmpty(password);
    }

    [Theory]
    [MemberData(nameof(KeptHashSample.Theory), MemberType = typeof(KeptHashSample))]
    public void ValidSample_VerifiesItsPasswordAndNoOther_WhereVerificationIsImplemented(string algorithm, string value, string password)
    {
        var right = KeptHashRegistry.Verify(password, value, hasSeparateSalt: false);
        var wrong = KeptHashRegistry.Verify(password + "x", value, hasSeparateSalt: false);

        var expected = Verifiable.Contains(algorithm) ? (KeptHashVerification.Match, KeptHashVerification.Mismatch)
            : (KeptHashVerification.NotSupported, KeptHashVerification.NotSupported);
        Assert.Equal(expected, (right, wrong));
    }

    [Theory]
    // bcrypt: the prefix alone, costs outside 04–16, a wrong length, a character outside bcrypt's base64.
    [InlineData("$2b$", "bcrypt", "53 characters")]
    [InlineData("$2b$31$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m", "bcrypt", "cost 31 is outside 04–16")]
    [InlineData("$2a$03$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m", "bcrypt", "cost 03")]
    [InlineData("$2y$17$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m", "bcrypt", "cost 17")]
    [InlineData("$2b$10$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021", "bcrypt", "53 characters")]
    [InlineData("$2b$10$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021mm", "bcrypt", "53 characters")]
    [InlineData("$2b$10$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk02+m", "bcrypt", "53 characters")]
    [InlineData("$2b$1a$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m", "bcrypt", "two-digit cost")]
    // argon2: absurd memory, zero passes or lanes, memory below 8·p, a version of neither 1.0 nor 1.3, extra parameters, short salt.
    [InlineData("$argon2id$v=19$m=4294967295,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "262144 KiB")]
    [InlineData("$argon2id$v=19$m=262145,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "262144 KiB")]
    [InlineData("$argon2id$v=19$m=65536,t=0,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "t 1–32")]
    [InlineData("$argon2id$v=19$m=65536,t=33,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "t 1–32")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=0$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "p 1–16")]
    [InlineData("$argon2id$v=19$m=16,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "from 8·p")]
    [InlineData("$argon2id$v=20$m=65536,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "v=19")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=4,keyid=1$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2id", "m=<KiB>,t=<passes>,p=<lanes>")]
    [InlineData("$argon2i$v=19$t=3,m=65536,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA", "argon2i", "m=<KiB>,t=<passes>,p=<lanes>")]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=4$c2FsdA$YWJjZGVmZ2hpamtsbW5vcA", "argon2i", "salt must be 8–64")]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$YWJj ZGVmZ2hpamtsbW5vcA", "argon2i", "base64")]
    [InlineData("$argon2id$", "argon2id", "expected")]
    // pbkdf2 (PHC and Django): iterations outside 1,000–10,000,000, a key length that is not the key's, bad encodings.
    [InlineData("$pbkdf2-sha256$i=999,l=32$AAECAwQFBgcICQoLDA0ODw$HDyFXpIMunv3wEXj7IK4jJhZnyQXSRliUIfzQulFW24", "pbkdf2-sha256", "iterations 999")]
    [InlineData("$pbkdf2-sha256$i=10000001,l=32$AAECAwQFBgcICQoLDA0ODw$HDyFXpIMunv3wEXj7IK4jJhZnyQXSRliUIfzQulFW24", "pbkdf2-sha256", "1000–10000000")]
    [InlineData("$pbkdf2-sha256$i=10000,l=64$AAECAwQFBgcICQoLDA0ODw$HDyFXpIMunv3wEXj7IK4jJhZnyQXSRliUIfzQulFW24", "pbkdf2-sha256", "l its length")]
    [InlineData("$pbkdf2-sha512$i=10000,l=32$!!!$HDyFXpIMunv3wEXj7IK4jJhZnyQXSRliUIfzQulFW24", "pbkdf2-sha512", "salt must be")]
    [InlineData("$pbkdf2-sha512$10000$AAECAwQFBgcICQoLDA0ODw", "pbkdf2-sha512", "expected")]
    [InlineData("pbkdf2_sha256$260000$salt$hash", "Django pbkdf2_sha256", "32 bytes")]
    [InlineData("pbkdf2_sha256$100$Zm9vYmFyYmF6$XYgH68RAHrZm633fxXWbHR6GVM5GQzWj+rS42YHcnrk=", "Django pbkdf2_sha256", "iterations 100")]
    [InlineData("pbkdf2_sha256$870000$salt-x$XYgH68RAHrZm633fxXWbHR6GVM5GQzWj+rS42YHcnrk=", "Django pbkdf2_sha256", "letters and digits")]
    [InlineData("pbkdf2_sha256$lots$Zm9vYmFyYmF6$XYgH68RAHrZm633fxXWbHR6GVM5GQzWj+rS42YHcnrk=", "Django pbkdf2_sha256", "expected")]
    // scrypt: N, r or p outside their bounds, more than 256 MiB to verify.
    [InlineData("$scrypt$ln=21,r=1,p=1$AAECAwQFBgcICQoLDA0ODw$z7mRClHyb9PAmEMVkKGDxnk8aWYgAJOD9IwiOc51S/w", "scrypt", "ln 1–20")]
    [InlineData("$scrypt$ln=20,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$z7mRClHyb9PAmEMVkKGDxnk8aWYgAJOD9IwiOc51S/w", "scrypt", "256 MiB")]
    [InlineData("$scrypt$ln=14,r=0,p=1$AAECAwQFBgcICQoLDA0ODw$z7mRClHyb9PAmEMVkKGDxnk8aWYgAJOD9IwiOc51S/w", "scrypt", "r 1–32")]
    [InlineData("$scrypt$ln=14,r=8,p=17$AAECAwQFBgcICQoLDA0ODw$z7mRClHyb9PAmEMVkKGDxnk8aWYgAJOD9IwiOc51S/w", "scrypt", "p 1–16")]
    [InlineData("$scrypt$ln=14,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$AAAA", "scrypt", "key 16–64")]
    [InlineData("$scrypt$N=16384,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$z7mRClHyb9PAmEMVkKGDxnk8aWYgAJOD9IwiOc51S/w", "scrypt", "expected")]
    // Firebase scrypt: mem_cost and rounds beyond the Firebase SDK's bounds, p other than 1, a hash not as long as the key.
    [InlineData("$firescrypt$ln=15,r=8,p=1$42xEC+ixf3L2lw==$AAAAAAAAAAAAAAAAAAAAAA==$Bw==$AAAAAAAAAAAAAAAAAAAAAA==", "Firebase scrypt", "mem_cost) 1–14")]
    [InlineData("$firescrypt$ln=14,r=9,p=1$42xEC+ixf3L2lw==$AAAAAAAAAAAAAAAAAAAAAA==$Bw==$AAAAAAAAAAAAAAAAAAAAAA==", "Firebase scrypt", "rounds) 1–8")]
    [InlineData("$firescrypt$ln=14,r=8,p=2$42xEC+ixf3L2lw==$AAAAAAAAAAAAAAAAAAAAAA==$Bw==$AAAAAAAAAAAAAAAAAAAAAA==", "Firebase scrypt", "p 1")]
    [InlineData("$firescrypt$ln=14,r=8,p=1$42xEC+ixf3L2lw==$AAAAAAAAAAAAAAAAAAAA$Bw==$AAAAAAAAAAAAAAAAAAAAAA==", "Firebase scrypt", "as long as the signer key")]
    [InlineData("$firescrypt$ln=14,r=8,p=1$42xEC+ixf3L2lw==$AAAAAAAAAAAAAAAAAAAAAA==$Bw==", "Firebase scrypt", "expected")]
    // sha-crypt and md5-crypt: rounds outside 1,000–10,000,000, wrong hash lengths, long salts.
    [InlineData("$5$rounds=999$saltsalt$xiB2U2GU3NY3mYXrUNSjydoAwyslYGTYnOQf5tv5qG6", "sha256-crypt", "rounds 999")]
    [InlineData("$6$rounds=999999999$saltsalt$APjKGtbn0Y/3TfNsxlN2ZFMdoiwLUKo.gcOTegn/sjKTixm7mMsA3gSdqmHdLKdh.zfjqnizJyG3n8wg2n97x0", "sha512-crypt", "rounds 999999999")]
    [InlineData("$5$saltsalt$xiB2U2GU3NY3mYXrUNSjydoAwyslYGTYnOQf5tv5qG", "sha256-crypt", "exactly 43")]
    [InlineData("$6$saltsalt$xiB2U2GU3NY3mYXrUNSjydoAwyslYGTYnOQf5tv5qG6", "sha512-crypt", "exactly 86")]
    [InlineData("$5$saltsaltsaltsalt1$xiB2U2GU3NY3mYXrUNSjydoAwyslYGTYnOQf5tv5qG6", "sha256-crypt", "at most 16")]
    [InlineData("$5$rounds=lots$saltsalt$xiB2U2GU3NY3mYXrUNSjydoAwyslYGTYnOQf5tv5qG6", "sha256-crypt", "expected")]
    [InlineData("$6$", "sha512-crypt", "expected")]
    [InlineData("$1$saltsalt9$EpUCIGmHjtNhbQBWjNuQS1", "md5-crypt", "expected")]
    // phpass: costs outside 7–20, a wrong length.
    [InlineData("$P$4abcdefghz4bu84GopUnXh37kjRLZ7/", "phpass", "cost '4' (6)")]
    [InlineData("$P$Jabcdefghz4bu84GopUnXh37kjRLZ7/", "phpass", "cost 'J' (21)")]
    [InlineData("$H$91234567816r8Q/U9AAvn7VzCqGLiR", "phpass", "31 characters")]
    // LDAP: a salted scheme without salt, an unsalted one with extra bytes, not base64.
    [InlineData("{SSHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=", "LDAP {SSHA}", "followed by 1–64 bytes of salt")]
    [InlineData("{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9MB", "LDAP {SHA}", "sha1 digest")]
    [InlineData("{SSHA512}not base64", "LDAP {SSHA512}", "sha512 digest")]
    [InlineData("{MD5}", "LDAP {MD5}", "md5 digest")]
    // Self-describing digests: wrong digest lengths, templates without {PASSWORD} or {SALT}, bad salt.
    [InlineData("$md5$5f4dcc3b5aa765d61d8327deb882cf9", "md5", "md5 digest in hex or base64")]
    [InlineData("$sha1$", "sha1", "sha1 digest")]
    [InlineData("$sha256$pf=e1NBTFR9$cGVwcGVy$5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "sha256", "template (pf)")]
    [InlineData("$sha256$pf=e1BBU1NXT1JEfQ==$cGVwcGVy$5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "sha256", "template (pf)")]
    [InlineData("$sha256$pf=e1NBTFR9e1BBU1NXT1JEfQ==$!$5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "sha256", "salt must be")]
    [InlineData("$sha512$pf=e1NBTFR9e1BBU1NXT1JEfQ==$cGVwcGVy$5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "sha512", "sha512 digest")]
    [InlineData("$sha1$salt=ab,pos=prefix$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "sha1", "expected")]
    public void MalformedValue_ClaimingAFormat_IsRefusedNamingTheFormatAndTheFault(string value, string format, string fault)
    {
        var reading = KeptHashRegistry.Read(value, hasSeparateSalt: false);

        Assert.True(reading.Refused);
        Assert.False(reading.Recognised);
        Assert.Equal(format, reading.Format!.Name);
        Assert.Contains(fault, reading.Fault);
        Assert.Equal(KeptHashVerification.Mismatch, KeptHashRegistry.Verify("password", value, hasSeparateSalt: false));
    }

    [Theory]
    [InlineData("opaque-legacy-value")]
    [InlineData("p@ssw0rd")]
    [InlineData("$argon2d$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA")] // argon2d: not a format of the registry
    [InlineData("$apr1$saltsalt$abcdefghijklmnopqrstuv")]
    [InlineData("$2$10$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m")]
    [InlineData("$2x$10$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m")] // crypt_blowfish's bug-compatible mark
    [InlineData("2b$10$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m")]
    [InlineData("d63dc919e201d7bc4c825630d2cf25fdc93d4b2f0d46706d29038d01")] // 56 hex digits (sha224?): no length of the registry
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf9g")] // 32 characters, one not hex
    public void ValueOfNoKnownFormat_IsKeptAsUnknown(string value)
    {
        var reading = KeptHashRegistry.Read(value, hasSeparateSalt: false);

        Assert.False(reading.Refused);
        Assert.False(reading.Recognised);
        Assert.Null(reading.Format);
        Assert.Equal("unknown", reading.Algorithm);
        Assert.Equal(KeptHashVerification.NotSupported, KeptHashRegistry.Verify("password", value, hasSeparateSalt: false));
    }

    [Theory]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf99", "md5")]
    [InlineData("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", "sha1")]
    [InlineData("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "sha256")]
    public void BareHexDigest_IsAnUnsaltedDigest_UnlessASaltIsSentBesideIt(string value, string digest)
    {
        Assert.Equal(digest, KeptHashRegistry.Read(value, hasSeparateSalt: false).Algorithm);
        Assert.Equal(KeptHashVerification.Match, KeptHashRegistry.Verify("password", value, hasSeparateSalt: false));

        var salted = KeptHashRegistry.Read(value, hasSeparateSalt: true);
        Assert.Equal("unknown", salted.Algorithm);
        Assert.False(salted.Refused);
    }

    [Theory]
    [InlineData("{ssha}")]
    [InlineData("{Ssha}")]
    public void LdapScheme_IsCaseInsensitive(string scheme)
    {
        var sample = KeptHashSample.All.First(s => s.Algorithm == "ldap-ssha");
        var value = scheme + sample.Value["{SSHA}".Length..];

        Assert.Equal("ldap-ssha", KeptHashRegistry.Read(value, hasSeparateSalt: false).Algorithm);
        Assert.Equal(KeptHashVerification.Match, KeptHashRegistry.Verify(sample.Password, value, hasSeparateSalt: false));
    }

    [Fact]
    public void BcryptCost_AtTheBounds_IsAccepted()
    {
        const string tail = "$abcdefghijklmnopqrstuujDrcuJzEtYTnya86FjJ0RFLNsYk021m";

        Assert.Equal("bcrypt", KeptHashRegistry.Read("$2b$04" + tail, false).Algorithm);
        Assert.Equal("bcrypt", KeptHashRegistry.Read("$2b$16" + tail, false).Algorithm);
    }
}
