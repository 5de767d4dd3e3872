using UserPool.Api.Passwords.Transport;

namespace UserPool.Api.Tests.Passwords;

public sealed class PasswordEncryptTypeTests
{
    [Theory]
    [InlineData("none", PasswordEncryptType.None)]
    [InlineData("rsa", PasswordEncryptType.Rsa)]
    [InlineData("sm2", PasswordEncryptType.Sm2)]
    [InlineData("RSA", PasswordEncryptType.Rsa)]
    [InlineData("Sm2", PasswordEncryptType.Sm2)]
    [InlineData("NONE", PasswordEncryptType.None)]
    public void PasswordEncryptTypeParse_WireValueInAnyCase_IsRecognised(string wireValue, PasswordEncryptType expected)
    {
        Assert.True(PasswordEncryptTypes.TryParse(wireValue, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" rsa")]
    [InlineData("rsa ")]
    [InlineData("1")]
    [InlineData("Rsa, Sm2")]
    [InlineData("sm3")]
    [InlineData("oaep")]
    public void PasswordEncryptTypeParse_AnythingElse_IsRefused(string? wireValue)
    {
        Assert.False(PasswordEncryptTypes.TryParse(wireValue, out _));
    }

    [Theory]
    [InlineData(PasswordEncryptType.None, "none")]
    [InlineData(PasswordEncryptType.Rsa, "rsa")]
    [InlineData(PasswordEncryptType.Sm2, "sm2")]
    public void PasswordEncryptTypeToWireValue_IsTheLowercaseSdkValue(PasswordEncryptType type, string expected)
    {
        Assert.Equal(expected, type.ToWireValue());
    }
}
