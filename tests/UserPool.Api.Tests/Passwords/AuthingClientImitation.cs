using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace UserPool.Api.Tests.Passwords;

/// <summary>Encrypts passwords the way Authing's browser and miniapp clients do, to feed the server side.</summary>
internal static class AuthingClientImitation
{
    private static readonly ECDomainParameters Sm2Curve = new(CustomNamedCurves.GetByName("sm2p256v1"));

    /// <summary>PKCS#1 v1.5 block as fixed-length bytes (what Node's publicEncrypt returns).</summary>
    public static byte[] RsaEncryptBlock(string publicKeyPem, byte[] plaintext)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return rsa.Encrypt(plaintext, RSAEncryptionPadding.Pkcs1);
    }

    public static string RsaEncryptLikeNode(string publicKeyPem, string password) =>
        Convert.ToBase64String(RsaEncryptBlock(publicKeyPem, Encoding.UTF8.GetBytes(password)));

    /// <summary>jsencrypt prints the ciphertext integer as even-length hex, so leading zero bytes vanish.</summary>
    public static string ToJsencryptBase64(byte[] ciphertextBlock)
    {
        var firstNonZero = Array.FindIndex(ciphertextBlock, value => value != 0);
        return Convert.ToBase64String(ciphertextBlock, firstNonZero, ciphertextBlock.Length - firstNonZero);
    }

    /// <summary>jsencrypt's pkcs1pad2 UTF-8-encodes each UTF-16 code unit alone: a surrogate pair becomes 6 bytes (CESU-8).</summary>
    public static byte[] EncodeLikeJsencrypt(string password)
    {
        var bytes = new List<byte>();
        foreach (var unit in password)
        {
            if (unit < 0x80)
            {
                bytes.Add((byte)unit);
            }
            else if (unit < 0x800)
            {
                bytes.Add((byte)(0xC0 | (unit >> 6)));
                bytes.Add((byte)(0x80 | (unit & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xE0 | (unit >> 12)));
                bytes.Add((byte)(0x80 | ((unit >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (unit & 0x3F)));
            }
        }

        return [.. bytes];
    }

    /// <summary>BouncyCastle's C1C3C2 output as hex: <c>04</c> included, as sm-crypto has it before dropping it.</summary>
    public static string Sm2EncryptWithTagHex(string publicKeyHex, byte[] plaintext)
    {
        var point = Sm2Curve.Curve.DecodePoint(Convert.FromHexString(publicKeyHex));
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(forEncryption: true, new ParametersWithRandom(new ECPublicKeyParameters(point, Sm2Curve), new SecureRandom()));
        return Convert.ToHexStringLower(engine.ProcessBlock(plaintext, 0, plaintext.Length));
    }

    /// <summary>sm-crypto doEncrypt(…, cipherMode 1): lowercase hex C1‖C3‖C2 with C1's <c>04</c> dropped.</summary>
    public static string Sm2EncryptLikeSmCrypto(string publicKeyHex, string password) =>
        Sm2EncryptWithTagHex(publicKeyHex, Encoding.UTF8.GetBytes(password))[2..];
}
