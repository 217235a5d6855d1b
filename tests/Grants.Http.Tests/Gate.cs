namespace Grants.Http.Tests;

/// <summary>Holds a request inside its handler until the test lets it go, so another can arrive meanwhile.</summary>
public sealed class Gate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
