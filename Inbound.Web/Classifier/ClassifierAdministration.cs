using Inbound.Domain.SeedWork;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Classifier;

/// <summary>What the classifier page does: read the settings and the trained models, save the settings, approve a model.</summary>
public sealed class ClassifierAdministration(IDbContextFactory<InboundDbContext> dbFactory, ClassifierTraining training, TopicClassifier classifier,
    TimeProvider clock) : IApprovedClassifier
{
    /// <summary>Models listed on the page, newest first.</summary>
    public const int ModelsShown = 10;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ClassifierOverview> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await SettingsAsync(db, ct);
        var models = await Summaries(Models(db).OrderByDescending(m => m.TrainedAt).Take(ModelsShown)).ToListAsync(ct);
        var approved = models.FirstOrDefault(m => m.IsApproved)
            ?? await Summaries(Models(db).Where(m => m.ApprovedAt != null && m.RetiredAt == null)).FirstOrDefaultAsync(ct);
        return new ClassifierOverview(settings, approved, models);
    }

    /// <summary>The approved model's labels, or null when none is approved: what Classify steps and publishing check against.</summary>
    public async Task<IReadOnlyList<string>?> ApprovedLabelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ApprovedLabelsAsync(db, ct);
    }

    internal static async Task<IReadOnlyList<string>?> ApprovedLabelsAsync(InboundDbContext db, CancellationToken ct) =>
        await db.Set<ClassifierModel>().Where(m => m.ApprovedAt != null && m.RetiredAt == null).Select(m => m.Labels).FirstOrDefaultAsync(ct);

    public async Task SaveSettingsAsync(LabelKind labelKind, double threshold, bool autoApprove, CancellationToken ct = default)
    {
        if (threshold is < 0 or > 1) throw new DomainException("The confidence is between 0 % and 100 %.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Set<ClassifierSettings>().FirstOrDefaultAsync(ct);
        if (settings is null) db.Add(settings = new ClassifierSettings());
        (settings.LabelKind, settings.Threshold, settings.AutoApprove) = (labelKind, threshold, autoApprove);
        await db.SaveChangesAsync(ct);
        classifier.Invalidate();
    }

    /// <summary>Makes the model the one Classify steps use; the one approved before is retired.</summary>
    public async Task ApproveAsync(Guid modelId, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.Set<ClassifierModel>().FirstOrDefaultAsync(m => m.Id == modelId, ct) ?? throw new DomainException("That model no longer exists.");
        if (model.IsApproved) return;
        foreach (var approved in await db.Set<ClassifierModel>().Where(m => m.ApprovedAt != null && m.RetiredAt == null).ToListAsync(ct))
            approved.Retire(Now);
        model.Approve(by, Now);
        await db.SaveChangesAsync(ct);
        classifier.Invalidate();
    }

    public bool Train() => training.Request(nightly: false, Now);

    internal static async Task<ClassifierSettings> SettingsAsync(InboundDbContext db, CancellationToken ct) =>
        await db.Set<ClassifierSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ClassifierSettings();

    private static IQueryable<ClassifierModel> Models(InboundDbContext db) => db.Set<ClassifierModel>().AsNoTracking();

    private static IQueryable<ModelSummary> Summaries(IQueryable<ClassifierModel> models) =>
        models.Select(m => new ModelSummary(m.Id, m.LabelKind, m.Labels, m.Metrics, m.TrainCount, m.HeldOutCount,
            m.TrainedAt, m.Nightly, m.ApprovedAt, m.ApprovedBy, m.RetiredAt));
}

public sealed record ClassifierOverview(ClassifierSettings Settings, ModelSummary? Approved, IReadOnlyList<ModelSummary> Models);

/// <summary>A trained model as the page shows it, without its bytes.</summary>
public sealed record ModelSummary(Guid Id, LabelKind LabelKind, IReadOnlyList<string> Labels, ClassifierMetrics Metrics, int TrainCount, int HeldOutCount,
    DateTime TrainedAt, bool Nightly, DateTime? ApprovedAt, string? ApprovedBy, DateTime? RetiredAt)
{
    public bool IsApproved => ApprovedAt is not null && RetiredAt is null;
}
