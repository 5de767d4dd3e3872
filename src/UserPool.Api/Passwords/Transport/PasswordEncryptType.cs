namespace UserPool.Api.Passwords.Transport;

/// <summary>How a client protected the password it sent (<c>options.passwordEncryptType</c> on the wire).</summary>
public enum PasswordEncryptType
{
    /// <summary>Wire value <c>none</c>: the password arrives as plaintext.</summary>
    None,

    /// <summary>Wire value <c>rsa</c>: jsencrypt-style RSA PKCS#1 v1.5, base64.</summary>
    Rsa,

    /// <summary>Wire value <c>sm2</c>: sm-crypto SM2 C1C3C2, hex, C1 without its <c>04</c> byte.</summary>
    Sm2,
}
