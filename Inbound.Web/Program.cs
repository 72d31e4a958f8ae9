using Inbound.Web.Accounts;
using Inbound.Web.Channels;
using Inbound.Web.Components;
using Inbound.Web.Data;
using Inbound.Web.Events;
using Inbound.Web.Hosting;
using Inbound.Web.Inbox;
using Inbound.Web.Ingestion;
using Inbound.Web.Overview;
using Inbound.Web.Workflows.Designer;
using Inbound.Web.Workflows;
using Inbound.Web.WebChat;

var builder = WebApplication.CreateBuilder(args);
builder.AddOperatorSettings();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.AddInboundData()
    .AddDomainEvents()
    .AddAccounts()
    .AddIngestion()
    .AddOverview()
    .AddWorkflows()
    .AddInbox()
    .AddWebChat()
    .AddChannels()
    .AddWebUi();
builder.AddWorkflowDesigner();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNotFoundPage();
app.UseRateLimiter();
app.UseWebChatFraming();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapIngestionApi();
app.MapChannels();
app.MapInbox();
app.MapAccountsApi();
app.MapWebUi();

await app.InitializeDatabaseAsync();
app.PrintStartupBanner();
await app.RunAsync();

public partial class Program;
