namespace Grants.Testing;

// Another process bound a port we had chosen before our server could: worth another try.
internal sealed class PortClashException(string message) : Exception(message);
