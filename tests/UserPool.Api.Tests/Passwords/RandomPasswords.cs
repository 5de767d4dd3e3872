using System.Text;

namespace UserPool.Api.Tests.Passwords;

/// <summary>Deterministic passwords of an exact UTF-8 length, mixing 1-, 2-, 3- and 4-byte characters.</summary>
internal sealed class RandomPasswords(int seed)
{
    private static readonly string[] Pools =
    [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ",
        "éüñßøåçÀÉ",
        "密码中文汉字测试用户池安全传输",
        "😀🔐🚀👍🎉🐉",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A password of exactly <paramref name="utf8Length"/> bytes; ASCII fills what a wider character would overshoot.</summary>
    public string Mixed(int utf8Length) => Build(utf8Length, Pools);

    /// <summary>Only characters of one pool (0 ASCII, 1 Latin, 2 Chinese, 3 emoji), topped up with ASCII to hit the length.</summary>
    public string OnlyFrom(int poolIndex, int utf8Length) => Build(utf8Length, [Pools[poolIndex]]);

    private string Build(int utf8Length, string[] pools)
    {
        var password = new StringBuilder();
        var remaining = utf8Length;
        while (remaining > 0)
        {
            var pool = pools[_random.Next(pools.Length)];
            var candidate = PickRune(pool);
            if (candidate.Utf8SequenceLength > remaining)
            {
                candidate = PickRune(Pools[0]);
            }

            password.Append(candidate.ToString());
            remaining -= candidate.Utf8SequenceLength;
        }

        return password.ToString();
    }

    private Rune PickRune(string pool)
    {
        var runes = pool.EnumerateRunes().ToArray();
        return runes[_random.Next(runes.Length)];
    }
}
