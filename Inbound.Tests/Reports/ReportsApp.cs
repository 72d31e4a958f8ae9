namespace Inbound.Tests.Reports;

/// <summary>The demo installation with <see cref="ReportDataSet"/>'s week written into it once.</summary>
public sealed class ReportsApp : InboundApp
{
    public ReportDataSet Data { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await ReportDataSet.SeedAsync(this);
    }
}
