using Anfragen.Assistant;
using Anfragen.Assistant.Ingestion.OParl;
using Anfragen.Assistant.Web.Auth;
using Anfragen.Assistant.Web.Endpoints;
using Anfragen.Assistant.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddAnfragenAssistant();   // Core: options, index, retriever, drafting, review (app state)
builder.AddWebOptions();          // Anfragen:Web, sample archive location
builder.AddAuthenticationModes(); // Development demo users | OpenIdConnect; roles, clearance
builder.AddWebSecurity();         // antiforgery, cookies, CSP, request limits, rate limits
builder.AddWebUi();               // Blazor (interactive server), OpenAPI, problem details
builder.AddApiJson();             // enums as strings in /api JSON
builder.AddSampleArchiveIngestion(); // first start with an empty index: ingest data/ in the background
builder.AddOParlPeriodicSync();   // Anfragen:OParl:SyncIntervalMinutes > 0: sync the council information system

var app = builder.Build();

app.UseWebSecurity();
app.MapAccountEndpoints();
app.MapApiEndpoints();
app.MapWebUi();

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
