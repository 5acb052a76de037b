// The lab's reference service: GET /health and GET /items/{id}, JSON, on 127.0.0.1:$PORT.
// An ASP.NET Core minimal API on Kestrel, written as the `webapiaot` template writes one, so
// that the same file runs on the JIT and compiles with Native AOT: a slim builder and
// source-generated JSON (no reflection at run time).
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, LabJson.Default));

var app = builder.Build();
app.MapGet("/health", () => new Health("ok"));
app.MapGet("/items/{id}", Results<Ok<Item>, NotFound<Problem>> (string id) =>
    id.Length <= 9 && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        ? TypedResults.Ok(new Item(n, $"item-{id}", n * 100L))
        : TypedResults.NotFound(new Problem("not found")));

var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
app.Run($"http://127.0.0.1:{port}");

record Health(string Status);
record Item(int Id, string Name, [property: JsonPropertyName("price_cents")] long PriceCents);
record Problem(string Error);

[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Problem))]
partial class LabJson : JsonSerializerContext;
