// TODO: line 1 of stdin is "versions v1 v2 ..." (the published versions of one package).
// Every other line is a comma-separated list of constraints that must ALL hold
// (^ caret, ~ tilde, >=, <=, >, <, =). Print "<line> -> <highest matching version>",
// or "<line> -> CONFLICT" when no version satisfies them all.
// The operators are right. The comparisons are not: what is CompareOrdinal("1.10.0", "1.9.3")?
using System.Globalization;

var versions = (Console.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
while (Console.ReadLine() is { } line)
{
    var wanted = line.Trim();
    if (wanted.Length == 0)
    {
        continue;
    }
    var constraints = wanted.Split(',', StringSplitOptions.TrimEntries);
    var best = versions
        .Where(v => constraints.All(c => Allows(c, v)))
        .Order(StringComparer.Ordinal)
        .LastOrDefault() ?? "CONFLICT";
    Console.WriteLine($"{wanted} -> {best}");
}

static bool Allows(string constraint, string v)
{
    var (op, bound) = ParseConstraint(constraint);
    int c = string.CompareOrdinal(v, bound);
    return op switch
    {
        "^" => c >= 0 && string.CompareOrdinal(v, CaretUpper(bound)) < 0,
        "~" => c >= 0 && string.CompareOrdinal(v, TildeUpper(bound)) < 0,
        ">=" => c >= 0,
        "<=" => c <= 0,
        ">" => c > 0,
        "<" => c < 0,
        _ => c == 0,
    };
}

static (string Op, string Bound) ParseConstraint(string constraint)
{
    string[] ops = ["^", "~", ">=", "<=", ">", "<", "="]; // ">=" before ">", "<=" before "<"
    foreach (var op in ops)
    {
        if (constraint.StartsWith(op, StringComparison.Ordinal))
        {
            return (op, constraint[op.Length..]);
        }
    }
    return ("=", constraint);
}

static int[] Fields(string v) =>
    v.Split('.').Select(f => int.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();

static string CaretUpper(string v) => Fields(v) switch
{
    [> 0 and var major, _, _] => Version(major + 1, 0, 0),
    [0, > 0 and var minor, _] => Version(0, minor + 1, 0),
    [0, 0, var patch] => Version(0, 0, patch + 1),
    _ => throw new FormatException($"not MAJOR.MINOR.PATCH: {v}"),
};

static string TildeUpper(string v) => Fields(v) switch
{
    [var major, var minor, _] => Version(major, minor + 1, 0),
    _ => throw new FormatException($"not MAJOR.MINOR.PATCH: {v}"),
};

static string Version(int major, int minor, int patch) =>
    string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
