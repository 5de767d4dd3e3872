using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Deletion;

public static class DeleteMessages
{
    public static string SameAccount(int firstIndex) => RequestLanguage.Pick(
        $"与 userIds[{firstIndex}] 是同一个账号", $"Names the same account as userIds[{firstIndex}]");
}
