using UserPool.Api.Infrastructure;
using UserPool.Api.Validation;

namespace UserPool.Api.Accounts.Pipeline;

/// <summary>
/// Resolves each item's departmentIds by its departmentIdType (department_id, open_department_id or code)
/// and checks its tenantIds exist in the pool.
/// </summary>
public static class ReferenceCheck
{
    public static void Apply(IReadOnlyList<AccountDraft> drafts, LookupResult found, BatchErrors errors)
    {
        foreach (var draft in drafts)
        {
            ResolveDepartments(draft, found.Departments, errors);
            for (var i = 0; i < draft.TenantIds.Count; i++)
            {
                if (!found.TenantIds.Contains(draft.TenantIds[i]))
                {
                    errors.Invalid(draft.Index, $"tenantIds[{i}]", ErrorCodes.NotFound,
                        RequestLanguage.Pick($"租户 {draft.TenantIds[i]} 不存在", $"Tenant {draft.TenantIds[i]} does not exist"));
                }
            }
        }
    }

    private static void ResolveDepartments(AccountDraft draft, IReadOnlyList<DepartmentRow> departments, BatchErrors errors)
    {
        if (draft.DepartmentReferences.Count == 0)
        {
            return;
        }

        Func<DepartmentRow, string?>? idOf = draft.Options.DepartmentIdType switch
        {
            "department_id" => d => d.Id,
            "open_department_id" => d => d.OpenDepartmentId,
            "code" => d => d.Code,
            _ => null,
        };
        if (idOf is null)
        {
            errors.Invalid(draft.Index, "departmentIds", ErrorCodes.NotSupported, RequestLanguage.Pick(
                $"不支持 departmentIdType {draft.Options.DepartmentIdType}，请使用 department_id、open_department_id 或 code",
                $"departmentIdType {draft.Options.DepartmentIdType} is not supported; use department_id, open_department_id or code"));
            return;
        }

        for (var i = 0; i < draft.DepartmentReferences.Count; i++)
        {
            var reference = draft.DepartmentReferences[i];
            var department = departments.FirstOrDefault(d => idOf(d) == reference);
            if (department is null)
            {
                errors.Invalid(draft.Index, $"departmentIds[{i}]", ErrorCodes.NotFound,
                    RequestLanguage.Pick($"部门 {reference} 不存在", $"Department {reference} does not exist"));
            }
            else if (!draft.DepartmentIds.Contains(department.Id))
            {
                draft.DepartmentIds.Add(department.Id);
            }
        }
    }
}
