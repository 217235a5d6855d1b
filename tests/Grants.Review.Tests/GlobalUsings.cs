global using Grants.Contracts;
global using Grants.Contracts.Funding;
global using Grants.Hosting.Http;
global using Grants.Review.Calls;
global using Grants.Review.Cases;
global using Grants.Review.Decisions;
global using Grants.Testing;
