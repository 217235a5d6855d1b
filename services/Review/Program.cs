using Grants.Hosting;
using Grants.Review.Calls;
using Grants.Review.Cases;
using Grants.Review.Decisions;
using Grants.Review.Reports;

var builder = WebApplication.CreateBuilder(args);
builder.AddGrantsService("review", service => service.AddCalls().AddCases().AddDecisions().AddReports());
builder.Services.AddReviewCases();

var app = builder.Build();
app.MapGrantsDefaults();
app.ScheduleReviewDueDates();
app.MapCalls();
app.MapCases();
app.MapCallAssignments();
app.MapDecisions();
app.MapReports();
app.Run();

public partial class Program;
