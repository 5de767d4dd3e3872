using System.Diagnostics;
using CsCheck;
using UserPool.Api.Infrastructure;
using UserPool.Api.Tests.Infrastructure;
using UserPool.Api.Tests.Reliability.Support;
using Xunit.Abstractions;

namespace UserPool.Api.Tests.Reliability;

/// <summary>
/// Property-based hostile input (CsCheck) against every endpoint on real Kestrel, signed and with tokens so the
/// requests reach the handlers: every answer is a 4xx envelope (or a 200 where the request is, after all, valid),
/// never a 5xx, a non-JSON body or a hang, and no rejected request (nor any read) changes the database.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileInputTests(HostileApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(20);
    private SeededData _seeded = null!;
    private Caller _caller = null!;
    private DatabaseFingerprint _fingerprint = null!;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        using var client = api.CreateSignedClient();
        _seeded = await ApiCatalog.SeedAsync(client, api.PoolId, UserPoolApiFactory.AccessKeyId, UserPoolApiFactory.AccessKeySecret);
        using var token = await api.LoggedInTokenClientAsync(TokenSdk.Python);
        _caller = new Caller(_seeded.AccessKeyId, _seeded.AccessKeySecret, api.PoolId, token.Token!);
        _fingerprint = new DatabaseFingerprint(api.ConnectionString);
    }

    public async Task DisposeAsync() => await _fingerprint.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_accepts_its_template_as_it_is_so_each_hostile_request_has_one_thing_wrong()
    {
        foreach (var endpoint in ApiCatalog.Endpoints)
        {
            foreach (var auth in Enum.GetValues<CallerAuth>())
            {
                var request = Template(endpoint, auth);
                var response = await RawHttp.SendAsync(api.ServerUri, request, AnswerBound);
                var status = AnswerRules.Check(endpoint, response, () => $"{endpoint} {auth}");
                Assert.True(status == 200, $"{endpoint} via {auth}: {response.Text}");
            }
        }
    }

    [Fact]
    public async Task Thousands_of_malformed_and_adversarial_requests_get_4xx_envelopes_and_change_nothing_they_refuse()
    {
        var iterations = ReliabilityScale.Pick(ci: 2500, full: 25000);
        var byStatus = new Tally();
        var byKind = new Tally();
        var refusedAtAuthentication = 0;
        var cutAfterOverLimit = 0;
        var accepted = 0;
        var slowest = TimeSpan.Zero;
        var baseline = await _fingerprint.TakeAsync();
        var watch = Stopwatch.StartNew();

        await HostileRequests.Cases.SampleAsync(async c =>
        {
            var built = HostileRequests.Build(c, _caller, _seeded, Interlocked.Increment(ref _number));
            var response = await RawHttp.SendAsync(api.ServerUri, built.Request, AnswerBound);
            // The fingerprint first, so that whatever this request did, the next one is judged on its own.
            var after = await _fingerprint.TakeAsync();
            var changed = DatabaseFingerprint.Difference(baseline, after);
            baseline = after;
            byKind.Add(c.Kind.ToString());
            if (AnswerRules.IsCutAfterAnOverLimitBody(built.Request, response))
            {
                cutAfterOverLimit++;
                byStatus.Add("answer cut by a reset after an over-limit body");
                Assert.True(changed.Length == 0, $"an over-limit request changed the database: {changed}\nrequest: {built}");
                return;
            }

            var statusCode = AnswerRules.Check(c.Endpoint, response, built.ToString);
            byStatus.Add(statusCode == response.Status ? statusCode.ToString() : $"{statusCode} (HTTP {response.Status})");
            slowest = response.Took > slowest ? response.Took : slowest;
            refusedAtAuthentication += statusCode == 401 ? 1 : 0;
            var writeAccepted = statusCode == 200 && c.Endpoint.Kind == EndpointKind.Write;
            accepted += writeAccepted ? 1 : 0;
            Assert.True(writeAccepted || changed.Length == 0, $"the database changed although the answer was {statusCode}: {changed}\nrequest: {built}");
        }, iter: iterations, threads: 1, seed: Environment.GetEnvironmentVariable("USERPOOL_HOSTILE_SEED"),
            print: c => HostileRequests.Build(c, _caller, _seeded, 0).ToString(), writeLine: output.WriteLine);

        output.WriteLine($"hostile requests sent: {byStatus.Total} in {watch.Elapsed.TotalSeconds:F0} s; slowest answer {slowest.TotalMilliseconds:F0} ms");
        output.WriteLine($"answers by statusCode: {byStatus}");
        output.WriteLine($"refused at authentication (401, e.g. an unsignable body): {refusedAtAuthentication}; writes accepted as valid: {accepted}; " +
            $"answers cut by a connection reset after an over-limit body: {cutAfterOverLimit}");
        output.WriteLine($"by kind: {byKind}");
        Assert.True(byStatus.Total >= iterations);
    }

    [Fact]
    public async Task Slow_clients_that_trickle_their_bodies_get_the_same_4xx_envelopes_and_change_nothing_they_refuse()
    {
        // Each client works in a pool of its own, so a pool-scoped fingerprint tells its effects from the others'.
        const int Clients = 8;
        var perClient = ReliabilityScale.Pick(ci: 3, full: 30);
        var clients = new List<(Caller Caller, SeededData Seeded)>();
        for (var i = 0; i < Clients; i++)
        {
            clients.Add(await NewPoolAsync());
        }

        var byStatus = new Tally();
        var slowest = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var bodies = HostileRequests.Cases.Where(c => c.Endpoint.Method == HttpMethod.Post && c.Kind != Hostility.OverLimit);
        await Task.WhenAll(clients.Select(async (client, index) =>
        {
            var cases = bodies.Array[perClient].Single();
            for (var n = 0; n < cases.Length; n++)
            {
                var c = cases[n];
                var built = HostileRequests.Build(c, client.Caller, client.Seeded, Interlocked.Increment(ref _number));
                var request = built.Request with { TricklePieces = 5 + c.Size % 16, TrickleDelay = TimeSpan.FromMilliseconds(50 + c.Pick % 250) };
                var before = await _fingerprint.TakeAsync(client.Seeded.PoolId);
                var response = await RawHttp.SendAsync(api.ServerUri, request, AnswerBound);
                var statusCode = AnswerRules.IsCutAfterAnOverLimitBody(request, response)
                    ? 413
                    : AnswerRules.Check(c.Endpoint, response, () => $"trickled in {request.TricklePieces} pieces: {built}");
                lock (byStatus)
                {
                    byStatus.Add(statusCode.ToString());
                    slowest = response.Took > slowest ? response.Took : slowest;
                }

                var changed = DatabaseFingerprint.Difference(before, await _fingerprint.TakeAsync(client.Seeded.PoolId));
                Assert.True((statusCode == 200 && c.Endpoint.Kind == EndpointKind.Write) || changed.Length == 0,
                    $"the database changed although the answer was {statusCode}: {changed}\nrequest: {built}");
            }
        }));

        output.WriteLine($"slow clients: {byStatus.Total} trickled requests from {Clients} concurrent clients in {watch.Elapsed.TotalSeconds:F0} s; " +
            $"slowest answer {slowest.TotalMilliseconds:F0} ms; answers by statusCode: {byStatus}");
    }

    [Fact]
    public async Task A_client_that_stops_sending_its_body_is_cut_off_while_others_are_still_served_and_nothing_is_written()
    {
        var endpoint = ApiCatalog.Endpoint("create-users-batch");
        var stalled = Enumerable.Range(0, 4).Select(async i =>
        {
            var request = Template(endpoint, (CallerAuth)(i % 3)) with { StallAfterBytes = 100 + i };
            return await RawHttp.SendAsync(api.ServerUri, request, TimeSpan.FromSeconds(60));
        }).ToList();
        var before = await _fingerprint.TakeAsync();

        // Meanwhile the server answers everyone else promptly.
        await Task.Delay(500);
        var probe = await RawHttp.SendAsync(api.ServerUri, Template(ApiCatalog.Endpoint("get-custom-fields"), CallerAuth.BearerToken), AnswerBound);
        Assert.Equal(200, AnswerRules.Check(ApiCatalog.Endpoint("get-custom-fields"), probe, () => "probe"));
        // Served while every stalled client is still held (Kestrel cuts them only after its 5 s grace): not after them.
        Assert.True(stalled.TrueForAll(client => !client.IsCompleted), $"a normal request took {probe.Took}, until stalled clients were cut off");

        foreach (var response in await Task.WhenAll(stalled))
        {
            // Kestrel's minimum body data rate (240 B/s after a 5 s grace) ends the request: a 408 envelope (or, should
            // the server give up on the connection, the connection closing), never a wait without end.
            output.WriteLine($"stalled client: answered after {response.Took.TotalSeconds:F1} s: {response.Failure ?? response.Text}");
            Assert.True(response.Took < TimeSpan.FromSeconds(30), $"a stalled client was held {response.Took}");
            if (response.Failure is null)
            {
                Assert.Equal(408, AnswerRules.Check(endpoint, response, () => "stalled"));
                Assert.Contains(ApiExceptionHandler.BodyTooSlowMessage, response.Text);
            }
        }

        Assert.Equal("", DatabaseFingerprint.Difference(before, await _fingerprint.TakeAsync()));
    }

    [Fact]
    public async Task Requests_that_Kestrel_refuses_before_the_application_get_a_bare_4xx_and_change_nothing()
    {
        // The request line and header limits are Kestrel's: it answers before any middleware runs, so with no envelope.
        var before = await _fingerprint.TakeAsync();
        var get = ApiCatalog.Endpoint("get-custom-fields");
        var cases = new (string Name, RawRequest Request, int Status)[]
        {
            ("request line over 8 KiB", Template(get, CallerAuth.BearerToken) with { Target = get.Path + "?targetType=USER&x=" + new string('a', 9000) }, 414),
            ("headers over 32 KiB", Template(get, CallerAuth.BearerToken) is var t
                ? t with { Headers = [.. t.Headers, new("x-padding", new string('a', 40_000))] } : null!, 431),
        };
        foreach (var (name, request, status) in cases)
        {
            var response = await RawHttp.SendAsync(api.ServerUri, request, AnswerBound);
            output.WriteLine($"{name}: HTTP {response.Status}");
            Assert.True(response.Status == status, $"{name}: HTTP {response.Status} {response.Failure}");
        }

        Assert.Equal("", DatabaseFingerprint.Difference(before, await _fingerprint.TakeAsync()));
    }

    private async Task<(Caller Caller, SeededData Seeded)> NewPoolAsync()
    {
        var key = await api.CreateOtherPoolAsync("slow " + Guid.NewGuid().ToString("N")[..8]);
        using var client = api.CreateSignedClient(key.AccessKeyId, key.AccessKeySecret);
        var seeded = await ApiCatalog.SeedAsync(client, key.UserPoolId, key.AccessKeyId, key.AccessKeySecret);
        using var token = await api.LoggedInTokenClientAsync(TokenSdk.Python, key.AccessKeyId, key.AccessKeySecret);
        return (new Caller(key.AccessKeyId, key.AccessKeySecret, key.UserPoolId, token.Token!), seeded);
    }

    private long _number;

    private RawRequest Template(ApiEndpoint endpoint, CallerAuth auth)
    {
        var number = Interlocked.Increment(ref _number);
        byte[]? body = null;
        var target = endpoint.Path;
        if (endpoint.Method == HttpMethod.Get)
        {
            var query = TemplateQuery(endpoint);
            target += query.Length == 0 ? "" : "?" + query;
        }
        else
        {
            body = System.Text.Encoding.UTF8.GetBytes(ApiCatalog.Fill(endpoint.Body!(_seeded).ToJsonString(), "t", number));
        }

        var headers = _caller.Headers(auth, endpoint.Method.Method, target, body, endpoint.NeedsCredentials);
        if (body is not null)
        {
            headers.Add(new("Content-Type", "application/json"));
        }

        return new RawRequest(endpoint.Method.Method, target, headers, body);
    }

    private string TemplateQuery(ApiEndpoint endpoint) =>
        string.Join("&", endpoint.Query!(_seeded).Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
}
