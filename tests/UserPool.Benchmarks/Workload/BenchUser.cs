using System.Security.Cryptography;

namespace UserPool.Benchmarks.Workload;

/// <summary>
/// One realistic user: every common profile field, one identity, two department links and custom data.
/// Unique values carry a random part, so index inserts land all over the indexes as a real import's do.
/// </summary>
public sealed record BenchUser(string Tag, string Phone, string Password, string DepartmentId1, string DepartmentId2, int Level)
{
    public string Email => $"user.{Tag}@example.com";
    public string Username => $"user_{Tag}";
    public string ExternalId => $"ext-{Tag}";
    public string UserIdInIdp => $"o_{Tag}";
    public string CustomDataJson => $$"""{"employeeNo":"E-{{Tag}}","level":{{Level}},"remote":{{(Level % 2 == 0 ? "true" : "false")}},"team":"{{Teams[Level % Teams.Length]}}"}""";
    public string UserInfoInIdpJson => $$"""{"nickname":"Zhang {{Tag}}","headimgurl":"https://example.com/a.png"}""";

    public static readonly string[] Teams = ["core", "growth", "ops"];
}

/// <summary>Makes users that are unique across the whole benchmark run.</summary>
public sealed class UserFactory(IReadOnlyList<string> departmentIds, string keptHash, long firstSequence = 0)
{
    private long _sequence = firstSequence;

    public IReadOnlyList<BenchUser> Make(int count, bool plaintextPasswords)
    {
        var users = new BenchUser[count];
        for (var i = 0; i < count; i++)
        {
            var seq = Interlocked.Increment(ref _sequence);
            var tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + seq.ToString("x");
            users[i] = new BenchUser(
                tag,
                Phone: "1" + (3_000_000_000 + seq * 7919 % 6_999_999_999).ToString("D10"),
                Password: plaintextPasswords ? $"Pw-{tag}-9z" : keptHash,
                DepartmentId1: departmentIds[(int)(seq % departmentIds.Count)],
                DepartmentId2: departmentIds[(int)((seq + 7) % departmentIds.Count)],
                Level: (int)(seq % 9) + 1);
        }

        return users;
    }

    public static IEnumerable<IReadOnlyList<BenchUser>> Batches(IReadOnlyList<BenchUser> users, int size)
    {
        for (var start = 0; start < users.Count; start += size)
        {
            yield return users.Skip(start).Take(size).ToArray();
        }
    }
}
