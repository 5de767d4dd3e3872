using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UserPool.Api.CustomFields.Promises;
using UserPool.Api.Data;
using UserPool.Api.Data.Configurations;
using UserPool.Api.Data.Entities;
using UserPool.Api.Infrastructure;
using UserPool.Api.Security;
using UserPool.Api.Validation;

namespace UserPool.Api.CustomFields;

public static class CustomFieldEndpoints
{
    public static RouteGroupBuilder MapCustomFields(this RouteGroupBuilder api)
    {
        api.MapPost("/set-custom-fields", SetCustomFields).Validate<SetCustomFieldsRequest>()
            .WithName("setCustomFields").WithTags("Custom fields")
            .WithSummary("Create or update custom field definitions")
            .WithDescription("Defines the keys accounts may carry in customData, with their data type (immutable once set). " +
                "Existing definitions are updated; up to 50 per call. Changing isUnique or encrypted migrates the stored values in the same " +
                "transaction; making a field unique while several accounts share a value is refused (409, apiCode 2026, listing them).");
        api.MapGet("/get-custom-fields", GetCustomFields)
            .WithName("getCustomFields").WithTags("Custom fields")
            .WithSummary("List custom field definitions")
            .WithDescription("The custom field definitions of one target type (USER, ROLE, GROUP or DEPARTMENT).");
        return api;
    }

    private static async Task<Ok<Envelope<List<CustomFieldDto>>>> SetCustomFields(
        SetCustomFieldsRequest? request, CurrentPool pool, UserPoolDbContext db, TimeProvider clock, CustomFieldSecrets secrets, CancellationToken ct)
    {
        // Nullable so that an empty body (the SDK's call without an argument) reaches the validation filter, which
        // validates it as {} and has answered 400 before the handler runs.
        ArgumentNullException.ThrowIfNull(request);
        // Another pool's tenant would link this pool's definitions to data it cannot see.
        await Tenants.TenantReferences.EnsureExistsAsync(db, pool.Id, request.TenantId, ct);
        var items = request.List!.Select(i => i!).ToList();
        try
        {
            return await SaveAsync(items, request.TenantId, pool, db, clock, secrets, ct);
        }
        catch (DbUpdateException race) when (DatabaseConflicts.ConstraintOf(race) == CustomFieldDefinitionConfiguration.PrimaryKey)
        {
            // A concurrent call defined one of these keys first (FOR UPDATE cannot lock a row that does not exist yet).
            // Setting is create-or-update, so run once more: the key now exists and is updated, as a later call would.
            // Should it clash again, DatabaseConflicts answers 409 naming the key.
            db.ChangeTracker.Clear();
            return await SaveAsync(items, request.TenantId, pool, db, clock, secrets, ct);
        }
    }

    private static async Task<Ok<Envelope<List<CustomFieldDto>>>> SaveAsync(List<SetCustomFieldItem> items, string? tenantId,
        CurrentPool pool, UserPoolDbContext db, TimeProvider clock, CustomFieldSecrets secrets, CancellationToken ct)
    {
        var keys = items.Select(i => i.Key!).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // FOR UPDATE, in key order: account writes lock the definitions they use FOR SHARE in the same order, so a
        // change of isUnique or encrypted and the stored values it migrates never miss a concurrent write.
        var existing = await db.CustomFieldDefinitions
            .FromSql($"SELECT * FROM custom_field_definitions WHERE user_pool_id = {pool.Id} AND key = ANY({keys}) ORDER BY target_type, key FOR UPDATE")
            .ToDictionaryAsync(f => (f.TargetType, f.Key), ct);
        var before = existing.ToDictionary(e => e.Key, e => FieldState.Of(e.Value));
        var now = Timestamps.Now(clock);
        var saved = new List<CustomFieldDefinition>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var field = existing.GetValueOrDefault((item.TargetType!, item.Key!));
            if (field is not null && item.DataType is not null && item.DataType != field.DataType)
            {
                var message = RequestLanguage.Pick($"自定义字段 {field.Key} 的 dataType 不能修改", $"The dataType of custom field {field.Key} cannot change");
                throw ApiException.BadRequest(message, [new ItemError(null, $"list[{index}].dataType", ErrorCodes.InvalidValue, message)]);
            }

            if (field is null)
            {
                // A key named twice in one list is created once; the later item updates it like a second call would.
                field = CustomFieldMapping.NewDefinition(pool.Id, item, now, db);
                existing[(field.TargetType, field.Key)] = field;
            }

            CustomFieldMapping.Apply(item, tenantId, field, now);
            if (!saved.Contains(field))
            {
                saved.Add(field);
            }
        }

        await KeepPromisesAsync(db, pool.Id, items, saved, before, secrets, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(Envelope.Success(saved.Select(CustomFieldMapping.ToDto).ToList()));
    }

    /// <summary>Migrates the stored values of every USER field whose isUnique or encrypted changed (see FieldMigration).</summary>
    private static async Task KeepPromisesAsync(UserPoolDbContext db, string poolId, List<SetCustomFieldItem> items,
        List<CustomFieldDefinition> saved, Dictionary<(string, string), FieldState> before, CustomFieldSecrets secrets, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var field in saved.Where(f => f.TargetType == "USER"))
        {
            if (field is { IsUnique: true, Encrypted: true, ProtectedHashKey: null })
            {
                field.ProtectedHashKey = secrets.NewProtectedHashKey();
            }

            if (before.TryGetValue((field.TargetType, field.Key), out var state) && FieldMigration.IsNeeded(state, field))
            {
                var index = items.FindLastIndex(i => i.TargetType == field.TargetType && i.Key == field.Key);
                await FieldMigration.RunAsync(connection, poolId, index, field, state, secrets, ct);
            }
        }
    }

    private static async Task<Ok<Envelope<List<CustomFieldDto>>>> GetCustomFields(
        string? targetType, CurrentPool pool, UserPoolDbContext db, CancellationToken ct)
    {
        if (targetType is null || !CustomFieldTypes.TargetTypes.Contains(targetType))
        {
            throw ApiException.BadRequest(Messages.InvalidFormat("targetType"));
        }

        var fields = await db.CustomFieldDefinitions.AsNoTracking()
            .Where(f => f.UserPoolId == pool.Id && f.TargetType == targetType)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Key)
            .ToListAsync(ct);
        return TypedResults.Ok(Envelope.Success(fields.Select(CustomFieldMapping.ToDto).ToList()));
    }
}
