namespace Grants.Testing;

// A test server could not be had; the message says why and what to do about it.
public sealed class ServerStartException(string message, Exception? inner = null) : Exception(message, inner);
