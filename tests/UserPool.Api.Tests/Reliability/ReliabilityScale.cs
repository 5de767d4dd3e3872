namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// The heavy loops run smaller in CI and at full size on demand:
/// `USERPOOL_RELIABILITY_SCALE=full dotnet test --filter FullyQualifiedName~Reliability`.
/// </summary>
public static class ReliabilityScale
{
    public static bool Full => Environment.GetEnvironmentVariable("USERPOOL_RELIABILITY_SCALE") == "full";

    public static int Pick(int ci, int full) => Full ? full : ci;
}
