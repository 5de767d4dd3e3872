using System.Reflection;
using System.Text.Json.Nodes;
using UserPool.Api.Hosting;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Docs;

/// <summary>
/// The README's configuration table names every setting the server reads: each property of an options class bound
/// from a configuration section, each key of appsettings.json, and the few settings read by name.
/// </summary>
public sealed class ReadmeSettingsTests
{
    /// <summary>Settings read by name rather than bound to an options class (keep in step with the code that reads them).</summary>
    private static readonly string[] ReadByName =
    [
        "ConnectionStrings:UserPool",     // Data/DataRegistration.cs
        "System:PublicIps",               // Passwords/SystemInfoEndpoints.cs
        "ForwardedHeaders:KnownProxies",  // Security/ForwardedHeadersSetup.cs
        "ForwardedHeaders:KnownNetworks",
    ];

    /// <summary>ASP.NET Core's own sections in appsettings.json, documented by ASP.NET Core.</summary>
    private static readonly string[] FrameworkSections = ["Logging", "AllowedHosts"];

    [Fact]
    public void Readme_NamesEveryBoundSetting()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, "README.md"));

        var missing = BoundSettings().Concat(AppSettingsKeys()).Concat(ReadByName).Distinct()
            .Where(setting => !readme.Contains($"`{setting}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "README.md does not name these settings (as `Section:Name`): " + string.Join(", ", missing));
    }

    [Fact]
    public void BoundSettings_AreFoundInEveryOptionsClass()
    {
        // Guards the reflection below: a change in how options classes declare their section must not empty the list.
        var settings = BoundSettings().ToList();

        Assert.Contains("Idempotency:RetentionHours", settings);
        Assert.Contains("TransportKeys:RefreshSeconds", settings);
        Assert.Contains("Notifications:Smtp:Host", settings);
        Assert.Contains("DataProtection:CertificateThumbprint", settings);
    }

    /// <summary>
    /// Every settable property of every options class: a class in the API assembly named *Options with a
    /// <c>const string Section</c>; nested option objects (Notifications:Smtp) are followed.
    /// </summary>
    private static IEnumerable<string> BoundSettings() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .SelectMany(t => Settings(t.Type, t.Section!));

    private static IEnumerable<string> Settings(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var name = $"{prefix}:{property.Name}";
            var nested = property.PropertyType;
            if (nested.IsClass && nested != typeof(string) && nested.Namespace?.StartsWith("UserPool.Api", StringComparison.Ordinal) == true)
            {
                foreach (var setting in Settings(nested, name))
                {
                    yield return setting;
                }
            }
            else
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<string> AppSettingsKeys()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, "appsettings.json")))!.AsObject();
        return Leaves(json, "").Where(key => !FrameworkSections.Contains(key.Split(':')[0]));
    }

    private static IEnumerable<string> Leaves(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}:{key}";
            if (value is JsonObject { Count: > 0 } child)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
