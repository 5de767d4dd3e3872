namespace UserPool.Api.CustomFields;

public static class CustomFieldTypes
{
    public static readonly string[] TargetTypes = ["USER", "ROLE", "GROUP", "DEPARTMENT"];
    public static readonly string[] DataTypes = ["STRING", "NUMBER", "DATETIME", "BOOLEAN", "ENUM"];

    /// <summary>
    /// A field defined without a dataType (the SDK's tests send the non-existent SELECT, which serializes
    /// to nothing) holds strings.
    /// </summary>
    public const string DefaultDataType = "STRING";
}
