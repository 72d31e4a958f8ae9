using Inbound.Domain.Workflows;
using Microsoft.JSInterop;

namespace Inbound.Web.Workflows.Designer;

/// <summary>Undo and redo, from the toolbar or from the keyboard anywhere in the designer (designer.js listens on the page).</summary>
public sealed partial class WorkflowDesigner
{
    /// <summary>designer.js: undo and redo keys anywhere on the page, and the wheel kept from zooming the page.</summary>
    private async Task<IJSObjectReference?> AttachKeysAndWheelAsync()
    {
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./designer.js");
            _self ??= DotNetObjectReference.Create(this);
            return await module.InvokeAsync<IJSObjectReference>("attach", _canvas, _self);
        }
        catch (JSException) { return null; }
    }

    [JSInvokable]
    public Task UndoFromKeyboard() => _tab == 0 ? InvokeAsync(UndoAsync) : Task.CompletedTask;

    [JSInvokable]
    public Task RedoFromKeyboard() => _tab == 0 ? InvokeAsync(RedoAsync) : Task.CompletedTask;

    private Task UndoAsync() => Restore(_history.Undo());
    private Task RedoAsync() => Restore(_history.Redo());

    private Task Restore(WorkflowDefinition? definition)
    {
        if (definition is null) return Task.CompletedTask;
        Show(definition);
        _dirty = true;
        StateHasChanged();
        return Task.CompletedTask;
    }
}
