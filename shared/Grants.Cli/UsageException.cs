namespace Grants.Cli;

/// <summary>The command line asks for something that cannot be done; the message says what to type instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
