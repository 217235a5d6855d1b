global using Grants.Contracts;
global using Grants.Payments.Grants;
global using Grants.Testing;
global using Microsoft.Extensions.DependencyInjection;
