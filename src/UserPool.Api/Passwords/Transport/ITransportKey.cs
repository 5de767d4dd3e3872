namespace UserPool.Api.Passwords.Transport;

/// <summary>A private key that opens passwords a client encrypted for transport.</summary>
public interface ITransportKey
{
    /// <summary>Never throws for bad input; every failure is a status (see <see cref="TransportDecryptStatus"/>).</summary>
    TransportDecryptResult Decrypt(string? transportedPassword);
}
