using Grants.Hosting;
using Grants.Payments.Sanctions;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrantsService("payments", service => service.AddSanctions());
builder.AddSanctions();

var app = builder.Build();
app.MapGrantsDefaults();
app.MapSanctions();
app.Run();

public partial class Program;
