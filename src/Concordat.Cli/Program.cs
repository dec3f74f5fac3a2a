using System.CommandLine;
using Concordat.Cli.Spc;

var root = new RootCommand("Concordat: run a health system's shared strategy from the command line.")
{
    SpcCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
