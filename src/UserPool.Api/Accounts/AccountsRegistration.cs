using UserPool.Api.Accounts.Idempotency;
using UserPool.Api.Accounts.Keys;
using UserPool.Api.Accounts.Pipeline;
using UserPool.Api.Accounts.Reading;

namespace UserPool.Api.Accounts;

public static class AccountsRegistration
{
    public static WebApplicationBuilder AddUserPoolAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencyPruner>();
        builder.Services.AddSingleton<CustomFields.Promises.CustomFieldSecrets>();
        builder.Services.AddSingleton<CreateAccountsPipeline>();
        builder.Services.AddSingleton<Deletion.DeleteAccountsPipeline>();
        builder.Services.AddScoped<AccountReader>();
        builder.Services.AddScoped<Updating.UpdateAccountsPipeline>();
        builder.Services.AddSingleton<KeyReconciler>();
        builder.Services.AddSingleton<KeyProblems>();
        builder.Services.AddSingleton<KeyStartup>();
        return builder;
    }
}
