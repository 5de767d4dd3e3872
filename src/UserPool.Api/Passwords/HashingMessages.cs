using UserPool.Api.Infrastructure;

namespace UserPool.Api.Passwords;

internal static class HashingMessages
{
    public static ApiException Busy(TimeSpan retryAfter) => ApiException.TooManyRequests(
        RequestLanguage.Pick("该用户池等待处理的密码过多，请稍后重试", "Too many passwords of this pool are waiting to be hashed; retry later"),
        retryAfter);
}
