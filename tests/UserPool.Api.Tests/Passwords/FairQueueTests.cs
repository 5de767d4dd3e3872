using UserPool.Api.Passwords;

namespace UserPool.Api.Tests.Passwords;

/// <summary>The hashing scheduler's queue: pools served in turn, holdings bounded at admission, cancelled work leaving.</summary>
public sealed class FairQueueTests
{
    private static List<string> TakeAll(FairQueue<string> queue)
    {
        var served = new List<string>();
        while (queue.TryTake(out var item, wait: false))
        {
            served.Add(item);
        }

        return served;
    }

    [Fact]
    public void Pools_are_served_one_item_each_in_turn_whatever_one_of_them_queued_first()
    {
        var queue = new FairQueue<string>();
        foreach (var i in Enumerable.Range(1, 4))
        {
            queue.Enqueue("a", $"a{i}");
        }

        queue.Enqueue("b", "b1");
        queue.Enqueue("c", "c1");
        queue.Enqueue("b", "b2");

        Assert.Equal(["a1", "b1", "c1", "a2", "b2", "a3", "a4"], TakeAll(queue));
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public void A_pool_that_comes_back_after_emptying_its_lane_joins_the_end_of_the_turns()
    {
        var queue = new FairQueue<string>();
        queue.Enqueue("a", "a1");
        queue.Enqueue("a", "a2");
        queue.Enqueue("b", "b1");
        Assert.True(queue.TryTake(out var first, wait: false));
        Assert.True(queue.TryTake(out var second, wait: false));
        queue.Enqueue("b", "b2");

        Assert.Equal(("a1", "b1"), (first, second));
        Assert.Equal(["a2", "b2"], TakeAll(queue));
    }

    [Fact]
    public void A_reservation_beyond_the_limit_is_refused_whole_and_released_units_make_room_again()
    {
        var queue = new FairQueue<string>();

        Assert.True(queue.TryReserve("a", 30, limit: 50));
        Assert.False(queue.TryReserve("a", 21, limit: 50));
        Assert.Equal(30, queue.Reserved("a"));
        Assert.True(queue.TryReserve("b", 50, limit: 50)); // another pool's bound is its own

        queue.Release("a", 10);
        Assert.True(queue.TryReserve("a", 30, limit: 50));
        Assert.Equal(50, queue.Reserved("a"));
    }

    [Fact]
    public void A_pool_with_nothing_held_is_always_admitted_a_batch_up_to_the_limit()
    {
        var queue = new FairQueue<string>();

        Assert.True(queue.TryReserve("a", 50, limit: 50));
        queue.Release("a", 50);
        Assert.True(queue.TryReserve("a", 50, limit: 50));
    }

    [Fact]
    public void A_removed_item_is_never_served_and_its_pool_leaves_the_turns_when_its_lane_empties()
    {
        var queue = new FairQueue<string>();
        var a1 = queue.Enqueue("a", "a1");
        var a2 = queue.Enqueue("a", "a2");
        queue.Enqueue("b", "b1");

        Assert.True(queue.TryRemove(a1));
        Assert.True(queue.TryRemove(a2));
        Assert.False(queue.TryRemove(a2));
        Assert.Equal(1, queue.QueuedPools);
        Assert.Equal(["b1"], TakeAll(queue));
    }

    [Fact]
    public void An_item_already_taken_cannot_be_removed()
    {
        var queue = new FairQueue<string>();
        var handle = queue.Enqueue("a", "a1");
        Assert.True(queue.TryTake(out _, wait: false));

        Assert.False(queue.TryRemove(handle));
    }

    [Fact]
    public async Task A_waiting_taker_wakes_for_a_new_item_and_for_the_close()
    {
        var queue = new FairQueue<string>();
        var taker = Task.Run(() => queue.TryTake(out var item) ? item : null);
        await Task.Delay(50);
        queue.Enqueue("a", "a1");
        Assert.Equal("a1", await taker.WaitAsync(TimeSpan.FromSeconds(10)));

        var closed = Task.Run(() => queue.TryTake(out _));
        queue.Enqueue("b", "b1");
        await Task.Delay(50);
        var left = queue.Close();
        Assert.True(left.Count <= 1);
        Assert.False(await Task.Run(() => queue.TryTake(out _)).WaitAsync(TimeSpan.FromSeconds(10)));
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
