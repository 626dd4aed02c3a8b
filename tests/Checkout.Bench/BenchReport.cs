using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Checkout.Bench;

/// <summary>Writes a bench's JSON, SVG chart and markdown summary side by side under the output folder.</summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Returns the path of the JSON file; the .svg and .md share its name.</summary>
    public static string Write(BenchResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, "bench-" + result.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(result, Json));
        File.WriteAllText(stem + ".svg", SvgChart.Render(result));
        File.WriteAllText(stem + ".md", MarkdownSummary.Write(result));
        return stem + ".json";
    }
}
