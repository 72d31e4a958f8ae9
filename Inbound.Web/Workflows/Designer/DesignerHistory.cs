using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// Undo and redo of the designer's last edits, as snapshots of the definition's JSON: restoring one reloads the
/// canvas from the definition, so every kind of edit (move, link, settings, delete) undoes the same way.
/// </summary>
public sealed class DesignerHistory(int capacity = 50)
{
    private readonly List<string> _undo = [];
    private readonly Stack<string> _redo = new();
    private string _current = "";

    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;

    /// <summary>Starts over from a definition (a load or an import): nothing to undo.</summary>
    public void Reset(WorkflowDefinition definition)
    {
        _undo.Clear();
        _redo.Clear();
        _current = WorkflowJson.Serialize(definition);
    }

    /// <summary>Records the definition after an edit; returns false when nothing changed.</summary>
    public bool Record(WorkflowDefinition definition)
    {
        var json = WorkflowJson.Serialize(definition);
        if (json == _current) return false;
        _undo.Add(_current);
        if (_undo.Count > capacity) _undo.RemoveAt(0);
        _redo.Clear();
        _current = json;
        return true;
    }

    public WorkflowDefinition? Undo()
    {
        if (!CanUndo) return null;
        _redo.Push(_current);
        _current = _undo[^1];
        _undo.RemoveAt(_undo.Count - 1);
        return WorkflowJson.Deserialize(_current);
    }

    public WorkflowDefinition? Redo()
    {
        if (!CanRedo) return null;
        _undo.Add(_current);
        _current = _redo.Pop();
        return WorkflowJson.Deserialize(_current);
    }
}
