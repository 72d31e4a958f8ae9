using Inbound.Domain.Reports;

namespace Inbound.Tests.Domain.Reports;

public class DurationHistogramTests
{
    private static DurationHistogram Of(params int[] seconds)
    {
        var histogram = new DurationHistogram();
        foreach (var s in seconds) histogram.Add(TimeSpan.FromSeconds(s));
        return histogram;
    }

    [Fact]
    public void Median_and_p90_are_nearest_rank_and_exact_for_values_on_bin_edges()
    {
        var histogram = Of(60, 300, 2400, 180, 7200);

        Assert.Equal(TimeSpan.FromSeconds(300), histogram.Median);
        Assert.Equal(TimeSpan.FromSeconds(7200), histogram.P90);
    }

    [Fact]
    public void A_value_between_edges_reads_as_its_bins_lower_edge_within_the_stated_resolution()
    {
        // 2 h 7 min falls in the 10-minute bin from 2 h; 47 s is exact.
        Assert.Equal(TimeSpan.FromHours(2), Of(7620).Median);
        Assert.Equal(TimeSpan.FromSeconds(47), Of(47).Median);
    }

    [Fact]
    public void Stored_histograms_merge_and_a_value_taken_out_is_gone()
    {
        var monday = Of(10, 20);
        var tuesday = Of(30);
        tuesday.Add(TimeSpan.FromSeconds(30), -1);
        tuesday.Add(TimeSpan.FromSeconds(40));

        var week = new DurationHistogram();
        week.MergeBytes(monday.ToBytes());
        week.MergeBytes(tuesday.ToBytes());

        Assert.Equal(3, week.Count);
        Assert.Equal(TimeSpan.FromSeconds(20), week.Median);
        Assert.Equal(TimeSpan.FromSeconds(40), week.P90);
        Assert.Null(new DurationHistogram().Median);
    }
}
