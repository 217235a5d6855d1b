using Grants.Applications;
using Grants.Applications.Calls;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrantsService("applications", service => service.AddCalls(builder.Services));
builder.AddApplicationsService();

var app = builder.Build();
app.MapGrantsDefaults();
app.MapCalls();
app.Run();

public partial class Program;
