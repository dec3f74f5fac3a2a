using System.Reflection;
using Concordat.Core.History;

namespace Concordat.Core.Tests.History;

public sealed class AuditChainTests
{
    private static AuditEvent Entry(string actorName = "Cara Convenor", string? actingFor = "Test ICB", string action = "OrganisationUpdated",
        string entityName = "Eastvale GP Federation", DateTime? at = null, string? before = """{"Name":"Eastvale GPs"}""") => new()
    {
        Id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
        SystemId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001"),
        OccurredAtUtc = at ?? new DateTime(2026, 12, 6, 14, 30, 15, DateTimeKind.Utc).AddTicks(1_234_567),
        ActorPersonId = Guid.Parse("0193a1b2-0000-7000-8000-000000000002"),
        ActorName = actorName,
        ActingForOrganisationId = null,
        ActingForOrganisationName = actingFor,
        Action = action,
        EntityType = "Organisation",
        EntityId = Guid.Parse("0193a1b2-0000-7000-8000-000000000003"),
        EntityName = entityName,
        BeforeJson = before,
        AfterJson = """{"Name":"Eastvale GP Federation"}""",
    };

    [Fact]
    public void Canonical_IsOneLengthPrefixedLinePerField_InAFixedOrder()
    {
        var entry = Entry();
        entry.Sequence = 7;
        entry.PreviousHash = AuditChain.Genesis;

        Assert.Equal($$"""
            concordat-audit-v1
            Id=36:0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b
            SystemId=36:0193a1b2-0000-7000-8000-000000000001
            Sequence=1:7
            OccurredAtUtc=27:2026-12-06T14:30:15.123456Z
            ActorPersonId=36:0193a1b2-0000-7000-8000-000000000002
            ActorName=13:Cara Convenor
            ActingForOrganisationId=null
            ActingForOrganisationName=8:Test ICB
            DelegationId=null
            Action=19:OrganisationUpdated
            EntityType=12:Organisation
            EntityId=36:0193a1b2-0000-7000-8000-000000000003
            EntityName=22:Eastvale GP Federation
            BeforeJson=23:{"Name":"Eastvale GPs"}
            AfterJson=33:{"Name":"Eastvale GP Federation"}
            PreviousHash=64:{{AuditChain.Genesis}}

            """.ReplaceLineEndings("\n"), AuditChain.Canonical(entry));
        Assert.Matches("^[0-9a-f]{64}$", AuditChain.HashOf(entry));
    }

    [Fact]
    public void Canonical_CoversEveryStoredFieldButTheHashItself()
    {
        var named = AuditChain.Canonical(Entry()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)]);
        var stored = typeof(AuditEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Where(n => n != nameof(AuditEvent.Hash));

        Assert.Equal(stored.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hash_ChangesWithEveryField_AndWithThePreviousHash()
    {
        var baseline = AuditChain.HashOf(Entry());
        var linked = Entry();
        linked.PreviousHash = new string('a', 64);
        var placed = Entry();
        placed.Sequence = 2;
        var variants = new[]
        {
            Entry(actorName: "Cara Convenor "), Entry(actingFor: null), Entry(actingFor: ""), Entry(action: "OrganisationAdded"),
            Entry(entityName: "Eastvale GP federation"), Entry(before: null), Entry(at: new DateTime(2026, 12, 6, 14, 30, 15, DateTimeKind.Utc).AddTicks(1_234_577)),
            linked, placed,
        };

        Assert.All(variants, v => Assert.NotEqual(baseline, AuditChain.HashOf(v)));
        Assert.Equal(variants.Length, variants.Select(AuditChain.HashOf).Distinct().Count());
    }

    [Fact]
    public void Hash_TextMovedBetweenFields_IsNotTheSameEntry()
    {
        // Without the lengths, "Cara" + "Convenor\nActingFor..." and "Cara\nConvenor" + "..." could read the same.
        var one = Entry(actorName: "Cara\nActingForOrganisationId=null\nActingForOrganisationName=8:Test ICB", actingFor: null);
        var other = Entry(actorName: "Cara", actingFor: "Test ICB");

        Assert.NotEqual(AuditChain.HashOf(one), AuditChain.HashOf(other));
    }

    [Fact]
    public void Hash_IgnoresTimeFinerThanAMicrosecond_WhichPostgreSqlDoesNotKeep()
    {
        var at = new DateTime(2026, 12, 6, 14, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560);

        Assert.Equal(AuditChain.HashOf(Entry(at: at)), AuditChain.HashOf(Entry(at: at.AddTicks(9))));
        Assert.NotEqual(AuditChain.HashOf(Entry(at: at)), AuditChain.HashOf(Entry(at: at.AddTicks(10))));
    }
}
