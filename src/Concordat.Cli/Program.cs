using System.CommandLine;
using Concordat.Cli.Audit;
using Concordat.Cli.Database;
using Concordat.Cli.Export;
using Concordat.Cli.Import;
using Concordat.Cli.Infrastructure;
using Concordat.Cli.People;
using Concordat.Cli.Spc;
using Concordat.Cli.Stats;
using Concordat.Cli.Systems;
using Concordat.Cli.Tokens;

var root = new RootCommand("Concordat: run a health system's shared strategy from the command line.")
{
    CliHost.ConnectionStringOption,
    CliHost.ProviderOption,
    MigrateCommand.Create(),
    DemoCommand.Create(),
    SystemsCommand.Create(),
    Concordat.Cli.National.NationalBodiesCommand.Create(),
    UsersCommand.Create(),
    PeopleCommand.Create(),
    TokensCommand.Create(),
    BackupCommand.Create(),
    SpcCommand.Create(),
    StatsCommand.Create(),
    ImportCommand.Create(),
    ExportCommand.Create(),
    AuditCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
