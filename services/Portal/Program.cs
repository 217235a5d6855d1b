using Grants.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
app.MapPortal();
app.Run();

public partial class Program;
