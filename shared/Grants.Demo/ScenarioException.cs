namespace Grants.Demo;

/// <summary>A step of the scenario that did not go as the system promises: what was asked or awaited, and what came back.</summary>
public sealed class ScenarioException(string message) : Exception(message);
