// TODO: when the price service is slow, this service waits as long as it takes. Give the
// call a deadline of one second and answer 504 {"error":"upstream timeout"} when it passes.
// An ASP.NET Core minimal API as a .NET team writes one today: the HTTP client comes from
// IHttpClientFactory (AddHttpClient), the replies are TypedResults, and the JSON is
// source-generated (a JsonSerializerContext), so the slim builder needs no reflection.
using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders(); // no log lines per request
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, QuoteJson.Default));

var stubUrl = Environment.GetEnvironmentVariable("STUB_URL")
    ?? throw new InvalidOperationException("STUB_URL is not set");
// A named client from IHttpClientFactory: it pools connections to the price service and
// recycles them (so DNS changes are seen), which a hand-made `new HttpClient()` does not.
builder.Services.AddHttpClient("prices", client => client.BaseAddress = new Uri($"{stubUrl}/price/"));

var app = builder.Build();

// "aborted" is HttpContext.RequestAborted: it fires when our own caller goes away.
app.MapGet("/quote/{sku}", async Task<Results<Ok<Quote>, NotFound<Problem>, JsonHttpResult<Problem>>> (
    string sku, IHttpClientFactory clients, CancellationToken aborted) =>
{
    if (!sku.All(char.IsAsciiLetterOrDigit))
        return TypedResults.NotFound(new Problem("not found"));

    try
    {
        using var response = await clients.CreateClient("prices").GetAsync(sku, aborted);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return TypedResults.NotFound(new Problem("unknown sku"));
        if (response.StatusCode != HttpStatusCode.OK)
            return UpstreamFailed();
        var text = await response.Content.ReadAsStringAsync(aborted);
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cents)
            ? TypedResults.Ok(new Quote(sku, cents))
            : UpstreamFailed();
    }
    catch (HttpRequestException) // could not connect, or the connection broke
    {
        return UpstreamFailed();
    }
});

var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
app.Run($"http://127.0.0.1:{port}");

static JsonHttpResult<Problem> UpstreamFailed() =>
    TypedResults.Json(new Problem("upstream failed"), statusCode: StatusCodes.Status502BadGateway);

record Quote(string Sku, int Cents);
record Problem(string Error);

[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Problem))]
partial class QuoteJson : JsonSerializerContext;
