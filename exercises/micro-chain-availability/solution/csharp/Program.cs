// Reference solution: the request succeeds only if every service is up, so the
// availabilities multiply. Each extra hop can only lower the result.
using System.Globalization;

const long Ppm = 1_000_000;
const long MinutesPer30Days = 30L * 24 * 60;

var services = 0;
var chain = Ppm;
while (Console.ReadLine() is { } line)
{
    if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is not [_, var percent])
    {
        continue;
    }
    services++;
    chain = chain * ParsePpm(percent) / Ppm; // up to 10^12: needs a long, not an int
}
var downtime = (Ppm - chain) * MinutesPer30Days / Ppm;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"services {services}"));
Console.WriteLine(string.Create(inv, $"availability {chain / 10_000}.{chain % 10_000:D4}%"));
Console.WriteLine(string.Create(inv, $"downtime {downtime} min per 30 days"));

// "99.95" -> 999500, "100" -> 1000000, without going through a double.
static long ParsePpm(string percent)
{
    var dot = percent.IndexOf('.');
    var whole = dot < 0 ? percent : percent[..dot];
    var frac = dot < 0 ? "" : percent[(dot + 1)..];
    return long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 10_000
        + long.Parse((frac + "0000")[..4], NumberStyles.None, CultureInfo.InvariantCulture);
}
