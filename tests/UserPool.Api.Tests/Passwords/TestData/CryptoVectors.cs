namespace UserPool.Api.Tests.Passwords.TestData;

/// <summary>
/// Test-only keys and captured ciphertexts from shared/spec/crypto-vectors.json (not Authing's keys).
/// RSA: Node crypto.publicEncrypt with RSA_PKCS1_PADDING, standard base64.
/// SM2: sm-crypto 0.3.13 doEncrypt(plaintext, publicKey, 1) = C1C3C2, lowercase hex, C1 without 04.
/// Kept as constants so the test project needs no content-copy item.
/// </summary>
internal static class CryptoVectors
{
    public const string RsaPublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDhDmetysUkHT64BwsvWoHNKv1X
        ryTcelkw/QxJqeAppWhaJCqhJoJ8O58MWIIeWZZw8pqQj9D+JNJxXb8xN2Oa9RuB
        3vRbQjSn1kYU90gxDqmX9STZ79V98hi5z+3rQiwHPPd0OPJ37roVxAattSmNOWI8
        MZL3BQipxSbSbElANQIDAQAB
        -----END PUBLIC KEY-----
        """;

    public const string RsaPrivateKeyPkcs8Pem = """
        -----BEGIN PRIVATE KEY-----
        MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBAOEOZ63KxSQdPrgH
        Cy9agc0q/VevJNx6WTD9DEmp4CmlaFokKqEmgnw7nwxYgh5ZlnDympCP0P4k0nFd
        vzE3Y5r1G4He9FtCNKfWRhT3SDEOqZf1JNnv1X3yGLnP7etCLAc893Q48nfuuhXE
        Bq21KY05YjwxkvcFCKnFJtJsSUA1AgMBAAECgYAm4jFBkqYK/k6GxxjEnrOMeh/5
        VVZeDXl5gE7uLz5+k4h7AoKnAxtKUZbCMEyS59GZRCE2VtK6Biyhz5un6jT4DuzH
        YI80BLOSvIWHrDXwHo8xjlaeJ2Z9pteCUf3toJoxdNr1F9xI9PK6AgsIZIfsSMGL
        QWMuPB20hDbMKiqKxQJBAPJ8jgBFmGMP/bRcAhF9mxzbDbCSU3IRw/UBRE5D22W0
        0+1u5sYRQCuXOhmwX8qxhPqXVoCoClnXxGETKv1v5rMCQQDtmS43NK7XpXURPuAO
        Yg67fkatkF3LgHbJoVjCY0hCHnti97iuVR1q7HCG+djP2eMyVscl6Jq0dkSwZaud
        0HF3AkEAn9jfuuol1Fe8ROLKMkF8uP7l/VnYTD/Nz3qwTm+I93jGo6QR2MuSY6nj
        EQAlhXaUVKTizxj3Cdaki+GY20yi5QJBAMatDSEqk31NJIwMKGy+gBU17UHa8yNk
        w2+s1DyPqm9nb8N841gbYiLznNCxASQkzT9dot9HFn4KWzupeIzZLNcCQQCbkzLi
        5nh7mgm5bMyF0cq7yO3A2gZ7nkCC2sAumjz2XCpdzEGNHS+/ep0gjohjYEUGl9To
        refwyTrYBcY+pz5/
        -----END PRIVATE KEY-----
        """;

    public const string RsaPlaintext = "passw0rd中文";

    public const string RsaCiphertextBase64 =
        "Ww+PKFteujLbhEqeTcjk0fbtCc+ko+kW+wj5K78i3aLjqHnaObL4rzKZXBCqBICVQTsxD8ueC0LNJ/YPjWO4kS0L3gF+pO9QuG5kIORSGE3Vg7/pkAdAybifl1lv/G1fOsILJkOdFohanJqrgbf2eFAsf7bOyMfAoFTwSVOQhvg=";

    public const string Sm2PrivateKeyHex = "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";

    public const string Sm2PublicKeyHex =
        "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";

    public const string Sm2Plaintext = "passw0rd";

    public const string Sm2CiphertextHex =
        "4398e9863f371ed8770db2d5c9af845eebff4f3a73e496a8eeb80767c6954203314b1783cb434709fc860106f02224251476d95620b2d31e8a46c92fa780956630a0ff4258a9367ea78f1486db05db4b1e0158580af553d3ff3802d11fe2f64b3e9c9b8df64486a0";
}
