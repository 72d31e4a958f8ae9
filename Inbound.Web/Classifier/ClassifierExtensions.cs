namespace Inbound.Web.Classifier;

public static class ClassifierExtensions
{
    /// <summary>The offline text classifier: training in the background, nightly retraining, in-process prediction.</summary>
    public static IHostApplicationBuilder AddClassifier(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<ClassifierTraining>();
        builder.Services.AddSingleton<TopicClassifier>();
        builder.Services.AddSingleton<ClassifierAdministration>();
        builder.Services.AddSingleton<IApprovedClassifier>(sp => sp.GetRequiredService<ClassifierAdministration>());
        builder.Services.AddHostedService<ClassifierTrainingWorker>();
        builder.Services.AddHostedService<NightlyClassifierRetraining>();
        return builder;
    }
}
