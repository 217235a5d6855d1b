using Grants.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrantsService("applications");

var app = builder.Build();
app.MapGrantsDefaults();
app.Run();

public partial class Program;
