using Inbound.Web.Accounts;
using Inbound.Web.Admin;
using Inbound.Web.Ai;
using Inbound.Web.Channels;
using Inbound.Web.Classifier;
using Inbound.Web.Components;
using Inbound.Web.Data;
using Inbound.Web.Events;
using Inbound.Web.Hosting;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Presence;
using Inbound.Web.Knowledge;
using Inbound.Web.Operations;
using Inbound.Web.Ingestion;
using Inbound.Web.Overview;
using Inbound.Web.Queues;
using Inbound.Web.Reports;
using Inbound.Web.ScaleOut;
using Inbound.Web.Sla;
using Inbound.Web.Workflows.Designer;
using Inbound.Web.Workflows;
using Inbound.Web.WebChat;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperatorSettings();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.AddInboundData()
    .AddScaleOut()
    .AddDomainEvents()
    .AddAccounts()
    .AddIngestion()
    .AddOverview()
    .AddQueues()
    .AddReports()
    .AddSla()
    .AddWorkflows()
    .AddClassifier()
    .AddInbox()
    .AddPresence()
    .AddWebChat()
    .AddAdministration()
    .AddChannels()
    .AddAi()
    .AddKnowledge()
    .AddWebUi();
builder.AddWorkflowDesigner();
builder.AddHealth();
builder.AddTelemetry();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNotFoundPage();
app.UseRateLimiter();
app.UseWebChatFraming();
app.UseAuthentication();
app.UseWebChatCircuitLimit();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealth();
app.MapTelemetry();
app.MapStaticAssets();
app.MapOpenApi();
app.MapIngestionApi();
app.MapChannels();
app.MapWebChatScriptApi();
app.MapInbox();
app.MapQueuesApi();
app.MapReportsApi();
app.MapAccountsApi();
app.MapAdministration();
app.MapWebUi();

await app.InitializeDatabaseAsync();
app.PrintStartupBanner();
await app.RunAsync();

public partial class Program;
