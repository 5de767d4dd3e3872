namespace UserPool.Api.Validation;

/// <summary>Stable machine-readable codes of item errors (the message may change; these do not).</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string InvalidFormat = "invalid_format";
    public const string InvalidValue = "invalid_value";
    public const string InvalidText = "invalid_text";
    public const string TooLong = "too_long";
    public const string UnsupportedField = "unsupported_field";
    public const string NotSupported = "not_supported";
    public const string DuplicateInBatch = "duplicate_in_batch";
    public const string AlreadyExists = "already_exists";
    public const string NotFound = "not_found";
    public const string UndefinedCustomField = "undefined_custom_field";
    public const string CustomFieldType = "custom_field_type";
    public const string DecryptionFailed = "decryption_failed";
    public const string InvisibleCharacter = "invisible_character";
    public const string UnassignedCharacter = "unassigned_character";
    public const string NotPossiblePhone = "not_possible_phone";
}
