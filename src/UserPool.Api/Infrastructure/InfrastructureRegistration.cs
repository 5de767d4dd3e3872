using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace UserPool.Api.Infrastructure;

public static class InfrastructureRegistration
{
    public static WebApplicationBuilder AddUserPoolInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<JsonOptions>()
            .Configure<IOptions<ApiOptions>>((o, api) => JsonDefaults.Configure(o.SerializerOptions, api.Value.UnknownFields));
        // Bad bodies become exceptions in every environment, so the central handler can answer with the envelope.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<EnvelopeWriter>();
        builder.Services.AddRequestIds();
        builder.Services.AddUserPoolValidation();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(ApiOptions.Section)
                .GetValue(nameof(ApiOptions.MaxRequestBodyBytes), new ApiOptions().MaxRequestBodyBytes));
        return builder;
    }
}
