using System.Text.Json;
using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Designer;

/// <summary>Reads an exported workflow back, turning what is wrong with the file into one message a person can act on.</summary>
public static class WorkflowImport
{
    public static WorkflowDefinition Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) throw new WorkflowImportException("The file is empty.");
        try
        {
            var definition = WorkflowJson.Deserialize(json);
            if (definition.Nodes.Count == 0) throw new WorkflowImportException("The file holds no steps: is it a workflow exported from Inbound?");
            return definition;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new WorkflowImportException($"This is not a workflow file{where}: {FirstSentence(e.Message)}");
        }
        catch (NotSupportedException e)
        {
            throw new WorkflowImportException($"This file has a step the designer does not know: {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.') + ".";
}

public sealed class WorkflowImportException(string message) : Exception(message);
