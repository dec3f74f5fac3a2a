namespace Concordat.Cli.Import;

/// <summary>
/// A progress bar on standard error when it is a terminal; silent otherwise, so that logs and pipes get only the
/// final summary. Redraws at most ten times a second.
/// </summary>
internal sealed class ImportProgress : IDisposable
{
    private const int BarWidth = 30;
    private readonly bool _enabled;
    private readonly Lock _gate = new();
    private Timer? _timer;
    private long _lastDraw;
    private bool _drawn;
    private bool _watching;

    private ImportProgress(bool enabled) => _enabled = enabled;

    public static ImportProgress Start() => new(!Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb");

    /// <summary>Shows how far through a file the reader is.</summary>
    public void Watch(string phase, Stream stream)
    {
        if (!_enabled || !stream.CanSeek || stream.Length == 0)
        {
            return;
        }
        _watching = true;
        _timer = new Timer(_ => Draw(phase, (double)stream.Position / stream.Length, "", fromTimer: true), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Counts rows written out of a known total.</summary>
    public IProgress<int>? Counting(string phase, int total)
    {
        StopTimer();
        return _enabled && total > 0 ? new Progress(this, phase, total) : null;
    }

    private sealed class Progress(ImportProgress owner, string phase, int total) : IProgress<int>
    {
        public void Report(int value) => owner.Draw(phase, (double)value / total, $" {value:N0}/{total:N0} rows", force: value == total);
    }

    private void Draw(string phase, double fraction, string detail, bool force = false, bool fromTimer = false)
    {
        lock (_gate)
        {
            if (fromTimer && !_watching)
            {
                return;
            }
            var now = Environment.TickCount64;
            if (!force && now - _lastDraw < 100)
            {
                return;
            }
            _lastDraw = now;
            var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth);
            Console.Error.Write($"\r{phase,-10} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {Math.Clamp(fraction, 0, 1) * 100,3:0}%{detail}   ");
            _drawn = true;
        }
    }

    public void Finish()
    {
        StopTimer();
        lock (_gate)
        {
            if (_drawn)
            {
                Console.Error.WriteLine();
                _drawn = false;
            }
        }
    }

    private void StopTimer()
    {
        // A tick already running checks this flag under the lock, so it cannot draw once the phase is over.
        lock (_gate)
        {
            _watching = false;
        }
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => Finish();
}
