using UserPool.Api.Accounts;
using UserPool.Api.Data;
using UserPool.Api.Hosting;
using UserPool.Api.Infrastructure;
using UserPool.Api.Notifications;
using UserPool.Api.Observability;
using UserPool.Api.OpenApi;
using UserPool.Api.Passwords;
using UserPool.Api.Security;

if (CommandLine.IsUnknownVerb(args))
{
    return CommandLine.RefuseUnknownVerb(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The repository-root appsettings.json is copied next to the binaries; load that one in every mode.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddUserPoolInfrastructure();
builder.AddUserPoolObservability();
builder.AddUserPoolData();
builder.AddUserPoolHosting();
builder.AddUserPoolSecurity();
builder.AddUserPoolPasswords();
builder.AddUserPoolAccounts();
builder.AddUserPoolNotifications();
builder.AddUserPoolOpenApi();

var app = builder.Build();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

app.UseUserPoolEdge();
app.UseRequestIds();
app.UseExceptionHandler();
app.UseApiStatusPages();
app.UseRequestLanguage();
app.UseUserPoolOpenApi();
app.UseRouting();
app.UseUserPoolSecurity();
app.MapHealth();
app.MapNotificationStatus();
app.MapUserPoolApi();
await app.RunAsync();
return 0;

public partial class Program;
