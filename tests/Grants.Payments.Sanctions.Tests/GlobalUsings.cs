global using Grants.Payments.Sanctions;
global using Grants.Payments.Sanctions.Lists;
global using Grants.Payments.Sanctions.Matching;
global using Grants.Testing;
