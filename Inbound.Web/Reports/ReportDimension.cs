namespace Inbound.Web.Reports;

/// <summary>What a bucket's key names. Team rows carry the team in the bucket's TeamId and an empty key.</summary>
public enum ReportDimension
{
    Team,
    Agent,
    Channel,
    Workflow,
    Source,
    Category,
}

/// <summary>An hour bucket, or a whole UTC day of them: a long period reads its full days and only its edges by the hour.</summary>
public enum BucketGrain
{
    Hour,
    Day,
}

public enum DurationMetric
{
    FirstResponse,
    Assignment,
    Resolution,
}
