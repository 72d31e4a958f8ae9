using Bunit;
using Inbound.Tests.Localization;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.People;

namespace Inbound.Tests.Admin;

public class UserRowEditorTests : MudComponentTest
{
    private static readonly TeamOption Support = new(Guid.NewGuid(), "Support");

    private IRenderedComponent<UserRowEditor> RenderRow(bool active)
    {
        RenderPopovers();
        var user = new EditableUser(new UserRow("u1", "ana@example.com", "Ana", null, Roles.Agent, [Support.Id], 3, active));
        return Render<UserRowEditor>(p => p.Add(x => x.User, user).Add(x => x.Teams, [Support]));
    }

    [Fact]
    public void A_thai_admin_reads_a_person_row_in_thai()
    {
        using var thai = ThaiCulture.Use();

        var row = RenderRow(active: false);

        Assert.Equal("ปิดใช้งานแล้ว", row.Find("[data-testid=user-deactivated]").TextContent.Trim());
        Assert.Contains(row.FindAll("button"), b => b.TextContent.Trim() == "บันทึก");
        Assert.Contains("aria-label=\"บทบาทของ Ana\"", row.Markup);
        Assert.Contains("เจ้าหน้าที่", row.Markup);
        Assert.DoesNotContain(">Save<", row.Markup);
    }

    [Fact]
    public void An_english_admin_reads_the_role_by_its_name()
    {
        var row = RenderRow(active: true);

        Assert.Contains("aria-label=\"Role of Ana\"", row.Markup);
        Assert.Contains(row.FindAll("button"), b => b.TextContent.Trim() == "Save");
        Assert.Empty(row.FindAll("[data-testid=user-deactivated]"));
    }
}
