namespace Inbound.Web.Classifier;

/// <summary>One past conversation as the classifier sees it: the contact's first messages and what it turned out to be.</summary>
public sealed class TrainingSample
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";

    public TrainingSample() { }

    public TrainingSample(string text, string label)
    {
        Text = text;
        Label = label;
    }
}
