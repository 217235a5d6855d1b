using Grants.Applications;
using Grants.Applications.Applications;
using Grants.Applications.Calls;
using Grants.Applications.Grants;
using Grants.Applications.Organisations;
using Grants.Applications.Reports;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrantsService("applications", service => service
    .AddCalls(builder.Services)
    .AddOrganisations(builder.Services)
    .AddApplications(builder.Services)
    .AddGrantsFollowUp(builder.Services));
builder.AddApplicationsService();

var app = builder.Build();
app.MapGrantsDefaults();
app.MapCalls();
app.MapOrganisations();
app.MapApplications();
app.MapGrants();
app.MapReports();
app.Run();

public partial class Program;
