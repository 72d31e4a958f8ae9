using Inbound.Tests.Localization;
using Inbound.Web.Reports;

namespace Inbound.Tests.Reports;

public class ReportRequestTests
{
    [Fact]
    public void A_thai_readers_report_link_keeps_the_gregorian_dates_it_is_read_back_with()
    {
        using var thai = ThaiCulture.Use();
        var request = new ReportRequest(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), "Asia/Bangkok", null);

        var (period, _) = request.ToPeriod(TimeProvider.System);

        Assert.Equal("from=2026-03-02&to=2026-03-08&zone=Asia%2FBangkok", request.ToQuery(period!));
    }
}
