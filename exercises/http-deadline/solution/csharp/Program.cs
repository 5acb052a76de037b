// A quote service that asks a price service ($STUB_URL) with a 1 s deadline.
using System.Globalization;
using System.Net;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders(); // no log lines per request

var app = builder.Build();

var stubUrl = Environment.GetEnvironmentVariable("STUB_URL")
    ?? throw new InvalidOperationException("STUB_URL is not set");
// One HttpClient for the whole service: it pools the connections to the price service.
var prices = new HttpClient { BaseAddress = new Uri($"{stubUrl}/price/") };
var deadline = TimeSpan.FromSeconds(1);

// "aborted" is HttpContext.RequestAborted: it fires when our own caller goes away.
app.MapGet("/quote/{sku}", async (string sku, CancellationToken aborted) =>
{
    if (!sku.All(char.IsAsciiLetterOrDigit))
        return Results.NotFound(new Problem("not found"));

    // The deadline: give up after one second, or as soon as our caller gives up.
    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    timeout.CancelAfter(deadline);
    try
    {
        using var response = await prices.GetAsync(sku, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return Results.NotFound(new Problem("unknown sku"));
        if (response.StatusCode != HttpStatusCode.OK)
            return UpstreamFailed();
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cents)
            ? Results.Json(new Quote(sku, cents))
            : UpstreamFailed();
    }
    catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
    {
        // Our deadline passed (not our caller hanging up): 504 Gateway Timeout, right away.
        return Results.Json(new Problem("upstream timeout"), statusCode: StatusCodes.Status504GatewayTimeout);
    }
    catch (HttpRequestException) // could not connect, or the connection broke
    {
        return UpstreamFailed();
    }
});

var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
app.Run($"http://127.0.0.1:{port}");

static IResult UpstreamFailed() =>
    Results.Json(new Problem("upstream failed"), statusCode: StatusCodes.Status502BadGateway);

record Quote(string Sku, int Cents);
record Problem(string Error);
