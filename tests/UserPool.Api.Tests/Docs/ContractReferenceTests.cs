using System.Text.RegularExpressions;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Docs;

/// <summary>Every "contract §N" a comment in src/ cites is a heading of docs/contract.md, so a reader can look it up.</summary>
public sealed partial class ContractReferenceTests
{
    [Fact]
    public void EveryContractSectionCitedInSource_IsAHeadingOfDocsContract()
    {
        var root = RepositoryRoot.Find()!;
        var headings = Heading().Matches(File.ReadAllText(Path.Combine(root, "docs", "contract.md")))
            .Select(m => m.Groups["section"].Value).ToHashSet(StringComparer.Ordinal);
        var citations = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Citation().Matches(File.ReadAllText(path))
                .Select(m => (File: Path.GetRelativePath(root, path), Section: m.Groups["section"].Value)))
            .ToList();

        var dangling = citations.Where(c => !headings.Contains(c.Section)).Select(c => $"{c.File}: §{c.Section}").ToList();

        Assert.NotEmpty(headings);
        Assert.True(dangling.Count == 0, "Cited sections that docs/contract.md has no heading for: " + string.Join(", ", dangling));
    }

    [Theory]
    [InlineData("see contract §4", "4")]
    [InlineData("docs/contract.md §2a", "2a")]
    [InlineData("(docs/contract.md §3, §5)", "3")]
    [InlineData("either scheme of the contract (§2)", "2")]
    [InlineData("Contract §4 facts", "4")]
    public void Citation_IsRecognised(string text, string section) =>
        Assert.Equal(section, Citation().Match(text).Groups["section"].Value);

    /// <summary>"## §4 Request and answer fields", "### §2a Signed requests".</summary>
    [GeneratedRegex(@"^#{2,4} §(?<section>\d+[a-z]?)\b", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>"contract §4", "contract.md §2a", "the contract (§2)" (of a list such as "§3, §5" the first is checked).</summary>
    [GeneratedRegex(@"contract(\.md)?[\s(]*§(?<section>\d+[a-z]?)", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();
}
