using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Classifier;

/// <summary>
/// Predicts with the approved model, in process. The model is loaded once and kept; an approval on this node drops
/// it at once and tells the other nodes (Redis) to drop theirs; without a node bus, a cheap look every minute at which
/// model is approved catches one made elsewhere.
/// </summary>
public sealed class TopicClassifier
{
    private const string Topic = "classifier";
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<InboundDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly NodeBus? nodes;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;
    private volatile bool _stale = true;

    private sealed record Loaded(Guid? ModelId, TopicModel? Model, double Threshold, DateTimeOffset CheckedAt);

    public TopicClassifier(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock, NodeBus? nodes = null)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.nodes = nodes is { ReachesOtherNodes: true } ? nodes : null;
        // Another node approved or retired a model: load it again here too. Lives as long as the app.
        this.nodes?.Subscribe(Topic, _ => _stale = true);
    }

    /// <summary>The approved model or the threshold changed: reload it here and on every other node.</summary>
    public void Invalidate()
    {
        _stale = true;
        nodes?.Publish(Topic, "changed");
    }

    /// <summary>The prediction for a text, or null when no model is approved or the text says nothing.</summary>
    public async ValueTask<TopicPrediction?> PredictAsync(string text, CancellationToken ct)
    {
        var loaded = await CurrentAsync(ct);
        if (loaded.Model?.Predict(text) is not { } prediction) return null;
        return new TopicPrediction(prediction.Label, prediction.Confidence, loaded.Threshold);
    }

    private async ValueTask<Loaded> CurrentAsync(CancellationToken ct)
    {
        var loaded = _loaded;
        if (loaded is not null && !_stale && clock.GetUtcNow() - loaded.CheckedAt < Recheck) return loaded;
        await _loading.WaitAsync(ct);
        try
        {
            loaded = _loaded;
            if (loaded is not null && !_stale && clock.GetUtcNow() - loaded.CheckedAt < Recheck) return loaded;
            _stale = false;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var approvedId = await db.Set<ClassifierModel>().Where(m => m.ApprovedAt != null && m.RetiredAt == null).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            var threshold = (await ClassifierAdministration.SettingsAsync(db, ct)).Threshold;
            var model = approvedId == loaded?.ModelId ? loaded?.Model
                : approvedId is { } id ? TopicModel.Load(await db.Set<ClassifierModel>().Where(m => m.Id == id).Select(m => m.Bytes).SingleAsync(ct))
                : null;
            return _loaded = new Loaded(approvedId, model, threshold, clock.GetUtcNow());
        }
        finally
        {
            _loading.Release();
        }
    }
}
