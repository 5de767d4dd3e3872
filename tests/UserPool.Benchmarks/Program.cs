using UserPool.Benchmarks;
using UserPool.Benchmarks.Report;
using UserPool.Benchmarks.Scenarios;

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (UsageException usage)
{
    Console.Error.WriteLine(usage.Message);
    Console.Error.WriteLine(BenchSettings.Usage);
    return 2;
}

var root = RepositoryRoot();
var results = await new BenchmarkRun(settings, root).ExecuteAsync();
if (settings.Focus || settings.DeletesOnly)
{
    return 0;
}

var output = Path.GetFullPath(settings.OutputPath, root);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, new MarkdownReport(settings, results, root).Render());
Console.WriteLine($"Wrote {output}");
return 0;

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UserPool.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
