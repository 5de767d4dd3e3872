namespace UserPool.Api.Passwords;

/// <summary>
/// Work of many pools, served one item per pool in turn: a pool with one job waits for at most one job of each
/// other busy pool, however much the others have queued. What a pool may hold (queued or running) is bounded at
/// admission, in units reserved for a whole batch before any of it is queued.
/// Written by hand: <c>System.Threading.Channels</c> and <c>BlockingCollection</c> are first-come queues, and the
/// reservation must be checked and taken under the same lock as the queues themselves.
/// </summary>
public sealed class FairQueue<T>
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    // The lanes that have queued items, in the order they are served next.
    private readonly LinkedList<Lane> _turns = new();
    private bool _closed;

    /// <summary>Items queued, all pools together.</summary>
    public int Queued { get; private set; }

    /// <summary>Pools with queued items.</summary>
    public int QueuedPools
    {
        get { lock (_gate) { return _turns.Count; } }
    }

    /// <summary>Units <paramref name="key"/> holds: reserved and not yet released.</summary>
    public int Reserved(string key)
    {
        lock (_gate)
        {
            return _lanes.TryGetValue(key, out var lane) ? lane.Reserved : 0;
        }
    }

    /// <summary>Reserves <paramref name="units"/> for <paramref name="key"/> unless it would then hold more than <paramref name="limit"/>.</summary>
    public bool TryReserve(string key, int units, int limit)
    {
        lock (_gate)
        {
            var lane = LaneOf(key);
            if (lane.Reserved + units > limit)
            {
                Forget(lane);
                return false;
            }

            lane.Reserved += units;
            return true;
        }
    }

    /// <summary>Gives back units of a reservation (one per job when it is done, run or cancelled).</summary>
    public void Release(string key, int units)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(key, out var lane))
            {
                lane.Reserved = Math.Max(0, lane.Reserved - units);
                Forget(lane);
            }
        }
    }

    /// <summary>Queues an item at the end of its pool's lane; the handle lets <see cref="TryRemove"/> take it out unserved.</summary>
    public Handle Enqueue(string key, T item)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            var lane = LaneOf(key);
            var node = lane.Waiting.AddLast(item);
            Queued++;
            if (lane.Turn is null)
            {
                lane.Turn = _turns.AddLast(lane);
            }

            Monitor.Pulse(_gate);
            return new Handle(lane, node);
        }
    }

    /// <summary>Takes a queued item out unserved; false when it was already taken.</summary>
    public bool TryRemove(Handle handle)
    {
        lock (_gate)
        {
            if (handle.Node.List is null)
            {
                return false;
            }

            var lane = handle.Lane;
            lane.Waiting.Remove(handle.Node);
            Queued--;
            if (lane.Waiting.Count == 0 && lane.Turn is not null)
            {
                _turns.Remove(lane.Turn);
                lane.Turn = null;
            }

            return true;
        }
    }

    /// <summary>The next item in turn, waiting for one; false once the queue is closed.</summary>
    public bool TryTake(out T item, bool wait = true)
    {
        lock (_gate)
        {
            while (_turns.Count == 0 && !_closed && wait)
            {
                Monitor.Wait(_gate);
            }

            if (_turns.First is not { } first || _closed)
            {
                item = default!;
                return false;
            }

            var lane = first.Value;
            item = lane.Waiting.First!.Value;
            lane.Waiting.RemoveFirst();
            Queued--;
            _turns.RemoveFirst();
            lane.Turn = lane.Waiting.Count > 0 ? _turns.AddLast(lane) : null;
            return true;
        }
    }

    /// <summary>Wakes every waiting taker and hands back what was still queued.</summary>
    public IReadOnlyList<T> Close()
    {
        lock (_gate)
        {
            _closed = true;
            var left = _turns.SelectMany(lane => lane.Waiting).ToList();
            _turns.Clear();
            Queued = 0;
            Monitor.PulseAll(_gate);
            return left;
        }
    }

    private Lane LaneOf(string key)
    {
        if (!_lanes.TryGetValue(key, out var lane))
        {
            lane = new Lane(key);
            _lanes.Add(key, lane);
        }

        return lane;
    }

    /// <summary>An idle pool's lane is dropped, so the table holds only pools with work.</summary>
    private void Forget(Lane lane)
    {
        if (lane.Reserved == 0 && lane.Waiting.Count == 0)
        {
            _lanes.Remove(lane.Key);
        }
    }

    public sealed class Lane(string key)
    {
        public string Key => key;
        internal LinkedList<T> Waiting { get; } = new();
        internal LinkedListNode<Lane>? Turn { get; set; }
        internal int Reserved { get; set; }
    }

    public sealed record Handle(Lane Lane, LinkedListNode<T> Node);
}
