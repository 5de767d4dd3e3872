using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserPool.Api.Tenants;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Observability;

/// <summary>The requestId a client receives is the RequestId in the log scope of every line its request wrote.</summary>
public sealed class RequestIdLoggingTests(RequestIdLoggingTests.FaultingApiFactory api) : IClassFixture<RequestIdLoggingTests.FaultingApiFactory>
{
    private const string FaultingPath = "/api/v3/create-tenant";

    [Fact]
    public async Task AFaultOnPurpose_ShowsTheAnsweredRequestIdInTheLoggedError()
    {
        using var client = api.CreateSignedClient();

        var response = await client.PostAsync(FaultingPath, new { name = "boom" });
        // Read by hand: the shared envelope reader fails a test on any 500.
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(500, (int)envelope["statusCode"]!);
        var requestId = (string)envelope["requestId"]!;
        Assert.Matches("^[0-9a-f]{24}$", requestId);
        Assert.Equal(requestId, response.Headers.GetValues("x-request-id").Single());
        var fault = Assert.Single(api.Logs.Lines, line => line.Contains("Unhandled fault") && line.Contains(FaultingValidator.Message));
        Assert.Contains($"RequestId={requestId}", fault);
        Assert.All(LinesOf(FaultingPath), line => Assert.Contains($"RequestId={requestId}", line));
    }

    [Fact]
    public async Task AnAnsweredRequest_WritesItsIdIntoEveryLineOfTheRequest()
    {
        using var client = api.CreateSignedClient();

        var response = await client.GetAsync("/api/v3/get-custom-fields?targetType=USER");

        Assert.Equal(200, (int)(await Envelopes.ReadAsync(response))["statusCode"]!);
        var requestId = response.Headers.GetValues("x-request-id").Single();
        var lines = LinesOf("/api/v3/get-custom-fields").Where(line => line.Contains($"RequestId={requestId}")).ToList();
        // At least the hosting layer's "Request starting" and "Request finished" lines.
        Assert.True(lines.Count >= 2, string.Join(Environment.NewLine, api.Logs.Lines));
        Assert.Contains(lines, line => line.Contains("Request starting"));
    }

    [Fact]
    public async Task NpgsqlsOwnLines_ReachTheHostLogInTheRequestsScopeWithoutParameterValues()
    {
        using var client = api.CreateSignedClient();

        var response = await client.GetAsync("/api/v3/get-custom-fields?targetType=DEPARTMENT");

        var requestId = response.Headers.GetValues("x-request-id").Single();
        var npgsql = api.Logs.Lines.Where(line => line.Contains(" Npgsql.") && line.Contains($"RequestId={requestId}")).ToList();
        Assert.Contains(npgsql, line => line.Contains("custom_field_definitions"));
        // The query's parameters are the pool id and the target type: neither value may be logged.
        Assert.DoesNotContain(npgsql, line => line.Contains(api.PoolId) || line.Contains("DEPARTMENT"));
    }

    private IEnumerable<string> LinesOf(string path) => api.Logs.Lines.Where(line => line.Contains($"RequestPath={path}"));

    /// <summary>The real server, every log line captured, and create-tenant faulting inside its validation filter.</summary>
    public sealed class FaultingApiFactory : UserPoolApiFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                logging.AddFilter<CapturedLogs>(category: null, LogLevel.Trace);
            });
            builder.ConfigureTestServices(services => services.AddSingleton<IValidator<CreateTenantRequest>, FaultingValidator>());
        }
    }

    private sealed class FaultingValidator : AbstractValidator<CreateTenantRequest>
    {
        public const string Message = "a fault caused on purpose by the test";

        public override Task<ValidationResult> ValidateAsync(ValidationContext<CreateTenantRequest> context, CancellationToken cancellation = default) =>
            throw new InvalidOperationException(Message);
    }
}
