using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Collects the failures of every item and stage, then answers once: 400 when any input is invalid,
/// else 409 for conflicts; the message summarises the first failure, `errors` lists them all.
/// </summary>
public sealed class BatchErrors(bool singleItem)
{
    private readonly List<(ItemError Error, int? ApiCode, bool IsConflict)> _errors = [];

    public bool Any => _errors.Count > 0;

    public bool HasErrorsFor(int index) => _errors.Exists(e => e.Error.Index == index);

    public bool HasErrorFor(int index, string field)
    {
        var path = PathOf(index, field);
        return _errors.Exists(e => e.Error.Field == path);
    }

    /// <summary>The path of a field of item <paramref name="index"/>: list[3].email, or email for a single create.</summary>
    public string PathOf(int index, string field) =>
        singleItem ? field : string.IsNullOrEmpty(field) ? $"list[{index}]" : $"list[{index}].{field}";

    public void Invalid(int index, string field, string code, string message) =>
        _errors.Add((new ItemError(singleItem ? null : index, PathOf(index, field), code, message), null, false));

    public void Conflicting(int index, string field, string message, int apiCode, Conflict conflict) =>
        _errors.Add((new ItemError(singleItem ? null : index, PathOf(index, field), ErrorCodes.AlreadyExists, message) { Conflict = conflict }, apiCode, true));

    public void DuplicateOf(int index, string field, string message, int firstIndex) =>
        _errors.Add((new ItemError(singleItem ? null : index, PathOf(index, field), ErrorCodes.DuplicateInBatch, message)
        {
            Conflict = Conflict.WithItem(firstIndex),
        }, null, false));

    public ApiException ToException()
    {
        var ordered = _errors.OrderBy(e => e.Error.Index ?? -1).ToList();
        var firstInvalid = ordered.FirstOrDefault(e => !e.IsConflict);
        var (lead, status) = firstInvalid.Error is not null ? (firstInvalid, 400) : (ordered[0], 409);
        var more = ordered.Count > 1 ? RequestLanguage.Pick($"（另有 {ordered.Count - 1} 个错误，见 errors）", $" ({ordered.Count - 1} more in errors)") : "";
        var where = singleItem || lead.Error.Index is null ? "" : $"list[{lead.Error.Index}]: ";
        return new ApiException(status, where + lead.Error.Message + more, lead.ApiCode, ordered.Select(e => e.Error).ToList());
    }
}
