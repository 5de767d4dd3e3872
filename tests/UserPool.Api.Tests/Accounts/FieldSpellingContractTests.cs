using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using UserPool.Api.Accounts.Contracts;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

/// <summary>
/// Every field of the create-accounts request objects answers to its snake_case spelling exactly as to its
/// camelCase one, and the names the official SDKs send are all known (so refusing unknown keys cannot break them).
/// </summary>
public sealed class FieldSpellingContractTests
{
    public static TheoryData<Type> RequestTypes =>
    [
        typeof(CreateAccountsBatchRequest), typeof(CreateAccountItem), typeof(CreateAccountOptions),
        typeof(SendNotificationOptions), typeof(IdentityInput), typeof(OtpInput),
    ];

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void EveryField_ReadInSnakeCase_EqualsTheSameFieldInCamelCase(Type type)
    {
        foreach (var property in Fields(type))
        {
            var camel = Read(type, property.Name);
            var snake = Read(type, JsonFieldRules.SnakeCase(property.Name));

            Assert.NotEqual(Read(type, null), camel);
            Assert.Equal(camel, snake);
        }
    }

    /// <summary>The keys of the seed's Python sample (批量创建用户), item, identity, options and sendNotification.</summary>
    [Theory]
    [InlineData(typeof(CreateAccountItem), "status email password_encrypt_type phone phone_country_code username name nickname photo gender " +
        "email_verified phone_verified birthdate country province city address street_address postal_code external_id department_ids " +
        "custom_data password reset_password_on_fisrt_login tenant_ids identities")]
    [InlineData(typeof(IdentityInput), "ext_idp_id provider type user_id_in_idp")]
    [InlineData(typeof(CreateAccountOptions), "keep_password auto_generate_password reset_password_on_first_login department_id_type send_notification")]
    [InlineData(typeof(SendNotificationOptions), "send_email_notification send_phone_notification app_id")]
    public void SeedPythonSampleKeys_AreAllKnown(Type type, string keys) =>
        Assert.Empty(keys.Split(' ').Except(KnownNames(type)));

    /// <summary>
    /// The JSON keys the official SDKs write for these objects, read from their sources: authing-node-sdk 4.0.1
    /// src/models (CreateUserInfoDto, CreateUserReqDto, CreatePublicAccountReqDto, CreateIdentityDto,
    /// CreateUserOptionsDto, CreatePublicAccountOptionsDto, SendCreateAccountNotificationDto, Create*OtpDto, the batch
    /// DTOs); authing-golang-sdk 912567a dto/*.go json tags (the same names); authing-java-sdk 0ee2a36
    /// cn.authing.sdk.java.dto @JsonProperty names (the same; Jackson leaves nulls out); authing-py-sdk 0e0e0aa
    /// create_user / create_public_account build camelCase bodies of these names and send list items and options as
    /// the caller gives them.
    /// </summary>
    [Theory]
    [InlineData(typeof(CreateAccountsBatchRequest), "list options")]
    [InlineData(typeof(CreateAccountItem), "status email phone phoneCountryCode username externalId name nickname photo gender emailVerified " +
        "phoneVerified birthdate country province city address streetAddress postalCode company browser device givenName familyName " +
        "middleName profile preferredUsername website zoneinfo locale formatted region password salt tenantIds otp departmentIds " +
        "customData metadataSource identities identityNumber options")]
    [InlineData(typeof(IdentityInput), "extIdpId provider type userIdInIdp userInfoInIdp accessToken refreshToken originConnIds")]
    [InlineData(typeof(OtpInput), "secret recoveryCode")]
    [InlineData(typeof(CreateAccountOptions), "keepPassword autoGeneratePassword resetPasswordOnFirstLogin departmentIdType sendNotification passwordEncryptType")]
    [InlineData(typeof(SendNotificationOptions), "sendEmailNotification sendPhoneNotification appId")]
    public void OfficialSdkKeys_AreAllKnown(Type type, string keys) => Assert.Empty(keys.Split(' ').Except(KnownNames(type)));

    [Theory]
    [InlineData("externalID", "externalId")]
    [InlineData("ExternalId", "externalId")]
    [InlineData("extrnalId", "externalId")]
    [InlineData("external_idd", "external_id")]
    [InlineData("mail", "email")]
    [InlineData("favouriteColour", null)]
    [InlineData("x", null)]
    public void NearestField_IsSuggestedOnlyWhenItIsASlip(string key, string? expected) =>
        Assert.Equal(expected, FieldSuggestions.Nearest(key, KnownNames(typeof(CreateAccountItem))));

    [Fact]
    public void NearestField_OfAKeyLongerThanTheBound_IsNotComputed() =>
        Assert.Null(FieldSuggestions.Nearest(new string('e', JsonPaths.MaxKeyLength + 1), ["e"]));

    [Theory]
    [InlineData("$.list[12].options.foo", "list[12].options.foo", "list[12].options.", 12)]
    [InlineData("$.foo", "foo", "", null)]
    [InlineData("$['a b']", "['a b']", "", null)]
    [InlineData("$.list[0]['it\\'s']", "list[0]['it's']", "list[0]", 0)]
    [InlineData("$.options.dryRun", "options.dryRun", "options.", null)]
    public void JsonPaths_AreNamedAsItemErrorsNameFields(string jsonPath, string field, string parent, int? index)
    {
        var path = JsonPaths.Of(jsonPath);
        Assert.Equal((field, parent, index), (path.Field, path.Parent, path.ItemIndex));
    }

    private static IEnumerable<JsonPropertyInfo> Fields(Type type) =>
        JsonDefaults.Options.GetTypeInfo(type).Properties.Where(p => p.Get is not null && !p.IsExtensionData);

    private static HashSet<string> KnownNames(Type type) =>
        JsonDefaults.Options.GetTypeInfo(type).Properties.Where(p => !p.IsExtensionData).Select(p => p.Name).ToHashSet();

    /// <summary>An object with one field given a value of its type (or none), written back in the canonical form.</summary>
    private static string Read(Type type, string? key)
    {
        var body = new JsonObject();
        if (key is not null)
        {
            var property = Fields(type).Single(p => p.Name == key || JsonFieldRules.SnakeCase(p.Name) == key);
            body[key] = SampleOf(property.PropertyType);
        }

        return JsonSerializer.Serialize(JsonSerializer.Deserialize(body.ToJsonString(), type, JsonDefaults.Options), type, JsonDefaults.Options);
    }

    private static JsonNode SampleOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "v",
        var t when t == typeof(bool) => true,
        var t when t == typeof(JsonElement) => new JsonObject { ["k"] = 1 },
        var t when t == typeof(string[]) => new JsonArray("v"),
        var t when t.IsArray || t.IsGenericType => new JsonArray(new JsonObject()),
        _ => new JsonObject(),
    };
}
