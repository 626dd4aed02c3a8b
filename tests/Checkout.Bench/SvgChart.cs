using System.Globalization;
using System.Security;
using System.Text;

namespace Checkout.Bench;

/// <summary>
/// A hand-written SVG: one row per run, throughput over time (completed checkouts per second, bars) on the left and
/// start-to-awaiting latency percentiles by start second (lines) on the right.
/// </summary>
internal static class SvgChart
{
    private const int Width = 960;
    private const int RowHeight = 250;
    private const int PlotWidth = 400;
    private const int PlotHeight = 170;
    private static readonly (string Name, string Colour, Func<TimelinePoint, double?> Value)[] Lines =
    [
        ("p50", "#2b8a3e", p => p.StartToAwaitingP50Ms),
        ("p95", "#e67700", p => p.StartToAwaitingP95Ms),
        ("p99", "#c92a2a", p => p.StartToAwaitingP99Ms),
    ];

    public static string Render(BenchResult result)
    {
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{(RowHeight * result.Runs.Count) + 10}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        for (var i = 0; i < result.Runs.Count; i++)
        {
            Row(svg, result.Runs[i], i * RowHeight);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Row(StringBuilder svg, RunFigures run, int top)
    {
        Text(svg, 10, top + 18, F($"{run.Label}: {run.CheckoutsPerSecond:F1} checkouts/s, {run.Completed}/{run.Checkouts} completed"), bold: true);
        var points = run.Timeline;
        var seconds = Math.Max(points.Count, 1);
        var maxRate = Math.Max(points.Select(p => p.Completed).DefaultIfEmpty(0).Max(), 1);
        var (x0, y0) = (50, top + 40);
        Axes(svg, x0, y0, $"completed / s (max {maxRate})", seconds);
        var barWidth = (double)PlotWidth / seconds;
        foreach (var p in points)
        {
            var h = (double)PlotHeight * p.Completed / maxRate;
            svg.Append(F($"<rect x=\"{x0 + (p.Second * barWidth):F1}\" y=\"{y0 + PlotHeight - h:F1}\" width=\"{Math.Max(barWidth - 1, 0.5):F1}\" height=\"{h:F1}\" fill=\"#1c7ed6\"/>"));
        }

        var maxMs = Math.Max(points.Select(p => p.StartToAwaitingP99Ms ?? 0).DefaultIfEmpty(0).Max(), 1);
        var x1 = x0 + PlotWidth + 80;
        Axes(svg, x1, y0, F($"start → awaiting ms (max {maxMs:F0})"), seconds);
        foreach (var (name, colour, value) in Lines)
        {
            var coords = points.Where(p => value(p) is not null)
                .Select(p => F($"{x1 + ((p.Second + 0.5) * PlotWidth / seconds):F1},{y0 + PlotHeight - (PlotHeight * value(p)!.Value / maxMs):F1}"));
            svg.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{string.Join(' ', coords)}\"/>"));
            Text(svg, x1 + PlotWidth - 120 + (Array.FindIndex(Lines, l => l.Name == name) * 40), y0 - 6, name, colour: colour);
        }
    }

    private static void Axes(StringBuilder svg, int x, int y, string title, int seconds)
    {
        svg.Append(F($"<line x1=\"{x}\" y1=\"{y + PlotHeight}\" x2=\"{x + PlotWidth}\" y2=\"{y + PlotHeight}\" stroke=\"#333\"/>"));
        svg.Append(F($"<line x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{y + PlotHeight}\" stroke=\"#333\"/>"));
        Text(svg, x, y - 6, title);
        Text(svg, x + PlotWidth - 60, y + PlotHeight + 16, F($"{seconds} s of run"));
    }

    private static void Text(StringBuilder svg, double x, double y, string text, bool bold = false, string colour = "#222") =>
        svg.Append(F($"<text x=\"{x:F1}\" y=\"{y:F1}\" fill=\"{colour}\"{(bold ? " font-weight=\"bold\"" : string.Empty)}>{SecurityElement.Escape(text)}</text>"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
