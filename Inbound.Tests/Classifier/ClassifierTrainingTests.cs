using Inbound.Web.Classifier;

namespace Inbound.Tests.Classifier;

public sealed class ClassifierTrainingTests
{
    [Fact]
    public void Held_out_accuracy_it_reports_is_what_it_reaches_on_conversations_it_never_saw()
    {
        var result = Assert.IsType<TrainingResult.Trained>(TextClassifierTrainer.Train(new PastConversations(seed: 1).Generate(perTeam: 80)));
        Assert.Equal(PastConversations.Teams.Order(), result.Labels);
        Assert.Equal(48, result.HeldOutCount);
        Assert.Equal(192, result.TrainCount);
        Assert.All(result.Metrics.Labels, l => Assert.Equal(16, l.Count));

        var fresh = new PastConversations(seed: 2).Generate(perTeam: 100);
        var measured = TextClassifierTrainer.Measure(TopicModel.Load(result.Model), fresh, result.Labels);

        Assert.InRange(measured.MicroAccuracy, result.Metrics.MicroAccuracy - 0.12, result.Metrics.MicroAccuracy + 0.12);
        Assert.InRange(measured.MacroAccuracy, result.Metrics.MacroAccuracy - 0.12, result.Metrics.MacroAccuracy + 0.12);
        // Three teams: chance is one in three.
        Assert.True(measured.MicroAccuracy > 0.8, $"accuracy {measured.MicroAccuracy:P0}");
    }

    [Fact]
    public void Thai_messages_without_spaces_are_told_apart()
    {
        var result = Assert.IsType<TrainingResult.Trained>(TextClassifierTrainer.Train(new PastConversations(seed: 3).Generate(perTeam: 60)));
        var model = TopicModel.Load(result.Model);

        Assert.Equal("Billing", model.Predict("สวัสดีครับขอคืนเงินค่ะ")?.Label);
        Assert.Equal("Support", model.Predict("สวัสดีค่ะเข้าระบบไม่ได้ช่วยด้วย")?.Label);
    }

    [Fact]
    public void Too_few_conversations_per_label_give_a_reason_rather_than_a_model()
    {
        var samples = new PastConversations(seed: 4).Generate(perTeam: 30).Where(s => s.Label == "Sales").Take(30)
            .Concat(new PastConversations(seed: 5).Generate(perTeam: 12).Where(s => s.Label != "Sales")).ToList();

        var result = Assert.IsType<TrainingResult.TooLittleData>(TextClassifierTrainer.Train(samples));

        Assert.Equal(TextClassifierTrainer.DefaultMinimumPerLabel, result.MinimumPerLabel);
        Assert.Equal([new LabelCount("Billing", 12), new LabelCount("Sales", 30), new LabelCount("Support", 12)], result.Counts);
    }
}
