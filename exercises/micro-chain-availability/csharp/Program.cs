// TODO: each stdin line names a service and its availability in percent ("orders 99.9").
// One request calls every listed service in turn and fails if any one of them is down.
// Print how often the whole request succeeds (assume failures are independent):
//   services N
//   availability P%            P with exactly 4 decimals, e.g. 99.6503%
//   downtime M min per 30 days  M rounded down
// Work in whole parts per million (ppm): 99.95% is 999500 ppm. After each step, round the
// chain's ppm down to a whole number. This starter gets the combining rule wrong.
using System;
using System.Globalization;

static class Program
{
    const long Ppm = 1000000;
    const long MinutesPer30Days = 30L * 24 * 60;

    // "99.95" -> 999500, "100" -> 1000000, without going through a double.
    static long ParsePpm(string percent)
    {
        int dot = percent.IndexOf('.');
        string whole = dot < 0 ? percent : percent.Substring(0, dot);
        string frac = dot < 0 ? "" : percent.Substring(dot + 1);
        return long.Parse(whole, CultureInfo.InvariantCulture) * 10000
            + long.Parse((frac + "0000").Substring(0, 4), CultureInfo.InvariantCulture);
    }

    static void Main()
    {
        int services = 0;
        long chain = Ppm;
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] fields = line.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                continue;
            }
            services++;
            // A chain is only as strong as its weakest link... isn't it?
            chain = Math.Min(chain, ParsePpm(fields[1]));
        }
        long downtime = (Ppm - chain) * MinutesPer30Days / Ppm;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "services {0}", services));
        Console.WriteLine(string.Format(inv, "availability {0}.{1:D4}%", chain / 10000, chain % 10000));
        Console.WriteLine(string.Format(inv, "downtime {0} min per 30 days", downtime));
    }
}
