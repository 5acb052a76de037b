// TODO: a client cannot tell a missing item from a real one here. Fix the status code
// of the not-found reply (see the table in the task).
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders(); // no log lines per request
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ItemsJson.Default));

var app = builder.Build();

Dictionary<int, Item> items = new()
{
    [1] = new(1, "keyboard", 4999),
    [2] = new(2, "mouse", 1999),
    [3] = new(3, "monitor", 18999),
};

app.MapGet("/health", () => TypedResults.Ok(new Health("ok")));

// "{id}" rather than "{id:int}": with the constraint, /items/abc would not reach this handler
// and routing would answer a 404 without the JSON body.
app.MapGet("/items/{id}", Results<Ok<Item>, Ok<Problem>> (string id) =>
    int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && items.TryGetValue(n, out var item)
        ? TypedResults.Ok(item)
        : TypedResults.Ok(new Problem("not found")));

var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
app.Run($"http://127.0.0.1:{port}"); // returns when the host stops, on SIGTERM for example

record Health(string Status);
record Item(int Id, string Name, [property: JsonPropertyName("price_cents")] int PriceCents);
record Problem(string Error);

[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Problem))]
partial class ItemsJson : JsonSerializerContext;
