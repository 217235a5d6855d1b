namespace Grants.Lifecycle.Tests;

/// <summary>The scenario takes minutes, so every test class of the lifecycle shares one run.</summary>
[CollectionDefinition(Name)]
public sealed class SharedRun : ICollectionFixture<LifecycleRun>
{
    public const string Name = "lifecycle";
}
