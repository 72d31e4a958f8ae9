namespace Inbound.Web.Workflows.Designer;

public static class DesignerExtensions
{
    public static IHostApplicationBuilder AddWorkflowDesigner(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DesignerChoicesQuery>();
        builder.Services.AddScoped<WorkflowActivity>();
        return builder;
    }
}
