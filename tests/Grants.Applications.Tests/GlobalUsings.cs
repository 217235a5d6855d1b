global using Grants.Applications.Common;
global using Grants.Contracts;
global using Grants.Hosting.Http;
global using Grants.Testing;
