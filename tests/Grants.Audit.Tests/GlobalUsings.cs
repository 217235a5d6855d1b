global using Grants.EventSourcing;
global using Grants.Testing;
