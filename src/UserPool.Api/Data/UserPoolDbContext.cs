using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Data;

public sealed class UserPoolDbContext(DbContextOptions<UserPoolDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Pool> Pools => Set<Pool>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<CustomFieldDefinition> CustomFieldDefinitions => Set<CustomFieldDefinition>();
    public DbSet<CustomFieldUniqueValue> CustomFieldUniqueValues => Set<CustomFieldUniqueValue>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountIdentity> Identities => Set<AccountIdentity>();
    public DbSet<AccountDepartment> AccountDepartments => Set<AccountDepartment>();
    public DbSet<AccountTenant> AccountTenants => Set<AccountTenant>();
    public DbSet<OutboxMessage> NotificationOutbox => Set<OutboxMessage>();
    public DbSet<RequestNonce> RequestNonces => Set<RequestNonce>();
    public DbSet<TransportKey> TransportKeys => Set<TransportKey>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UserPoolDbContext).Assembly);
}
