using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Concordat.Core.Data;

// Used only by `dotnet ef migrations add`; the connection strings are placeholders that are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConcordatDb>
{
    public SqliteConcordatDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteConcordatDb>().UseSqlite("Data Source=design-time.db").Options, new TenantScope());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConcordatDb>
{
    public PostgresConcordatDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConcordatDb>().UseNpgsql("Host=localhost;Database=concordat_design").Options, new TenantScope());
}
