// TODO: when the price service is slow, this service waits as long as it takes. Give the
// call a deadline of one second and answer 504 {"error":"upstream timeout"} when it passes.
using System.Globalization;
using System.Net;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders(); // no log lines per request

var app = builder.Build();

var stubUrl = Environment.GetEnvironmentVariable("STUB_URL")
    ?? throw new InvalidOperationException("STUB_URL is not set");
// One HttpClient for the whole service: it pools the connections to the price service.
var prices = new HttpClient { BaseAddress = new Uri($"{stubUrl}/price/") };

// "aborted" is HttpContext.RequestAborted: it fires when our own caller goes away.
app.MapGet("/quote/{sku}", async (string sku, CancellationToken aborted) =>
{
    if (!sku.All(char.IsAsciiLetterOrDigit))
        return Results.NotFound(new Problem("not found"));

    try
    {
        using var response = await prices.GetAsync(sku, aborted);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return Results.NotFound(new Problem("unknown sku"));
        if (response.StatusCode != HttpStatusCode.OK)
            return UpstreamFailed();
        var text = await response.Content.ReadAsStringAsync(aborted);
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cents)
            ? Results.Json(new Quote(sku, cents))
            : UpstreamFailed();
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
