global using Grants.Hosting.Security;
global using Grants.Portal.Accounts;
global using Grants.Portal.Api;
global using Grants.Portal.Resources;
global using Npgsql;
