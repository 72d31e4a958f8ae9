using Inbound.Domain.SeedWork;

namespace Inbound.Tests.Domain.SeedWork;

public class SequentialIdTests
{
    [Fact]
    public void Ids_made_one_after_another_sort_in_the_order_they_were_made_as_guids_and_as_text_and_are_version_7()
    {
        // Far more than one millisecond holds: the counter runs within each and past its end.
        var ids = Enumerable.Range(0, 20_000).Select(_ => SequentialId.NewGuid()).ToList();

        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
        Assert.Equal(ids, ids.OrderBy(id => id).ToList());
        Assert.Equal(ids.Select(id => id.ToString()), ids.Select(id => id.ToString()).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_made_by_many_threads_at_once_are_all_different()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Parallel.For(0, 20_000, _ => ids.Add(SequentialId.NewGuid()));

        Assert.Equal(20_000, ids.Distinct().Count());
    }
}
