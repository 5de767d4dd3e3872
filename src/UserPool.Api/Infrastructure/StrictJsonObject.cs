namespace UserPool.Api.Infrastructure;

/// <summary>
/// A request object whose JSON keys are checked by <see cref="JsonFieldRules"/>: every property also answers to
/// its snake_case spelling (the Authing docs' Python sample writes them so, and the Python SDK sends list items as
/// given), the two spellings of one field in one object are refused, and a key that names no property is refused
/// (or skipped, with Api:UnknownFields=Ignore) instead of being dropped without a word.
/// </summary>
public abstract record StrictJsonObject
{
    /// <summary>
    /// One bit per field that has two spellings, set when either arrives. Kept on the object itself because a
    /// body may be read across several threads (async buffering), and so an explicit null counts as given.
    /// </summary>
    internal ulong SpellingsGiven;

    /// <summary>The bookkeeping above is not part of the value.</summary>
    public virtual bool Equals(StrictJsonObject? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();
}
