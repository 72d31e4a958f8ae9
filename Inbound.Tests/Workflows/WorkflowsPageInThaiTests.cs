using Bunit;
using Inbound.Tests.Localization;
using Inbound.Web.Accounts;
using Inbound.Web.Workflows;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Workflows;

/// <summary>The workflows list rendered over a real installation's services (its seeded demo workflow), in Thai.</summary>
public class WorkflowsPageInThaiTests : MudComponentTest, IClassFixture<InboundApp>
{
    private readonly InboundApp _app;

    public WorkflowsPageInThaiTests(InboundApp app)
    {
        _app = app;
        // The page's own scoped service, made here: the app's root provider does not hand out scoped services.
        Services.AddSingleton(new WorkflowActivity(app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>(), TimeProvider.System));
        Services.AddFallbackServiceProvider(app.Services);
        AddAuthorization().SetAuthorized("admin@inbound.local").SetRoles(Roles.Admin).SetPolicies(Policies.Admin);
    }

    [Fact]
    public async Task A_thai_admin_reads_the_workflows_list_in_thai()
    {
        var seeded = (await _app.Services.GetRequiredService<WorkflowService>().ListAsync())[0];
        using var thai = ThaiCulture.Use();
        RenderPopovers();

        var page = Render<WorkflowsPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("tbody tr"), r => r.TextContent.Contains(seeded.Name)));
        Assert.Equal("เวิร์กโฟลว์", page.Find("h4").TextContent.Trim());
        Assert.Equal(["ชื่อ", "ทริกเกอร์", "สถานะ", "เวอร์ชัน", "แก้ไขล่าสุด", "การทำงาน (24 ชม.)"],
            page.FindAll("thead th").Select(h => h.TextContent.Trim()).Where(t => t.Length > 0));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "เวิร์กโฟลว์ใหม่");
        var status = seeded.Status switch
        {
            Inbound.Domain.Workflows.WorkflowStatus.Published => "เผยแพร่แล้ว",
            Inbound.Domain.Workflows.WorkflowStatus.Disabled => "ปิดใช้งาน",
            _ => "ฉบับร่าง",
        };
        Assert.Contains(status, page.FindAll("tbody tr").First(r => r.TextContent.Contains(seeded.Name)).TextContent);
    }
}
