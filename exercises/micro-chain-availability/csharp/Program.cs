// TODO: each stdin line names a service and its availability in percent ("orders 99.9").
// One request calls every listed service in turn and fails if any one of them is down.
// Print how often the whole request succeeds (assume failures are independent):
//   services N
//   availability P%            P with exactly 4 decimals, e.g. 99.6503%
//   downtime M min per 30 days  M rounded down
// Work in whole parts per million (ppm): 99.95% is 999500 ppm. After each step, round the
// chain's ppm down to a whole number. This starter gets the combining rule wrong.
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
    // A chain is only as strong as its weakest link... isn't it?
    chain = Math.Min(chain, ParsePpm(percent));
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
