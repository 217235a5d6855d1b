using Grants.Payments;
using Grants.Payments.Sanctions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPayments();
builder.AddSanctions();

var app = builder.Build();
app.MapGrantsDefaults();
app.MapPayments();
app.MapSanctions();
app.Run();

public partial class Program;
