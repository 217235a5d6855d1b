global using Grants.Contracts;
global using Grants.EventSourcing;
global using Grants.Hosting;
global using Grants.Hosting.Http;
global using Grants.Hosting.Security;
global using Grants.Applications.Common;
