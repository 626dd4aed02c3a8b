using System.Net.Http.Headers;
using Checkout.Domain.Fx;
using Checkout.Domain.ReferenceData;

namespace Checkout.Workflows.Fx;

/// <summary>
/// Fetches the two feeds and builds the rate set they publish (see <see cref="LiveRateSet"/>). Every way a feed can
/// let us down (unreachable, an error status, slower than <see cref="FxOptions.FetchTimeout"/>, not in its format)
/// ends in one <see cref="FxFeedException"/> saying which feed and why.
/// </summary>
public sealed class FxRateFeed(HttpClient http, FxOptions options)
{
    public async Task<ExchangeRateSet> FetchAsync(CancellationToken cancellationToken)
    {
        var ecbTask = FetchAsync(options.Ecb, "ECB", stream => EcbRateParser.Parse(stream, options.Ecb.Address.GetLeftPart(UriPartial.Path)), cancellationToken);
        var supplementarySource = options.Supplementary.Address.GetLeftPart(UriPartial.Path);
        var supplementaryTask = FetchAsync(options.Supplementary, "supplementary", stream => FeedRatesParser.Parse(stream, supplementarySource), cancellationToken);
        await Task.WhenAll(ecbTask, supplementaryTask);
        try
        {
            return LiveRateSet.Combine(ecbTask.Result, supplementaryTask.Result, supplementarySource);
        }
        catch (ReferenceDataException e)
        {
            throw new FxFeedException($"The supplementary feed cannot be restated per euro: {e.Message}", e);
        }
    }

    private async Task<T> FetchAsync<T>(FxFeedOptions feed, string name, Func<Stream, T> parse, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.FetchTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, feed.Address);
        if (!string.IsNullOrEmpty(feed.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", feed.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FxFeedException($"The {name} feed answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return parse(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FxFeedException($"The {name} feed did not answer within {options.FetchTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new FxFeedException($"The {name} feed could not be reached: {e.Message}", e);
        }
        catch (ReferenceDataException e)
        {
            throw new FxFeedException($"The {name} feed's answer was refused: {e.Message}", e);
        }
    }
}

/// <summary>A feed did not give a usable answer; the rates in force stay.</summary>
public sealed class FxFeedException : Exception
{
    public FxFeedException(string message)
        : base(message)
    {
    }

    public FxFeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
