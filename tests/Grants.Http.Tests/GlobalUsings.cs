global using Grants.Testing;
