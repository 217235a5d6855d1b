using Grants.Payments;

var builder = WebApplication.CreateBuilder(args);
builder.AddPayments();

var app = builder.Build();
app.MapGrantsDefaults();
app.MapPayments();
app.Run();

public partial class Program;
