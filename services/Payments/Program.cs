using Grants.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrantsService("payments");

var app = builder.Build();
app.MapGrantsDefaults();
app.Run();

public partial class Program;
