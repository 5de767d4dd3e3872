using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data.Configurations;

/// <summary>
/// Every key includes user_pool_id, so the schema can be sharded by pool (Citus) without changes.
/// These helpers keep that rule in one place.
/// </summary>
internal static class PoolScoped
{
    public const int IdLength = 24;

    public static void BelongsToPool<T>(this EntityTypeBuilder<T> entity, string constraintName) where T : class =>
        entity.HasOne<Pool>().WithMany().HasForeignKey("UserPoolId")
            .HasConstraintName(constraintName).OnDelete(DeleteBehavior.Cascade);

    public static void BelongsToAccount<T>(this EntityTypeBuilder<T> entity, string constraintName) where T : class =>
        entity.HasOne<Account>().WithMany().HasForeignKey("UserPoolId", "AccountId")
            .HasPrincipalKey(a => new { a.UserPoolId, a.Id })
            .HasConstraintName(constraintName).OnDelete(DeleteBehavior.Cascade);
}
