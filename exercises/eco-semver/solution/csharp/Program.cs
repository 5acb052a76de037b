// Semver resolver: line 1 is "versions v1 v2 ..."; every other line is a comma-separated list
// of constraints that must all hold. Print "<line> -> <highest matching version>" or CONFLICT.

// System.Version compares Major, Minor and Build (our PATCH) as numbers, field by field.
var versions = (Console.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
    .Select(Version.Parse)
    .ToList();
while (Console.ReadLine() is { } line)
{
    var wanted = line.Trim();
    if (wanted.Length == 0)
    {
        continue;
    }
    var constraints = wanted.Split(',', StringSplitOptions.TrimEntries);
    var best = versions.Where(v => constraints.All(c => Allows(c, v))).Max();
    Console.WriteLine($"{wanted} -> {best?.ToString() ?? "CONFLICT"}");
}

static bool Allows(string constraint, Version v)
{
    var (op, text) = ParseConstraint(constraint);
    var bound = Version.Parse(text);
    return op switch
    {
        "^" => v >= bound && v < CaretUpper(bound),
        "~" => v >= bound && v < new Version(bound.Major, bound.Minor + 1, 0),
        ">=" => v >= bound,
        "<=" => v <= bound,
        ">" => v > bound,
        "<" => v < bound,
        _ => v == bound,
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

static Version CaretUpper(Version v) => v switch
{
    { Major: > 0 } => new(v.Major + 1, 0, 0),
    { Minor: > 0 } => new(0, v.Minor + 1, 0),
    _ => new(0, 0, v.Build + 1),
};
