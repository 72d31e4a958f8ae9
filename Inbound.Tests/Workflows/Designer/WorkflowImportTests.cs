using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

public class WorkflowImportTests
{
    [Fact]
    public void An_exported_workflow_imports_back_identical()
    {
        var definition = WorkflowSamples.EveryStepType();

        var imported = WorkflowImport.Parse(WorkflowJson.Serialize(definition));

        Assert.Equal(WorkflowJson.Serialize(definition), WorkflowJson.Serialize(imported));
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("{ not json", "This is not a workflow file")]
    [InlineData("{\"nodes\":[]}", "The file holds no steps")]
    [InlineData("{\"nodes\":[{\"kind\":\"teleport\",\"id\":\"x\"}]}", "This is not a workflow file")]
    public void A_file_that_is_not_a_workflow_is_refused_with_a_reason(string json, string reason)
    {
        var error = Assert.Throws<WorkflowImportException>(() => WorkflowImport.Parse(json));

        Assert.StartsWith(reason, error.Message);
    }

    [Fact]
    public void An_imported_workflow_with_problems_is_read_so_that_validation_can_list_them()
    {
        var broken = new WorkflowDefinition().Add(new SendMessageStep { Id = "m" });

        var imported = WorkflowImport.Parse(WorkflowJson.Serialize(broken));

        Assert.Contains(WorkflowValidator.Validate(imported), i => i.Message.StartsWith("Add a trigger", StringComparison.Ordinal));
    }
}
