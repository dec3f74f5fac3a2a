namespace Concordat.Cli.Spc;

/// <summary>Bad input to an spc command: reported on standard error with exit status 2.</summary>
internal sealed class SpcInputException(string message) : Exception(message);
