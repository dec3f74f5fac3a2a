using System.Collections;

namespace Concordat.Spc;

/// <summary>The points of an <see cref="XmrAnalysis"/>, built on demand from its compact storage. Enumerating does not allocate.</summary>
public readonly struct XmrPointList : IReadOnlyList<XmrPoint>
{
    private readonly XmrAnalysis analysis;

    internal XmrPointList(XmrAnalysis analysis) => this.analysis = analysis;

    public int Count => analysis.Count;

    public XmrPoint this[int index] => analysis.GetPoint(index);

    public Enumerator GetEnumerator() => new(analysis);

    IEnumerator<XmrPoint> IEnumerable<XmrPoint>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the points, tracking the segment as it goes.</summary>
    public struct Enumerator : IEnumerator<XmrPoint>
    {
        private readonly XmrAnalysis analysis;
        private int index;
        private int segment;

        internal Enumerator(XmrAnalysis analysis)
        {
            this.analysis = analysis;
            index = -1;
        }

        public readonly XmrPoint Current => analysis.CreatePoint(index, segment);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (index + 1 >= analysis.Count)
            {
                return false;
            }

            index++;
            var segments = analysis.Segments;
            if (segment + 1 < segments.Length && segments[segment + 1].Start == index)
            {
                segment++;
            }

            return true;
        }

        public void Reset()
        {
            index = -1;
            segment = 0;
        }

        public readonly void Dispose()
        {
        }
    }
}
