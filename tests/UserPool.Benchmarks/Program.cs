using UserPool.Api.Hosting;
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

var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
var results = await new BenchmarkRun(settings, root).ExecuteAsync();
if (settings.Focus || settings.DeletesOnly || settings.UpdatesOnly)
{
    return 0;
}

var output = Path.GetFullPath(settings.OutputPath, root);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, new MarkdownReport(settings, results, root).Render());
Console.WriteLine($"Wrote {output}");
return 0;
