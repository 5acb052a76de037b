// Sum the layer sizes of each image in a repo-info layer listing (stdin)
// and print one line per image: "<image> <total> MB", where 1 MB is
// 1,000,000 bytes and the total is rounded half up to 0.1 MB.
using System.Globalization;

const long BytesPerMb = 1_000_000; // repo-info's "MB" is decimal: "47.8 MB (47790358 bytes)"

Dictionary<string, long> totals = new(StringComparer.Ordinal);
List<string> order = []; // a Dictionary's enumeration order is not guaranteed
string? image = null;
while (Console.ReadLine() is { } raw)
{
    var line = raw.Trim();
    if (line.StartsWith("### `", StringComparison.Ordinal))
    {
        image = line.Split('`')[1];
        if (totals.TryAdd(image, 0))
        {
            order.Add(image);
        }
    }
    else if (line.StartsWith("Size:", StringComparison.Ordinal) && image is not null)
    {
        totals[image] += LayerBytes(line);
    }
}
foreach (var name in order)
{
    Console.WriteLine($"{name} {FormatMb(totals[name])} MB");
}

// "Size: 28.2 MB (28232655 bytes)" or, under 1 KB, "Size: 250.0 B"
static long LayerBytes(string line)
{
    int open = line.IndexOf('(');
    if (open >= 0)
    {
        var count = line[(open + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture);
    }
    var value = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]; // "250.0"
    return long.Parse(value[..value.IndexOf('.')], NumberStyles.None, CultureInfo.InvariantCulture);
}

// Integers only: no culture-dependent decimal separator, no double rounding.
static string FormatMb(long total)
{
    long tenths = (total * 10 + BytesPerMb / 2) / BytesPerMb;
    return string.Create(CultureInfo.InvariantCulture, $"{tenths / 10}.{tenths % 10}");
}
